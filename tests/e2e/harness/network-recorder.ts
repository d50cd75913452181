import type { BrowserContext, Request } from 'playwright-core';

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

/** The requests to anything but the given origins (`http://127.0.0.1:1234`, `chrome-extension://<id>`). */
export function requestsOutside(
  requests: readonly RecordedRequest[],
  allowedOrigins: readonly string[],
): RecordedRequest[] {
  return requests.filter(
    ({ url }) =>
      !isInBrowserUrl(url) && !allowedOrigins.some((origin) => url === origin || url.startsWith(`${origin}/`)),
  );
}
