import type { PageSummary } from '@/utils/messaging/protocol';
import type { Searcher } from '@/utils/search/create-searcher';
import { kindName } from '@/components/format/labels';
import { visibleId } from '@/utils/search/describe-hit';

export type SummaryState = { status: 'loading' } | { status: 'none' } | { status: 'ready'; summary: PageSummary };

interface OnThisPageProps {
  state: SummaryState;
  searcher: Searcher | undefined;
  onOpen(id: string): void;
}

/** The entities the current page mentions, most mentioned first, each opening its card. */
export function OnThisPage({ state, searcher, onOpen }: OnThisPageProps) {
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title" class="section-title">
        On this page
      </h2>
      {state.status === 'loading' && <p class="muted">Reading the page…</p>}
      {state.status === 'none' && <p class="muted">TI Lens does not run on this page (browser pages, or a tab opened before TI Lens was installed: reload it).</p>}
      {state.status === 'ready' && <SummaryList summary={state.summary} searcher={searcher} onOpen={onOpen} />}
    </section>
  );
}

function SummaryList({ summary, searcher, onOpen }: { summary: PageSummary; searcher: Searcher | undefined; onOpen(id: string): void }) {
  const entities = [...summary.entities].sort((a, b) => b.count - a.count);
  return (
    <>
      {entities.length === 0 && <p class="muted">Nothing annotated here.</p>}
      {entities.length > 0 && (
        <ul class="on-page-list">
          {entities.map((e) => {
            const doc = searcher?.get(e.id);
            const id = doc ? visibleId(doc) : e.id;
            return (
              <li key={e.id}>
                <button type="button" class="on-page-item" data-ti-id={e.id} onClick={() => onOpen(e.id)}>
                  <span class="result-name">{doc?.name ?? e.id}</span>
                  {id && id !== doc?.name && <span class="result-id">{id}</span>}
                  <span class="result-detail">{doc ? kindName(doc.kind) : e.kind}</span>
                  <span class="count" aria-label={`${e.count} mentions`}>{`×${e.count}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {summary.notAnnotated > 0 && <p class="muted">{`${summary.notAnnotated} more not annotated (page cap)`}</p>}
    </>
  );
}
