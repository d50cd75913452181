import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumArgs, extensionIdFromUrl, launchedExtension, type LaunchedExtension } from './launch-extension';
import { recordNetwork } from './network-recorder';
import { builtExtensionDir, chromiumPath } from './paths';

export interface LaunchedWithOthers extends LaunchedExtension {
  /** The other unpacked extensions, in the order given: id and service worker. */
  others: { dir: string; extensionId: string; serviceWorker: Worker }[];
}

const extensionWorker = /^chrome-extension:\/\/[a-p]{32}\//;

/** The extension's manifest name, asked of its service worker. */
function manifestName(worker: Worker): Promise<string> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name);
}

/**
 * Like launchExtension, with more unpacked extensions loaded beside TI Lens. Each extension
 * (ours and the others) must have a service worker and a distinct manifest name: that is how
 * it is found and told apart.
 */
export async function launchWithExtensions(otherDirs: string[], options: { timeoutMs?: number } = {}): Promise<LaunchedWithOthers> {
  const dirs = [builtExtensionDir, ...otherDirs];
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No extension in ${dir} (for TI Lens: run \`npm run build\` first).`);
    if (dir.includes(',')) throw new Error(`Extension paths cannot contain commas: ${dir}`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}.`);

  const profileDir = mkdtempSync(join(tmpdir(), 'ti-lens-e2e-'));
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      // Chromium takes comma-separated lists in both extension flags.
      args: chromiumArgs(dirs.join(',')),
    });
    const network = recordNetwork(context);
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    let workers: Worker[] = [];
    while ((workers = context.serviceWorkers().filter((w) => extensionWorker.test(w.url()))).length < dirs.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Only ${workers.length} of ${dirs.length} extension service workers started.`);
      await context.waitForEvent('serviceworker', { timeout: left }).catch(() => undefined);
    }
    const named = await Promise.all(workers.map(async (worker) => ({ worker, name: await manifestName(worker) })));
    const ours = named.find((w) => w.name === 'TI Lens');
    if (!ours) throw new Error(`TI Lens is not among the started extensions: ${named.map((w) => w.name).join(', ')}`);
    // Workers start in no particular order: the others are told apart by their manifest names.
    const others = otherDirs.map((dir) => {
      const { name } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { name: string };
      const match = named.find((w) => w !== ours && w.name === name);
      if (!match) throw new Error(`No service worker for the extension in ${dir} (${name})`);
      return { dir, extensionId: extensionIdFromUrl(match.worker.url()), serviceWorker: match.worker };
    });
    return { ...launchedExtension(context, ours.worker, network, removeProfile), others };
  } catch (error) {
    await context?.close().catch(() => {});
    removeProfile();
    throw error;
  }
}
