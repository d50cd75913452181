import type { RichText } from '../schema';

const CITATION = /\s?\(Citation:[^)]*\)/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ETDA_CARD_REF = /\{\{([^{}]*)\}\}/g;
const MARKDOWN_LINK = /\[([^\][]*)\]\(([^()\s]*)\)/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** Removes what a description must not carry as markup: citations, HTML tags, ETDA card braces, entities. */
export function toPlainText(raw: string): string {
  return raw
    .replace(CITATION, '')
    .replace(HTML_TAG, '')
    .replace(ETDA_CARD_REF, '$1')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Only http(s) URLs survive as links: `javascript:` and other schemes become plain text. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A dataset description (markdown with citations, sometimes HTML tags) as structured plain
 * text: markdown links become link segments, everything else is text. No HTML survives.
 */
export function toRichText(raw: string | undefined | null): RichText {
  if (!raw) return [];
  const text = toPlainText(raw);
  const out: RichText = [];
  let last = 0;
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    const [whole, label = '', url = ''] = m;
    const at = m.index ?? 0;
    if (at > last) pushText(out, text.slice(last, at));
    const safe = safeHttpUrl(url);
    if (safe && label) out.push({ text: label, url: safe });
    else pushText(out, label);
    last = at + whole.length;
  }
  if (last < text.length) pushText(out, text.slice(last));
  return out;
}

function pushText(out: RichText, text: string): void {
  if (!text) return;
  const prev = out[out.length - 1];
  if (prev && prev.url === undefined) prev.text += text;
  else out.push({ text });
}

/** The rich text as one plain string (for search and summaries). */
export function richTextToString(text: RichText): string {
  return text.map((s) => s.text).join('');
}
