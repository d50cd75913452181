import path from 'node:path';
import { addPublicAssets, defineWxtModule } from 'wxt/modules';
import { GENERATED_DIR, buildArtifacts } from '../data/build-artifacts';
import { resolveSourcesDir } from '../data/source-dir';

/**
 * Compiles the threat-intel index before every build (sources from TI_SOURCES_DIR or the
 * fetch cache) and ships its details files as extension assets.
 */
export default defineWxtModule({
  name: 'threat-intel-index',
  setup(wxt) {
    const outDir = path.resolve(wxt.config.root, GENERATED_DIR);
    addPublicAssets(wxt, path.join(outDir, 'public'));
    wxt.hook('build:before', async () => {
      const sources = resolveSourcesDir(process.env, wxt.config.root);
      wxt.logger.info(`Compiling the threat-intel index from ${sources}`);
      const counts = await buildArtifacts(sources, outDir);
      wxt.logger.info(`Threat-intel index:\n${counts}`);
    });
  },
});
