import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { builtExtensionDir } from './paths';

export interface RecordedRequest {
  url: string;
  /** `service-worker` for the extension's background worker, `page` for pages and their frames (content scripts included). */
  from: 'page' | 'service-worker';
  /** URL of the frame or worker that made the request ('' when Playwright cannot tell, e.g. a navigation). */
  initiator: string;
}

export interface NetworkRecorder {
  readonly requests: readonly RecordedRequest[];
  stop(): void;
}

/**
 * Records every request the context's pages and service workers make. Playwright reports
 * service-worker requests through `context.on('request')` too (Chromium only), with
 * `request.serviceWorker()` set. Requests the browser makes for itself (favicons, updates)
 * are not visible to Playwright.
 */
export function recordNetwork(context: BrowserContext): NetworkRecorder {
  const requests: RecordedRequest[] = [];
  const onRequest = (request: Request) => requests.push(describeRequest(request));
  context.on('request', onRequest);
  return { requests, stop: () => context.off('request', onRequest) };
}

function describeRequest(request: Request): RecordedRequest {
  const worker = request.serviceWorker();
  if (worker) return { url: request.url(), from: 'service-worker', initiator: worker.url() };
  let initiator = '';
  try {
    initiator = request.frame().url();
  } catch {
    // No frame yet (a navigation request); the URL says enough.
  }
  return { url: request.url(), from: 'page', initiator };
}

/** `data:` and `blob:` URLs never leave the browser. */
function isInBrowserUrl(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('blob:');
}

/** The built extension's web-accessible files ("card-ui.js"). */
function webAccessibleFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(builtExtensionDir, 'manifest.json'), 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
  return (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources);
}

/**
 * A web-accessible file of the extension under its dynamic URL (use_dynamic_url: Chromium
 * serves it from `chrome-extension://<random id per session>/`): the extension's own
 * package, never the network.
 */
function isOwnDynamicResource(url: string, files: readonly string[]): boolean {
  const match = /^chrome-extension:\/\/[0-9a-f-]{36}\/(.+)$/.exec(url);
  return match !== null && files.includes(match[1]!);
}

/** The requests to anything but the given origins (`http://127.0.0.1:1234`, `chrome-extension://<id>`) and the extension's own web-accessible files. */
export function requestsOutside(
  requests: readonly RecordedRequest[],
  allowedOrigins: readonly string[],
): RecordedRequest[] {
  const files = webAccessibleFiles();
  return requests.filter(
    ({ url }) =>
      !isInBrowserUrl(url) &&
      !isOwnDynamicResource(url, files) &&
      !allowedOrigins.some((origin) => url === origin || url.startsWith(`${origin}/`)),
  );
}
