/**
 * Checks the Firefox build before `web-ext lint`: it is the Manifest V2 build with a gecko id,
 * and every packaged file stays under the add-on store's 4 MB limit for a file
 * (data/emit/details.ts splits the details to stay under it).
 * Run with `npm run lint:firefox` after `npm run build:firefox`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtFirefoxExtensionDir } from './harness/paths';

/** 4 MB in decimal bytes, the stricter reading of the store's limit. */
const MAX_PACKAGED_FILE_BYTES = 4_000_000;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** The problems found in an unpacked Firefox build; empty when it passes. */
function checkFirefoxPackage(dir: string, maxBytes = MAX_PACKAGED_FILE_BYTES): string[] {
  const problems: string[] = [];
  let manifest: { manifest_version?: number; browser_specific_settings?: { gecko?: { id?: string } } };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (error) {
    return [`No readable manifest.json in ${dir} (${(error as Error).message}): run \`npm run build:firefox\` first.`];
  }
  if (manifest.manifest_version !== 2)
    problems.push(`manifest_version is ${manifest.manifest_version}, expected 2 (see wxt.config.ts).`);
  if (!manifest.browser_specific_settings?.gecko?.id)
    problems.push('browser_specific_settings.gecko.id is missing.');
  for (const file of listFiles(dir)) {
    const bytes = statSync(file).size;
    if (bytes > maxBytes)
      problems.push(`${relative(dir, file)} is ${bytes} bytes, over the ${maxBytes}-byte limit for a packaged file.`);
  }
  return problems;
}

const dir = process.argv[2] ?? builtFirefoxExtensionDir;
const problems = checkFirefoxPackage(dir);
if (problems.length) {
  console.error(`Firefox package check failed for ${dir}:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const sizes = listFiles(dir).map((file) => ({ file: relative(dir, file), bytes: statSync(file).size }));
const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log(
  `Firefox package check passed: ${sizes.length} files in ${relative(process.cwd(), dir) || dir}, ` +
    `largest ${largest.file} (${largest.bytes} bytes, limit ${MAX_PACKAGED_FILE_BYTES}).`,
);
