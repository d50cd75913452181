/**
 * Pages for the Chromium rows, generated at bench time into a temporary folder (never into the
 * repository): threat-report text of a given size, text without any match, and a page that
 * rewrites its text every 10 ms.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMatcher } from '../../utils/matcher/matcher';
import type { MatcherTable } from '../../utils/matcher/table';
import { reportParagraphs } from './report-text';

/** Share of report sentences with names (as matcher-bench's "report text"). */
const REALISTIC_SHARE = 0.28;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(title: string, body: string, script = ''): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n<style>body{font:16px/1.5 sans-serif;max-width:46em;margin:2em auto}</style></head>\n<body><article><h1>${escapeHtml(title)}</h1>\n${body}\n</article>${script}</body></html>\n`;
}

function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

function textBytes(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0);
}

export interface GeneratedPage {
  file: string;
  /** UTF-8 bytes of the visible text. */
  textBytes: number;
}

/** Paragraphs grouped `perSection` at a time into `<section>`s, each under its own heading. */
function sectionsHtml(paragraphs: readonly string[], perSection: number): string {
  const sections: string[] = [];
  for (let i = 0; i < paragraphs.length; i += perSection) {
    sections.push(`<section><h2>Section ${sections.length + 1}</h2>\n${paragraphsHtml(paragraphs.slice(i, i + perSection))}\n</section>`);
  }
  return sections.join('\n');
}

/**
 * A threat report of about `bytes` of text: actor names, aliases, IDs, indicators and prose.
 * By default every paragraph is a child of one <article>; with `perSection`, they are grouped
 * into sections, as long reports are (chapters, appendices).
 */
export function writeReportPage(dir: string, file: string, table: MatcherTable, bytes: number, seed: number, perSection?: number): GeneratedPage {
  const paragraphs = reportParagraphs(table, bytes, REALISTIC_SHARE, seed);
  const body = perSection ? sectionsHtml(paragraphs, perSection) : paragraphsHtml(paragraphs);
  writeFileSync(join(dir, file), page(`Threat report (${(bytes / 1e6).toFixed(1)} MB of text)`, body));
  return { file, textBytes: textBytes(paragraphs) };
}

/** About `bytes` of report prose in which the matcher finds nothing (checked here, with the real matcher). */
export function writePlainPage(dir: string, file: string, table: MatcherTable, bytes: number, seed: number): GeneratedPage {
  const matcher = createMatcher(table);
  const kept: string[] = [];
  let total = 0;
  for (let round = 0; total < bytes && round < 20; round++) {
    for (const p of reportParagraphs(table, bytes, 0, seed + round)) {
      if (total >= bytes) break;
      if (matcher.findAll(p).length > 0) continue;
      kept.push(p);
      total += Buffer.byteLength(p, 'utf8');
    }
  }
  writeFileSync(join(dir, file), page('Company news', paragraphsHtml(kept)));
  return { file, textBytes: textBytes(kept) };
}

/**
 * A live page: a short report plus 20 "feed" paragraphs, one of which gets new text (report
 * sentences, names included) every `intervalMs` for `durationMs`; then `window.__benchDone`.
 */
export function writeMutatingPage(dir: string, file: string, table: MatcherTable, intervalMs: number, durationMs: number, seed: number): GeneratedPage {
  const intro = reportParagraphs(table, 8_000, REALISTIC_SHARE, seed);
  const sentences = reportParagraphs(table, 60_000, REALISTIC_SHARE, seed + 1).flatMap((p) => p.split(/(?<=\.) /));
  const feed = Array.from({ length: 20 }, (_, i) => `<p class="feed">${escapeHtml(sentences[i % sentences.length]!)}</p>`).join('\n');
  // A string, not a function: the page runs it as is.
  const script = `<script>
(() => {
  const sentences = ${JSON.stringify(sentences).replace(/</g, '\\u003c')};
  const feed = document.querySelectorAll('p.feed');
  let tick = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - started >= ${durationMs}) {
      clearInterval(timer);
      window.__benchDone = true;
      return;
    }
    feed[tick % feed.length].textContent = sentences[tick % sentences.length];
    tick++;
  }, ${intervalMs});
  window.__benchStarted = started;
})();
</script>`;
  writeFileSync(join(dir, file), page('Live feed', `${paragraphsHtml(intro)}\n${feed}`, script));
  return { file, textBytes: textBytes(intro) };
}
