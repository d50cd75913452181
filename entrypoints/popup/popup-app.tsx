import { useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { cardStyles } from '@/components/styles';
import { flattenGroups, groupHits } from '@/utils/search/group-hits';
import { lookupSearch } from '@/utils/search/lookup-query';
import { createPageData } from '@/utils/search/page-data';
import type { SearchHit } from '@/utils/search/search-hit';
import { useSettings } from '@/utils/settings/use-settings';
import { CardPanel } from './card-panel';
import { NoResults } from './no-results';
import { OnThisPage } from './on-this-page';
import { optionId, RESULTS_ID, ResultList } from './result-list';
import { SiteSwitch } from './site-switch';
import { usePageSummary } from './use-page-summary';
import { useSearcher } from '@/utils/page-hooks/use-searcher';

const lookupUrl = (id: string) => browser.runtime.getURL('/lookup.html') + lookupSearch(id);

function openProfile(id: string) {
  browser.tabs.create({ url: lookupUrl(id) }).catch(() => {});
}

interface OpenCard {
  id: string;
  matchedText?: string;
}

/** The toolbar popup: search, the card of a chosen result, what the current page mentions, the site switch. */
export function PopupApp() {
  const [data] = useState(createPageData);
  const search = useSearcher(data.searcher);
  const searcher = search.status === 'ready' ? search.searcher : undefined;
  const settings = useSettings();
  const { tab, summary } = usePageSummary();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [cards, setCards] = useState<OpenCard[]>([]);
  const [showCard, setShowCard] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const groups = useMemo(() => (searcher && query.trim() ? groupHits(searcher.search(query)) : []), [searcher, query]);
  const hits = useMemo(() => flattenGroups(groups), [groups]);
  const card = showCard ? cards[cards.length - 1] : undefined;

  const openCard = (next: OpenCard, replace: boolean) => {
    setCards((stack) => (replace ? [next] : [...stack, next]));
    setShowCard(true);
  };
  const openHit = (hit: SearchHit) => openCard({ id: hit.doc.id, ...(hit.alias ? { matchedText: hit.alias } : {}) }, true);
  const back = () => {
    if (cards.length > 1) setCards((stack) => stack.slice(0, -1));
    else setShowCard(false);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      setShowCard(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : hits.length - 1) : (i + step + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (hit && !card) {
        event.preventDefault();
        openHit(hit);
      }
    } else if (event.key === 'Escape') {
      if (!query && !card) return;
      event.preventDefault();
      if (card && query) setShowCard(false);
      else if (query) {
        setQuery('');
        setActive(-1);
      } else setShowCard(false);
    }
  };

  return (
    <main class="popup til-theme" data-search-ready={searcher ? 'true' : 'false'}>
      <style>{cardStyles}</style>
      <header class="popup-head">
        <input
          ref={input}
          class="search til-query"
          type="search"
          autoFocus
          placeholder={search.status === 'loading' ? 'Loading the index…' : 'Actor, alias, technique, ID, software…'}
          aria-label="Search threat actors, techniques, software and campaigns"
          role="combobox"
          aria-expanded={!card && hits.length > 0}
          aria-controls={RESULTS_ID}
          aria-autocomplete="list"
          aria-activedescendant={!card && active >= 0 ? optionId(active) : undefined}
          value={query}
          maxLength={100}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(-1);
            setShowCard(false);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" class="link-button" onClick={() => browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      {search.status === 'error' && <p class="error">{`The search index could not be loaded: ${search.message}`}</p>}
      {card && (
        <CardPanel
          key={`${card.id}-${cards.length}`}
          store={data.store}
          id={card.id}
          matchedText={card.matchedText}
          backLabel={cards.length > 1 ? 'Back' : query.trim() ? 'Results' : 'Close'}
          onBack={back}
          onSelectEntity={(id) => openCard({ id }, false)}
          onOpenProfile={openProfile}
          profileHref={lookupUrl}
        />
      )}
      {!card && query.trim() !== '' && searcher && (
        hits.length ? (
          <ResultList groups={groups} active={active} onOpen={openHit} onHover={setActive} />
        ) : (
          <NoResults query={query.trim()} closest={searcher.closest(query)} onOpen={openHit} />
        )
      )}
      {!card && query.trim() === '' && (
        <>
          <OnThisPage state={summary} searcher={searcher} onOpen={(id) => openCard({ id }, true)} />
          {tab?.hostname && settings && <SiteSwitch hostname={tab.hostname} settings={settings} />}
        </>
      )}
    </main>
  );
}
