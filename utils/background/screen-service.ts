import type { TextMatcher } from '../matcher/matcher';
import { messenger } from '../messaging/protocol';
import { isOwnSender, parseScreenRequest } from '../messaging/validate';

/**
 * Answers the content scripts' screenings (does any of these texts hold a match?) with the
 * full matcher, unfiltered by settings, so a "no" holds whatever the user has switched on.
 * The matcher is built on the first request. Pages that mention nothing thereby never load
 * the annotator: the background builds and warms one matcher instead of every page building
 * its own on its main thread.
 */
export function serveScreening(createMatcher: () => TextMatcher, runtimeId: string): () => void {
  let matcher: TextMatcher | undefined;
  return messenger.onMessage('screenText', ({ data, sender }) => {
    if (!isOwnSender(sender, runtimeId)) return false;
    const texts = parseScreenRequest(data);
    // An unreadable request gets "yes": the content script then annotates as if unscreened.
    if (!texts) return true;
    return anyMatch((matcher ??= createMatcher()), texts);
  });
}

/** Whether the matcher finds anything in any of `texts`: the screening's answer. */
export function anyMatch(matcher: TextMatcher, texts: readonly string[]): boolean {
  return texts.some((text) => matcher.findAll(text).length > 0);
}
