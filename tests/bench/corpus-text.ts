/**
 * Visible text of the shared development corpus (../shared/corpus-dev/pages), read at bench
 * time only: the corpus is never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_PAGES_DIR = fileURLToPath(new URL('../../../shared/corpus-dev/pages', import.meta.url));

function unescapeHtml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** One string per `<p>` of every corpus page, or undefined when the corpus is absent. */
export function corpusParagraphs(): string[] | undefined {
  if (!existsSync(CORPUS_PAGES_DIR)) return undefined;
  const paragraphs: string[] = [];
  for (const file of readdirSync(CORPUS_PAGES_DIR).sort()) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(`${CORPUS_PAGES_DIR}/${file}`, 'utf8');
    for (const m of html.matchAll(/<p>([\s\S]*?)<\/p>/g)) paragraphs.push(unescapeHtml(m[1]!));
  }
  return paragraphs;
}
