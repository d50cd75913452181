import type { RichText } from '../../data/schema';

const ELLIPSIS = '…';

/**
 * The first `maxChars` characters of a description, cut at a word boundary, with an
 * ellipsis when anything was dropped. Links are kept whole or dropped, never cut.
 */
export function truncateRichText(text: RichText, maxChars: number): { text: RichText; truncated: boolean } {
  const out: RichText = [];
  let used = 0;
  for (const segment of text) {
    const room = maxChars - used;
    if (segment.text.length <= room) {
      out.push({ ...segment });
      used += segment.text.length;
      continue;
    }
    const cut = segment.url ? '' : cutAtWord(segment.text, room);
    if (cut) out.push({ text: cut });
    appendEllipsis(out);
    return { text: out, truncated: true };
  }
  return { text: out, truncated: false };
}

/** Up to `room` characters ending at a word boundary (a single over-long word is cut hard). */
export function cutAtWord(text: string, room: number): string {
  if (room <= 0) return '';
  const head = text.slice(0, room + 1);
  const boundary = head.search(/\s\S*$/);
  const cut = boundary > 0 ? head.slice(0, boundary) : text.slice(0, room);
  return cut.replace(/[\s,;:(–—-]+$/u, '');
}

function appendEllipsis(out: RichText): void {
  const last = out[out.length - 1];
  if (last && last.url === undefined) {
    last.text = last.text.trimEnd() + ELLIPSIS;
  } else {
    out.push({ text: ELLIPSIS });
  }
}
