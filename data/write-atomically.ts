import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a set of files as a whole new folder and swaps it in with renames, so a failed
 * build leaves the previous output untouched and readers never see half a set.
 */
export async function replaceFolder(dir: string, files: readonly { name: string; contents: string }[]): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${dir}.staging-${stamp}`;
  const retired = `${dir}.old-${stamp}`;
  await mkdir(staging, { recursive: true });
  try {
    for (const f of files) {
      const target = path.join(staging, f.name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.contents);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rename(dir, retired).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(staging, dir);
  await rm(retired, { recursive: true, force: true });
}

/** Writes one file via a temporary sibling and a rename. */
export async function writeFileAtomically(file: string, contents: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(tmp, contents);
  await rename(tmp, file);
}
