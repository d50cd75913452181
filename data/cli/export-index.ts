import path from 'node:path';
import { compileIndex } from '../compile-index';
import { loadSourceDocuments } from '../load-sources';
import { resolveSourcesDir } from '../source-dir';
import { writeFileAtomically } from '../write-atomically';
import { runCli } from './run-cli';

runCli(async () => {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run index:export -- FILE');
  const index = compileIndex(await loadSourceDocuments(resolveSourcesDir()));
  await writeFileAtomically(path.resolve(target), JSON.stringify(index, null, 1));
  console.log(`Wrote the compiled index (schema ${index.schemaVersion}, ${index.actors.length} actors) to ${target}`);
});
