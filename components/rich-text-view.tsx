import { safeHttpUrl } from '../data/text/rich-text';
import type { RichSegment, RichText } from '../data/schema';

const BLANK_LINE = /\n[ \t]*\n\s*/;

/** Segments grouped into paragraphs: a blank line inside a text segment starts a new one. */
export function toParagraphs(text: RichText): RichSegment[][] {
  const paragraphs: RichSegment[][] = [[]];
  for (const segment of text) {
    if (segment.url !== undefined) {
      paragraphs[paragraphs.length - 1]!.push(segment);
      continue;
    }
    segment.text.split(BLANK_LINE).forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) paragraphs[paragraphs.length - 1]!.push({ text: part });
    });
  }
  return paragraphs.filter((p) => p.some((s) => s.text.trim()));
}

/**
 * A dataset description as text nodes and, for http(s) URLs only, links opening in a new
 * tab. Anything else (markup, other URL schemes) is shown as literal text.
 */
export function RichTextView({ text, class: className }: { text: RichText; class?: string }) {
  return (
    <div class={className ? `til-rich ${className}` : 'til-rich'}>
      {toParagraphs(text).map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((segment, j) => {
            const href = segment.url === undefined ? undefined : safeHttpUrl(segment.url);
            return href ? (
              <a key={j} href={href} target="_blank" rel="noopener noreferrer">
                {segment.text}
              </a>
            ) : (
              segment.text
            );
          })}
        </p>
      ))}
    </div>
  );
}
