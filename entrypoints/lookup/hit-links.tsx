import { hitDetails, visibleId } from '@/utils/search/describe-hit';
import type { SearchHit } from '@/utils/search/search-hit';
import { profileHref } from './use-url-query';

interface HitLinksProps {
  hits: readonly SearchHit[];
  onNavigate(id: string): void;
  /** One per line with details, or inline names. */
  layout: 'list' | 'inline';
}

/** Links to the profiles of search hits: a plain click looks them up in place. */
export function HitLinks({ hits, onNavigate, layout }: HitLinksProps) {
  const link = (hit: SearchHit) => (
    <a
      href={profileHref(hit.doc.id)}
      data-ti-id={hit.doc.id}
      onClick={(e) => {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        onNavigate(hit.doc.id);
      }}
    >
      {hit.doc.name}
    </a>
  );
  if (layout === 'inline')
    return (
      <>
        {hits.map((hit, i) => (
          <span key={hit.doc.id}>
            {i > 0 && ', '}
            {link(hit)}
            {visibleId(hit.doc) && <span class="muted">{` (${visibleId(hit.doc)})`}</span>}
          </span>
        ))}
      </>
    );
  return (
    <ul class="hit-list">
      {hits.map((hit) => (
        <li key={hit.doc.id}>
          {link(hit)} <span class="hit-id">{visibleId(hit.doc)}</span> <span class="muted">{hit.doc.kind}</span>
          {hitDetails(hit).length > 0 && <div class="muted hit-detail">{hitDetails(hit).join(' · ')}</div>}
        </li>
      ))}
    </ul>
  );
}
