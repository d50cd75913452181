import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface MoreListProps<T> {
  items: readonly T[];
  /** Items shown before "+N more"; undefined shows all. */
  limit?: number;
  render: (item: T, index: number) => ComponentChildren;
  /** inline: comma-separated in a line; block: one item per line. */
  layout?: 'inline' | 'block';
  /** Accessible name of the list. */
  label?: string;
  /** Text between inline items (default ", "). */
  separator?: string;
}

/** A list showing its first items and a "+N more" button that reveals the rest. */
export function MoreList<T>({ items, limit, render, layout = 'inline', label, separator = ', ' }: MoreListProps<T>) {
  const [expanded, setExpanded] = useState(false);
  if (!items.length) return null;
  const shown = expanded || limit === undefined ? items : items.slice(0, limit);
  const hidden = items.length - shown.length;
  const more = hidden > 0 && (
    <button type="button" class="til-more" onClick={() => setExpanded(true)}>
      +{hidden} more
    </button>
  );
  if (layout === 'block') {
    return (
      <ul class="til-block-list" aria-label={label}>
        {shown.map((item, i) => (
          <li key={i}>{render(item, i)}</li>
        ))}
        {more && <li>{more}</li>}
      </ul>
    );
  }
  return (
    <span class="til-inline-list" aria-label={label}>
      {shown.map((item, i) => (
        <span key={i}>
          {i > 0 && separator}
          {render(item, i)}
        </span>
      ))}
      {more && <> {more}</>}
    </span>
  );
}
