import type { SourceInfo } from '../data/schema';
import type { CardVariant } from './card-props';
import { ExternalLink } from './external-link';

/** The sources a card draws on: name, version, licence and the attribution each requires. */
export function SourceAttribution({ sources, variant }: { sources: readonly SourceInfo[]; variant: CardVariant }) {
  if (!sources.length) return null;
  return (
    <section class="til-section til-sources" aria-label="Sources">
      <h3 class="til-section-title">Sources</h3>
      <ul class="til-block-list">
        {sources.map((s) => (
          <li key={s.id}>
            <ExternalLink url={s.url}>{s.name}</ExternalLink>
            {variant === 'full' && s.publisher && <span class="til-muted">{`, ${s.publisher}`}</span>}
            <span class="til-muted">{` · version ${s.version} · ${s.license}`}</span>
            <p class="til-attribution">{s.attribution}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
