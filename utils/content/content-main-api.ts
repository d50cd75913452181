import type { PageSession } from './page-session';

/** What the content script's main module (entrypoints/content-main.ts) hands to the registered content script. */
export interface ContentMainApi {
  /** Starts annotating this frame (startPageSession) until `signal` aborts. */
  start(signal: AbortSignal): PageSession;
}
