import path from 'node:path';
import { GENERATED_DIR, buildArtifacts } from '../build-artifacts';
import { resolveSourcesDir } from '../source-dir';
import { runCli } from './run-cli';

runCli(async () => {
  const sources = resolveSourcesDir();
  console.log(`Compiling the threat-intel index from ${sources}`);
  console.log(await buildArtifacts(sources, path.resolve(GENERATED_DIR)));
});
