import { createMention, type MentionSpec } from './mention-element';
import { dom } from './natives';

/** A match to wrap: UTF-16 offsets into a text node's data, plus what the mention shows. */
export interface WrapSpec extends MentionSpec {
  start: number;
  end: number;
}

/** A stretch of the original text: plain, or one match to wrap. */
export type Segment<M> = { text: string; offset: number; match?: M };

/**
 * Cuts `text` into plain and matched segments. Matches that are out of range, overlap an
 * earlier one, or whose `text` differs from the slice they point at are dropped, so the
 * segments always concatenate back to `text` exactly.
 */
export function planSegments<M extends WrapSpec>(text: string, matches: readonly M[]): Segment<M>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const segments: Segment<M>[] = [];
  let cursor = 0;
  for (const match of sorted) {
    const { start, end } = match;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= cursor &&
      end > start && end <= text.length && text.slice(start, end) === match.text;
    if (!valid) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), offset: cursor });
    segments.push({ text: match.text, offset: start, match });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), offset: cursor });
  return segments;
}

/** A plain text node holding unmatched text after wrapping, with its offset in the node's former data. */
export interface TextPiece {
  node: Text;
  offset: number;
}

export interface WrapResult {
  /** Number of mentions inserted. */
  mentions: number;
  /** The plain text nodes holding the unmatched text: the wrapped node itself first (offset 0). */
  pieces: TextPiece[];
  /** The nodes inserted after the wrapped node, in order: mentions and new plain pieces. */
  parts: Node[];
}

/**
 * Splits `node` in place into [node, <ti-mention>, text, ...], built from text nodes and
 * elements only. The node itself stays where it is and keeps the text before the first
 * match (the empty string when a match starts at offset 0): frameworks hold references to
 * the Text nodes they render and later set their nodeValue or removeChild them, which must
 * keep landing on a node in the page (see repair-runs.ts for what follows such a write).
 * Every node it creates is passed to `track` (so mutation handling can recognise its own
 * writes). Does nothing when no match is valid or the node has no parent.
 */
export function wrapTextNode(node: Text, matches: readonly WrapSpec[], track: (created: Node) => void): WrapResult {
  const parent = node.parentNode;
  const doc = node.ownerDocument;
  const segments = planSegments(node.data, matches);
  if (!parent || !doc || !segments.some((segment) => segment.match)) return { mentions: 0, pieces: [], parts: [] };

  const head = segments[0]!.match ? '' : segments.shift()!.text;
  const fragment = dom.createDocumentFragment(doc);
  const pieces: TextPiece[] = [{ node, offset: 0 }];
  const parts: Node[] = [];
  let mentions = 0;
  for (const segment of segments) {
    if (segment.match) {
      const { element, text } = createMention(doc, segment.match);
      track(element);
      track(text);
      dom.appendChild(fragment, element);
      parts.push(element);
      mentions++;
    } else {
      const text = dom.createTextNode(doc, segment.text);
      track(text);
      pieces.push({ node: text, offset: segment.offset });
      dom.appendChild(fragment, text);
      parts.push(text);
    }
  }
  // Like splitText, but through captured natives: shorten the node, then insert the rest after it.
  dom.setData(node, head);
  dom.insertBefore(parent, fragment, node.nextSibling);
  return { mentions, pieces, parts };
}
