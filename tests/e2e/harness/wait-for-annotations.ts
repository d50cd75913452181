import type { Page } from 'playwright-core';
import { countAnnotations } from './annotation-elements';

export interface WaitForAnnotationsOptions {
  /** The count must stay the same this long to count as settled. */
  quietMs?: number;
  /** Give up (and throw) after this long. */
  timeoutMs?: number;
  pollMs?: number;
  /** Do not settle below this count (for pages that must be annotated). */
  atLeast?: number;
}

/**
 * Waits until the page's annotation count (document and open shadow roots) stops changing,
 * and returns it. Throws when the count has not settled within `timeoutMs`.
 */
export async function waitForAnnotations(page: Page, options: WaitForAnnotationsOptions = {}): Promise<number> {
  const { quietMs = 500, timeoutMs = 15_000, pollMs = 100, atLeast = 0 } = options;
  const deadline = Date.now() + timeoutMs;
  let count = await countAnnotations(page);
  let changedAt = Date.now();
  for (;;) {
    if (count >= atLeast && Date.now() - changedAt >= quietMs) return count;
    if (Date.now() > deadline)
      throw new Error(`Annotations did not settle within ${timeoutMs} ms (last count ${count}, wanted at least ${atLeast}).`);
    await new Promise((wake) => setTimeout(wake, pollMs));
    const next = await countAnnotations(page);
    if (next !== count) {
      count = next;
      changedAt = Date.now();
    }
  }
}
