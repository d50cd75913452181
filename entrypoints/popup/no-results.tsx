import type { SearchHit } from '@/utils/search/search-hit';

/** Nothing matched: say so, and offer the closest names. */
export function NoResults({ query, closest, onOpen }: { query: string; closest: readonly SearchHit[]; onOpen(hit: SearchHit): void }) {
  return (
    <div class="no-results">
      <p class="muted">{`Nothing matches “${query}”.`}</p>
      {closest.length > 0 && (
        <p>
          Closest names:{' '}
          {closest.map((hit, i) => (
            <span key={hit.doc.id}>
              {i > 0 && ', '}
              <button type="button" class="link-button" data-ti-id={hit.doc.id} onClick={() => onOpen(hit)}>
                {hit.doc.name}
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
