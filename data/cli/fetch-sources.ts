/**
 * `npm run data:fetch`: downloads the pinned source datasets of data/sources.json into
 * .cache/sources/<file>, where a build without TI_SOURCES_DIR reads them. With TI_SOURCES_DIR
 * set, the build reads that folder instead, so nothing is downloaded (the network is never
 * touched): the command only says where each file is read from.
 */
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSourcesDir } from '../source-dir';
import { SourceError } from '../source-error';
import { type SourceSpec, sourceSpecs } from '../source-manifest';
import { runCli } from './run-cli';

export interface PlannedDownload {
  /** The file's path as data/sources.json names it ("attack/enterprise-attack.json"). */
  file: string;
  url: string;
  /** Absolute path it is written to. */
  target: string;
}

/** What `data:fetch` downloads: every file of every source, into `cacheDir/<file>`. */
export function planDownloads(specs: readonly SourceSpec[], cacheDir: string): PlannedDownload[] {
  const root = path.resolve(cacheDir);
  return specs.flatMap((spec) =>
    spec.files.map((f) => {
      const target = path.resolve(root, f.file);
      if (!target.startsWith(root + path.sep)) throw new Error(`data/sources.json: file "${f.file}" of ${spec.id} leaves the cache folder`);
      if (!/^https:\/\//.test(f.url)) throw new Error(`data/sources.json: file "${f.file}" of ${spec.id} has no https url`);
      return { file: f.file, url: f.url, target };
    }),
  );
}

export type Fetch = (url: string) => Promise<Response>;

/**
 * Downloads one file: fetched whole, checked to be JSON, written to a temporary sibling and
 * renamed, so an interrupted or failed download never leaves a half file where the build reads.
 */
export async function downloadFile(d: PlannedDownload, fetchImpl: Fetch = fetch): Promise<number> {
  let response: Response;
  try {
    response = await fetchImpl(d.url);
  } catch (error) {
    throw new SourceError(d.file, `download failed from ${d.url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new SourceError(d.file, `download failed from ${d.url}: HTTP ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  try {
    JSON.parse(text);
  } catch (error) {
    throw new SourceError(d.file, `download from ${d.url} is not valid JSON (truncated?): ${(error as Error).message}`);
  }
  const tmp = `${d.target}.download-${process.pid}`;
  await mkdir(path.dirname(d.target), { recursive: true });
  try {
    await writeFile(tmp, text);
    await rename(tmp, d.target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return Buffer.byteLength(text);
}

export interface FetchOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  fetch?: Fetch;
  log?: (line: string) => void;
}

/**
 * Downloads every source file into the cache, one after the other; with TI_SOURCES_DIR set,
 * downloads nothing and reports where the build reads each file (failing if one is missing).
 */
export async function fetchSources(options: FetchOptions = {}): Promise<void> {
  const { env = process.env, cwd = process.cwd(), fetch: fetchImpl = fetch, log = console.log } = options;
  if (env.TI_SOURCES_DIR?.trim()) {
    const dir = resolveSourcesDir(env, cwd);
    log(`TI_SOURCES_DIR is set: the build reads the sources from ${dir}; nothing is downloaded.`);
    const missing: string[] = [];
    for (const d of planDownloads(sourceSpecs, dir)) {
      const present = await access(d.target).then(
        () => true,
        () => false,
      );
      if (!present) missing.push(d.file);
      log(`  ${d.file}: read from ${d.target}${present ? '' : ' (MISSING)'}`);
    }
    if (missing.length) throw new SourceError(missing.join(', '), `missing in ${dir} (TI_SOURCES_DIR)`);
    return;
  }
  const cacheDir = resolveSourcesDir({}, cwd);
  log(`Downloading the source datasets into ${cacheDir}`);
  for (const d of planDownloads(sourceSpecs, cacheDir)) {
    const bytes = await downloadFile(d, fetchImpl);
    log(`  ${d.file}: ${(bytes / 1e6).toFixed(1)} MB from ${d.url}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runCli(() => fetchSources());
}
