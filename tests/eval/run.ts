/**
 * `npm run eval`: loads the built extension in Chromium, opens every page of the development
 * corpus over loopback, reads the annotations through the DOM contract and compares them with
 * the corpus labels. A report, not a test: it fails only when the harness does.
 * Options: `--json FILE` writes the figures (counts only) to FILE. TI_CORPUS_DIR overrides
 * the corpus folder (default ../shared/corpus-dev beside the repository).
 */
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, type LaunchedExtension } from '../e2e/harness/launch-extension';
import { requestsOutside } from '../e2e/harness/network-recorder';
import { repoRoot } from '../e2e/harness/paths';
import { serveFolder } from '../e2e/harness/static-server';
import { waitForAnnotations } from '../e2e/harness/wait-for-annotations';
import { corpusDir, loadLabels, type LabeledPage } from './corpus';
import { evalAliasesPath, loadEvalAliases } from './eval-aliases';
import { readPageAnnotations } from './read-page-annotations';
import { figures, formatReport } from './report';
import { scoreCorpus, type PageResult } from './score';

async function annotateCorpus(extension: LaunchedExtension, origin: string, labels: readonly LabeledPage[]) {
  const tab = await extension.context.newPage();
  const results: PageResult[] = [];
  const unsettledPages: string[] = [];
  for (const page of labels) {
    await tab.goto(`${origin}/${encodeURIComponent(page.file)}`, { waitUntil: 'load' });
    await waitForAnnotations(tab).catch(() => unsettledPages.push(page.file));
    results.push({ page, annotations: await readPageAnnotations(tab) });
  }
  await tab.close();
  return { results, unsettledPages };
}

async function main() {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  const corpus = corpusDir();
  const labels = await loadLabels(corpus);
  const aliases = await loadEvalAliases();
  const aliasesFile = relative(repoRoot, evalAliasesPath);
  const aliasesNote = aliases
    ? `aliases from ${aliasesFile} (${Object.keys(aliases).length} ids)`
    : `no ${aliasesFile}: non-MITRE actor ids compared as written`;

  const server = await serveFolder(join(corpus, 'pages'));
  let extension: LaunchedExtension | undefined;
  try {
    extension = await launchExtension();
    console.error(`Reading ${labels.length} pages from ${corpus} ...`);
    const { results, unsettledPages } = await annotateCorpus(extension, server.origin, labels);
    const offLoopbackRequests = requestsOutside(extension.network.requests, [server.origin, extension.extensionOrigin]).map(
      ({ url, from }) => `${url} (from ${from})`,
    );
    const score = scoreCorpus(results, aliases ?? {});
    const info = { extensionId: extension.extensionId, aliasesNote, offLoopbackRequests, unsettledPages };
    console.log(formatReport(score, info));
    if (values.json) {
      await writeFile(values.json, `${JSON.stringify(figures(score, info), null, 2)}\n`);
      console.error(`Figures written to ${values.json}`);
    }
  } finally {
    await extension?.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
