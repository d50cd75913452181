import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { builtExtensionDir, chromiumPath } from './paths';
import { recordNetwork, type NetworkRecorder } from './network-recorder';

export interface LaunchedExtension {
  context: BrowserContext;
  /** 32 letters a-p, derived from the service worker's URL. */
  extensionId: string;
  /** `chrome-extension://<id>`, without a trailing slash. */
  extensionOrigin: string;
  serviceWorker: Worker;
  /** Started before anything else can run, so it sees the worker's first requests too. */
  network: NetworkRecorder;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  serviceWorkerTimeoutMs?: number;
}

/**
 * A second site name for loopback, for pages that need a frame of another site than the tab
 * (127.0.0.1): `http://${OTHER_SITE_HOST}:<port>` reaches the same local servers.
 */
export const OTHER_SITE_HOST = 'other-site.test';

/**
 * Flags for Debian's Chromium with one unpacked extension. `--headless=new` is the headless
 * mode that runs extensions; Chromium 132+ also reads a bare `--headless` (what Playwright
 * adds) as the new mode, and this flag, coming later, wins on older versions. The host
 * resolver rule keeps tests on loopback: any other host name but OTHER_SITE_HOST fails to
 * resolve (the request is still recorded).
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=MAP ${OTHER_SITE_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

const extensionWorkerUrl = /^chrome-extension:\/\/([a-p]{32})\//;

/** The extension id in a `chrome-extension://<id>/...` URL. */
export function extensionIdFromUrl(url: string): string {
  const id = extensionWorkerUrl.exec(url)?.[1];
  if (!id) throw new Error(`Not an extension URL: ${url}`);
  return id;
}

function isExtensionWorker(worker: Worker): boolean {
  return extensionWorkerUrl.test(worker.url());
}

/** Launches Chromium with the built extension in a fresh profile and waits for its service worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? builtExtensionDir;
  const executablePath = options.executablePath ?? chromiumPath;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );

  const profileDir = mkdtempSync(join(tmpdir(), 'ti-lens-e2e-'));
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      // Playwright passes --disable-extensions by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(extensionDir),
    });
    const network = recordNetwork(context);
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', {
        predicate: isExtensionWorker,
        timeout: options.serviceWorkerTimeoutMs ?? 15_000,
      }));
    return launchedExtension(context, serviceWorker, network, removeProfile);
  } catch (error) {
    await context?.close().catch(() => {});
    removeProfile();
    throw error;
  }
}

/** The launched browser seen from a test: our extension's id, worker and network record; close() also removes the profile. */
export function launchedExtension(
  context: BrowserContext,
  serviceWorker: Worker,
  network: LaunchedExtension['network'],
  removeProfile: () => void,
): LaunchedExtension {
  const extensionId = extensionIdFromUrl(serviceWorker.url());
  return {
    context,
    extensionId,
    extensionOrigin: `chrome-extension://${extensionId}`,
    serviceWorker,
    network,
    close: async () => {
      try {
        await context.close();
      } finally {
        removeProfile();
      }
    },
  };
}
