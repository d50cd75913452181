import type { TextWindow } from './surrounding-text';
import type { TextPiece } from './wrap-matches';

/**
 * A common-name match not accepted yet: the text node it is in, its offsets in that
 * node's data, and its surrounding text as seen when it was found.
 */
export interface DeferredMatch<M extends { start: number; end: number }> {
  node: Text;
  match: M;
  context: TextWindow;
}

/**
 * After `node` was split by wrapping, points its remaining deferred matches at the plain
 * piece that now holds them, with offsets relative to that piece. Matches that fell inside
 * a mention (cannot happen with non-overlapping matches) are dropped.
 */
export function moveToPieces<M extends { start: number; end: number }>(
  entries: readonly DeferredMatch<M>[],
  node: Text,
  pieces: readonly TextPiece[],
): DeferredMatch<M>[] {
  const moved: DeferredMatch<M>[] = [];
  for (const entry of entries) {
    if (entry.node !== node) {
      moved.push(entry);
      continue;
    }
    const { start, end } = entry.match;
    const piece = pieces.find((p) => p.offset <= start && end <= p.offset + p.node.data.length);
    if (!piece) continue;
    moved.push({ ...entry, node: piece.node, match: { ...entry.match, start: start - piece.offset, end: end - piece.offset } });
  }
  return moved;
}

/** The entry still points at the same text: node in the page and the slice unchanged. */
export function isStillValid<M extends { start: number; end: number; text: string }>(entry: DeferredMatch<M>): boolean {
  return entry.node.isConnected && entry.node.data.slice(entry.match.start, entry.match.end) === entry.match.text;
}
