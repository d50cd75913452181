import type { CompiledIndex, EntityKind, Redirect, SourceInfo } from '../schema';

/** Largest details file, well under the 4 MB the Firefox add-on linter accepts for text files. */
export const MAX_DETAILS_FILE_BYTES = 3_000_000;

export interface DetailsManifest {
  schemaVersion: number;
  sources: SourceInfo[];
  /** Details file names per entity kind, each a JSON array of entities. */
  files: Record<EntityKind, string[]>;
  redirects: Redirect[];
}

export interface EmittedFile {
  name: string;
  contents: string;
}

/** Entity details for background, popup and lookup page, split into files under the size limit. */
export function emitDetails(index: CompiledIndex, maxBytes = MAX_DETAILS_FILE_BYTES): { manifest: DetailsManifest; files: EmittedFile[] } {
  const files: EmittedFile[] = [];
  const byKind: Record<EntityKind, readonly object[]> = {
    actor: index.actors,
    technique: index.techniques,
    tactic: index.tactics,
    software: index.software,
    campaign: index.campaigns,
  };
  const names = {} as Record<EntityKind, string[]>;
  for (const [kind, list] of Object.entries(byKind) as [EntityKind, readonly object[]][]) {
    names[kind] = [];
    for (const chunk of chunkBySize(list, maxBytes)) {
      const name = `details/${kind}-${names[kind].length}.json`;
      names[kind].push(name);
      files.push({ name, contents: chunk });
    }
  }
  const manifest: DetailsManifest = { schemaVersion: index.schemaVersion, sources: index.sources, files: names, redirects: index.redirects };
  files.push({ name: 'details/manifest.json', contents: JSON.stringify(manifest) });
  return { manifest, files };
}

/** JSON arrays of whole entities, each at most `maxBytes` long (one oversized entity stands alone). */
export function chunkBySize(list: readonly object[], maxBytes: number): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const item of list) {
    const json = JSON.stringify(item);
    const bytes = Buffer.byteLength(json) + 1;
    if (parts.length && size + bytes > maxBytes) {
      chunks.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += bytes;
  }
  if (parts.length || chunks.length === 0) chunks.push(`[${parts.join(',')}]`);
  return chunks;
}
