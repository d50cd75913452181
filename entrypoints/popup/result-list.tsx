import type { HitGroup } from '@/utils/search/group-hits';
import { groupTitle, hitDetails, visibleId } from '@/utils/search/describe-hit';
import type { SearchHit } from '@/utils/search/search-hit';

export const RESULTS_ID = 'ti-results';
export const optionId = (index: number) => `ti-result-${index}`;

interface ResultListProps {
  groups: readonly HitGroup[];
  /** Index in display order of the highlighted row; -1 for none. */
  active: number;
  onOpen(hit: SearchHit): void;
  onHover(index: number): void;
}

/** Search results grouped by kind: a listbox driven from the search box (aria-activedescendant). */
export function ResultList({ groups, active, onOpen, onHover }: ResultListProps) {
  let index = 0;
  return (
    <div id={RESULTS_ID} role="listbox" aria-label="Search results" class="results">
      {groups.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`ti-group-${group.kind}`} class="result-group">
          <div id={`ti-group-${group.kind}`} role="presentation" class="result-group-title">
            {groupTitle(group.kind)}
          </div>
          {group.hits.map((hit) => {
            const i = index++;
            return <ResultRow key={hit.doc.id} hit={hit} index={i} active={i === active} onOpen={onOpen} onHover={onHover} />;
          })}
        </div>
      ))}
    </div>
  );
}

function ResultRow({ hit, index, active, onOpen, onHover }: { hit: SearchHit; index: number; active: boolean } & Pick<ResultListProps, 'onOpen' | 'onHover'>) {
  const id = visibleId(hit.doc);
  const details = hitDetails(hit);
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={active}
      class={active ? 'result active' : 'result'}
      data-ti-id={hit.doc.id}
      data-kind={hit.doc.kind}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => !active && onHover(index)}
      onClick={() => onOpen(hit)}
    >
      <span class="result-name">{hit.doc.name}</span>
      {id && <span class="result-id">{id}</span>}
      {details.length > 0 && <span class="result-detail">{details.join(' · ')}</span>}
    </div>
  );
}
