import { annotatePage } from '../annotate/annotate-page';
import type { Annotator } from '../annotate/annotator';
import { EMPTY_SUMMARY, type PageSummary } from '../annotate/page-summary';
import { removeAnnotations } from '../annotate/remove-annotations';
import { startLazyHoverCards } from '../card-ui/lazy-hover-cards';
import { extensionScriptLoader, SCRIPT_PATHS } from '../script-loading/load-extension-script';
import { acceptCommonMatch } from '../matcher/context-policy';
import { filterMatcher } from '../matcher/filter-matches';
import { createMatcher, type TextMatcher } from '../matcher/matcher';
import type { MatcherTable } from '../matcher/table';
import { messenger } from '../messaging/protocol';
import { pageSiteHostname } from './page-site';
import { effectiveSettings, type PageSettings } from '../settings/effective-settings';
import { watchContentSettings } from '../settings/read-settings';

export interface PageSessionOptions {
  win: Window;
  table: MatcherTable;
  /** The content script's lifetime (ctx.signal): aborting stops everything. */
  signal: AbortSignal;
}

/** A running page session, as the content script's loader sees it. */
export interface PageSession {
  /** What the page mentions now, for the popup. */
  summary(): PageSummary;
}

/**
 * Everything the content script does on one page, kept in step with the settings: the
 * annotator (restarted, after removing its mentions, when the site is switched off or the
 * kinds, strict mode or highlight style change), hover cards (restarted when the hover delay
 * changes), and the page summary for the popup and badge. All state lives in this call.
 */
export function startPageSession({ win, table, signal }: PageSessionOptions): PageSession {
  let matcher: TextMatcher | undefined;
  let annotation: { key: string; controller: AbortController; annotator?: Annotator } | undefined;
  let hoverCards: { delay: number; controller: AbortController } | undefined;
  let summary = EMPTY_SUMMARY;
  const isTop = win === win.top;
  const loadCardUi = extensionScriptLoader('card-ui', browser.runtime.getURL(SCRIPT_PATHS['card-ui']));

  const report = (next: PageSummary) => {
    summary = next;
    if (isTop) messenger.sendMessage('reportPageSummary', next).catch(() => {});
  };
  const child = () => {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    return controller;
  };

  const applyAnnotation = (page: PageSettings) => {
    const key = annotationKey(page);
    if (annotation?.key === key) return;
    if (annotation) {
      annotation.controller.abort();
      // Only this instance's mentions: not the page's own <ti-mention>, nor (in a frame the
      // parent annotates) the parent's.
      if (annotation.annotator) removeAnnotations(win.document, { originOf: annotation.annotator.originalTextOf });
    }
    const controller = child();
    const annotator = page.annotate
      ? annotatePage(win, {
          matcher: filterMatcher((matcher ??= createMatcher(table)), page.kinds, page.strict),
          acceptCommonMatch,
          look: page.highlightStyle,
          signal: controller.signal,
          onSummary: report,
        })
      : undefined;
    annotation = { key, controller, annotator };
    if (!annotator) report(EMPTY_SUMMARY);
  };

  const applyHoverCards = (page: PageSettings) => {
    if (hoverCards?.delay === page.hoverDelayMs) return;
    hoverCards?.controller.abort();
    const controller = child();
    startLazyHoverCards({
      loadUi: loadCardUi,
      signal: controller.signal,
      hoverDelayMs: page.hoverDelayMs,
      onOpenProfile: (id) => void messenger.sendMessage('openProfile', { id }).catch(() => {}),
    });
    hoverCards = { delay: page.hoverDelayMs, controller };
  };

  void watchContentSettings((settings) => {
    const page = effectiveSettings(settings, pageSiteHostname(win));
    applyAnnotation(page);
    applyHoverCards(page);
  }, signal);
  return { summary: () => summary };
}

/** Settings whose change means re-annotating the page. */
function annotationKey(page: PageSettings): string {
  return JSON.stringify([page.annotate, [...page.kinds].sort(), page.strict, page.highlightStyle]);
}
