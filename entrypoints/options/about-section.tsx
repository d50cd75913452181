import { useEffect, useState } from 'preact/hooks';
import { ExternalLink } from '@/components/external-link';
import type { SourceInfo } from '@/data/schema';
import { createDetailsStore } from '@/utils/index-data/details-store';
import { readPackagedJson } from '@/utils/index-data/extension-files';
import { countDocs, type EntityCounts } from '@/utils/search/count-docs';
import { SEARCH_INDEX_PATH, type SearchIndexFile } from '@/utils/search/search-doc';

interface AboutData {
  sources: SourceInfo[];
  counts: EntityCounts;
}

async function loadAbout(): Promise<AboutData> {
  const [sources, index] = await Promise.all([
    createDetailsStore(readPackagedJson).sources(),
    readPackagedJson(SEARCH_INDEX_PATH) as Promise<SearchIndexFile>,
  ]);
  return { sources, counts: countDocs(index.docs) };
}

/** The datasets inside this build: versions, counts, and the attribution and licence each requires. */
export function AboutSection() {
  const [about, setAbout] = useState<AboutData>();
  const [error, setError] = useState('');
  useEffect(() => {
    loadAbout().then(setAbout, (e: unknown) => setError(String(e)));
  }, []);
  const c = about?.counts;
  return (
    <section class="panel about" aria-labelledby="about-title">
      <h2 id="about-title">About the data</h2>
      <p>TI Lens works offline: everything below is packaged with the extension, and it makes no network requests.</p>
      {error && <p class="error">{`Could not read the packaged index: ${error}`}</p>}
      {c && (
        <p data-counts>
          {`${c.byKind.actor} threat actors (${c.attackGroups} ATT&CK groups), ${c.byKind.technique} techniques (${c.subtechniques} sub-techniques), ` +
            `${c.byKind.tactic} tactics, ${c.byKind.software} software, ${c.byKind.campaign} campaigns.`}
        </p>
      )}
      {about && (
        <ul class="sources">
          {about.sources.map((s) => (
            <li key={s.id} data-source={s.id}>
              <h3>
                <ExternalLink url={s.url}>{s.name}</ExternalLink>
              </h3>
              <p class="muted">{`${s.publisher} · version ${s.version} · licence: ${s.license}`}</p>
              <p class="attribution">{s.attribution}</p>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        MITRE ATT&CK® is a registered trademark of The MITRE Corporation. TI Lens is not affiliated with MITRE, ETDA or the MISP Project.
      </p>
    </section>
  );
}
