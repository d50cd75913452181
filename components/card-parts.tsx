import type { ComponentChildren } from 'preact';
import type { Link, RichText } from '../data/schema';
import type { CardData } from '../utils/cards/card-data';
import type { CardNavigation, CardVariant } from './card-props';
import { openProfileHandler } from './entity-link';
import { ExternalLink } from './external-link';
import { displayId } from './format/labels';
import { truncateRichText } from './format/truncate-rich-text';
import { MoreList } from './more-list';
import { RichTextView } from './rich-text-view';

/** Characters of description a compact card shows. */
export const COMPACT_DESCRIPTION_CHARS = 300;

/** Kind, id, badges, title, the revoked-id line and "Open profile". */
export function CardHeader({ data, kindText, nav }: { data: CardData; kindText: string; nav: CardNavigation }) {
  const { entity, redirect } = data;
  const id = displayId(entity);
  return (
    <header class="til-head">
      <div class="til-eyebrow">
        <span>{kindText}</span>
        {id !== entity.name && <span class="til-id">{id}</span>}
        {entity.deprecated && <span class="til-badge til-badge-warn">deprecated in ATT&CK</span>}
      </div>
      <div class="til-title-row">
        <h2 class="til-title">{entity.name}</h2>
        <OpenProfile id={entity.id} nav={nav} />
      </div>
      {redirect && (
        <p class="til-redirect" role="note">
          {`${redirect.from} (${redirect.name}) was revoked; replaced by ${id} ${entity.name}`}
        </p>
      )}
    </header>
  );
}

function OpenProfile({ id, nav }: { id: string; nav: CardNavigation }) {
  if (nav.profileHref) {
    return (
      <a class="til-open" href={nav.profileHref(id)} target="_blank" rel="noopener noreferrer" onClick={openProfileHandler(nav, id)}>
        Open profile
      </a>
    );
  }
  const open = nav.onOpenProfile;
  if (!open) return null;
  return (
    <button type="button" class="til-open" onClick={() => open(id)}>
      Open profile
    </button>
  );
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="til-section">
      <h3 class="til-section-title">{title}</h3>
      {children}
    </section>
  );
}

export type Fact = [label: string, value: ComponentChildren | undefined];

/** Label/value rows; rows without a value are left out. */
export function Facts({ rows }: { rows: Fact[] }) {
  const present = rows.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  if (!present.length) return null;
  return (
    <dl class="til-facts">
      {present.map(([label, value]) => (
        <div key={label} class="til-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of plain strings as a fact value, or undefined when empty. */
export function textList(items: readonly string[], limit?: number): ComponentChildren | undefined {
  return items.length ? <MoreList items={items} limit={limit} render={(s) => s} /> : undefined;
}

/** The description: cut to a few lines in compact cards, whole in full ones. */
export function Description({ text, variant }: { text: RichText; variant: CardVariant }) {
  if (!text.length) return null;
  const shown = variant === 'compact' ? truncateRichText(text, COMPACT_DESCRIPTION_CHARS).text : text;
  return <RichTextView text={shown} class="til-description" />;
}

/** External links (ATT&CK page, ETDA card, references), opening in a new tab. */
export function LinksSection({ links, limit }: { links: readonly Link[]; limit?: number }) {
  if (!links.length) return null;
  return (
    <Section title="Links">
      <MoreList items={links} limit={limit} layout="block" render={(l) => <ExternalLink url={l.url}>{l.label}</ExternalLink>} />
    </Section>
  );
}

/** The limit for a compact card, none for a full one. */
export function limitFor(variant: CardVariant, compact: number): number | undefined {
  return variant === 'compact' ? compact : undefined;
}
