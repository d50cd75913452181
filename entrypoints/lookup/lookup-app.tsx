import { useMemo, useState } from 'preact/hooks';
import { cardStyles } from '@/components/styles';
import { useSearcher } from '@/utils/page-hooks/use-searcher';
import { createPageData } from '@/utils/search/page-data';
import { resolveLookup } from '@/utils/search/resolve-lookup';
import { HitLinks } from './hit-links';
import { ProfileView } from './profile-view';
import { SearchForm } from './search-form';
import { profileHref, useUrlQuery } from './use-url-query';

/** `lookup.html?q=<text>`: the profile of the best match, a list to choose from, or the closest names. */
export function LookupApp() {
  const [data] = useState(createPageData);
  const search = useSearcher(data.searcher);
  const [query, navigate] = useUrlQuery();
  const resolution = useMemo(
    () => (search.status === 'ready' && query ? resolveLookup(search.searcher, query) : undefined),
    [search, query],
  );
  const nav = { profileHref, onOpenProfile: navigate };

  return (
    <div class="lookup til-theme">
      <style>{cardStyles}</style>
      <header class="lookup-head">
        <a class="brand" href="lookup.html">
          TI Lens
        </a>
        <SearchForm query={query} onSubmit={navigate} />
      </header>
      <main class="lookup-main">
        {search.status === 'loading' && query && <p class="muted">Loading the index…</p>}
        {search.status === 'error' && <p class="error">{`The search index could not be loaded: ${search.message}`}</p>}
        {!query && <p class="muted">Type the name, alias or ATT&CK ID of an actor, technique, software or campaign.</p>}
        {resolution?.type === 'profile' && (
          <ProfileView key={resolution.hit.doc.id} store={data.store} hit={resolution.hit} others={resolution.others} query={query} nav={nav} />
        )}
        {resolution?.type === 'choose' && (
          <section class="choices" aria-labelledby="choices-title">
            <h1 id="choices-title" class="page-title">
              {resolution.reason === 'ambiguous' ? `“${query}” names several entities` : `No exact match for “${query}”`}
            </h1>
            <p class="muted">Choose one:</p>
            <HitLinks hits={resolution.hits} layout="list" onNavigate={navigate} />
          </section>
        )}
        {resolution?.type === 'none' && (
          <section class="no-match">
            <h1 class="page-title">{`Nothing matches “${query}”`}</h1>
            {resolution.closest.length > 0 ? (
              <p>
                Closest names: <HitLinks hits={resolution.closest} layout="inline" onNavigate={navigate} />
              </p>
            ) : (
              <p class="muted">Try a shorter name, an alias or an ATT&CK ID (G0007, T1566.001, S0013).</p>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
