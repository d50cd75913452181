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

/** A plain text node created by wrapping, with its offset in the original node's data. */
export interface TextPiece {
  node: Text;
  offset: number;
}

export interface WrapResult {
  /** Number of mentions inserted. */
  mentions: number;
  /** The plain text nodes that replaced the unmatched parts of the original node. */
  pieces: TextPiece[];
}

/**
 * Replaces `node` by a fragment [text, <ti-mention>, text, ...] built from text nodes and
 * elements only. Every node it creates is passed to `track` (so mutation handling can
 * recognise its own writes). Does nothing when no match is valid or the node has no parent.
 */
export function wrapTextNode(node: Text, matches: readonly WrapSpec[], track: (created: Node) => void): WrapResult {
  const parent = node.parentNode;
  const doc = node.ownerDocument;
  const segments = planSegments(node.data, matches);
  if (!parent || !doc || !segments.some((segment) => segment.match)) return { mentions: 0, pieces: [] };

  const fragment = dom.createDocumentFragment(doc);
  const pieces: TextPiece[] = [];
  let mentions = 0;
  for (const segment of segments) {
    if (segment.match) {
      const { element, text } = createMention(doc, segment.match);
      track(element);
      track(text);
      dom.appendChild(fragment, element);
      mentions++;
    } else {
      const text = dom.createTextNode(doc, segment.text);
      track(text);
      pieces.push({ node: text, offset: segment.offset });
      dom.appendChild(fragment, text);
    }
  }
  dom.replaceChild(parent, fragment, node);
  return { mentions, pieces };
}
