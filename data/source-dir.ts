import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from './source-error';

/** Where the build reads source datasets: TI_SOURCES_DIR when set, else the fetch cache. */
export function resolveSourcesDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const dir = env.TI_SOURCES_DIR?.trim();
  return dir ? path.resolve(cwd, dir) : path.resolve(cwd, '.cache/sources');
}

/** Reads and parses one source JSON file, failing with a message that names it. */
export async function readSourceJson(dir: string, file: string): Promise<unknown> {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(
      file,
      code === 'ENOENT'
        ? `missing in ${dir} (set TI_SOURCES_DIR to a folder laid out like shared/data, or run npm run data:fetch)`
        : `cannot be read: ${String(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(file, `is not valid JSON (truncated or corrupted?): ${(error as Error).message}`);
  }
}
