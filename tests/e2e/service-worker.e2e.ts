import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LaunchedExtension } from './harness/launch-extension';
import { requestsOutside } from './harness/network-recorder';

describe('the built extension in Chromium', () => {
  let extension: LaunchedExtension;

  beforeAll(async () => {
    extension = await launchExtension();
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('starts its service worker at chrome-extension://<id>/background.js', () => {
    expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
    expect(extension.serviceWorker.url()).toBe(`chrome-extension://${extension.extensionId}/background.js`);
  });

  it('serves a Manifest V3 manifest', async () => {
    const manifestUrl = `${extension.extensionOrigin}/manifest.json`;
    const manifest = await extension.serviceWorker.evaluate(
      async (url) => (await fetch(url)).json() as Promise<{ manifest_version: number }>,
      manifestUrl,
    );
    expect(manifest.manifest_version).toBe(3);
  });

  it('makes no network requests of its own while starting', () => {
    expect(requestsOutside(extension.network.requests, [extension.extensionOrigin])).toEqual([]);
  });
});
