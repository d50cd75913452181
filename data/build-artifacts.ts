import path from 'node:path';
import { compileIndex } from './compile-index';
import { describeCounts } from './emit/counts';
import { emitDetails } from './emit/details';
import { emitEvalAliases } from './emit/eval-aliases';
import { emitMatcherTable } from './emit/matcher-table';
import { splitMatcherTable } from '../utils/matcher/content-table';
import { emitSearchIndexFile } from './emit/search-index';
import { loadSourceDocuments } from './load-sources';
import { loadOrdinaryWords } from './words/ordinary-words';
import { replaceFolder } from './write-atomically';

/** Where the compiled artefacts go (git-ignored). `public/` is copied into the extension. */
export const GENERATED_DIR = 'data/generated';

/**
 * Compiles the sources in `sourcesDir` into the extension's artefacts under `outDir`:
 * matcher-table.json (the whole matcher table, for tests and tools) and its two parts that
 * the content script bundles as strings (matcher-scan.json, matcher-lookup.json, see
 * utils/matcher/content-table.ts), public/details/*.json (entity details),
 * eval-aliases.json. Returns the counts report.
 */
export async function buildArtifacts(sourcesDir: string, outDir: string): Promise<string> {
  const index = compileIndex(await loadSourceDocuments(sourcesDir));
  const table = emitMatcherTable(index, loadOrdinaryWords());
  const details = emitDetails(index);
  const contentTable = splitMatcherTable(table);
  await replaceFolder(outDir, [
    { name: 'matcher-table.json', contents: JSON.stringify(table) },
    { name: 'matcher-scan.json', contents: contentTable.scan },
    { name: 'matcher-lookup.json', contents: contentTable.lookup },
    { name: 'eval-aliases.json', contents: JSON.stringify(emitEvalAliases(index)) },
    ...details.files.map((f) => ({ name: path.join('public', f.name), contents: f.contents })),
    emitSearchIndexFile(index),
  ]);
  return describeCounts(index, table);
}
