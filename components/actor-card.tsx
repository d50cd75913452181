import type { AliasInfo, DatedEvent } from '../data/schema';
import type { ActorCardData } from '../utils/cards/card-data';
import { AliasList, AliasName } from './alias-list';
import { CardHeader, Description, Facts, LinksSection, limitFor, Section, textList } from './card-parts';
import { navigationOf, type CardProps } from './card-props';
import { EntityLink, RefList } from './entity-link';
import { ExternalLink } from './external-link';
import { sourceShortName } from './format/labels';
import { MoreList } from './more-list';
import { SourceAttribution } from './source-attribution';
import { TechniquesByTactic } from './techniques-by-tactic';

/** A threat actor: who it is, who named it what, what it targets and uses, and the sources. */
export function ActorCard(props: CardProps<ActorCardData>) {
  const { data, variant } = props;
  const nav = navigationOf(props);
  const { entity: actor, matchedAlias } = data;
  const limit = (n: number) => limitFor(variant, n);
  const aliases = otherAliases(actor.aliasInfo, actor.aliases, actor.name, matchedAlias);

  return (
    <article class={`til-card til-theme til-${variant}`}>
      <CardHeader data={data} kindText="Threat actor" nav={nav} />
      {matchedAlias && (
        <p class="til-matched">
          <span class="til-muted">Matched </span>
          <AliasName alias={{ ...matchedAlias, name: `“${matchedAlias.name}”` }} showSources />
        </p>
      )}
      {aliases.length > 0 && (
        <p class="til-aliases">
          <span class="til-muted">Also known as </span>
          <AliasList aliases={aliases} limit={limit(4)} showSources={variant === 'full'} />
        </p>
      )}
      <Facts
        rows={[
          ['Country', textList(actor.country)],
          ['Sponsor', actor.sponsor],
          ['Motivation', textList(actor.motivation)],
          ['First seen', actor.firstSeen],
          ['Sectors', textList(actor.sectors, limit(6))],
          ['Targets', textList(actor.targetCountries, limit(8))],
        ]}
      />
      <Description text={actor.description} variant={variant} />
      {actor.tools.length > 0 && (
        <Section title={`Tools (${actor.tools.length})`}>
          <MoreList
            items={actor.tools}
            limit={limit(10)}
            render={(tool) =>
              tool.softwareId ? (
                <EntityLink id={tool.softwareId} nav={nav} class="til-linked" title={`ATT&CK software ${tool.softwareId}`}>
                  {tool.name}
                  <span class="til-id"> {tool.softwareId}</span>
                </EntityLink>
              ) : (
                tool.name
              )
            }
          />
        </Section>
      )}
      {data.techniquesByTactic.length > 0 && (
        <Section title="Techniques by tactic">
          <TechniquesByTactic groups={data.techniquesByTactic} variant={variant} nav={nav} />
        </Section>
      )}
      {data.campaigns.length > 0 && (
        <Section title={`Campaigns (${data.campaigns.length})`}>
          <RefList refs={data.campaigns} nav={nav} limit={limit(5)} />
        </Section>
      )}
      {variant === 'full' && <Events title="Operations" events={actor.operations} />}
      {variant === 'full' && <Events title="Counter operations" events={actor.counterOperations} />}
      {variant === 'full' && actor.records.length > 0 && (
        <Section title="Source records">
          <MoreList items={actor.records} layout="block" render={(r) => `${sourceShortName(r.source)}: ${r.name}`} />
        </Section>
      )}
      <LinksSection links={actor.links} limit={limit(4)} />
      <SourceAttribution sources={data.sources} variant={variant} />
    </article>
  );
}

/** Aliases other than the primary name and the one matched; bare names when no alias info. */
function otherAliases(info: readonly AliasInfo[], names: readonly string[], primary: string, matched?: AliasInfo): AliasInfo[] {
  const skip = new Set([primary, matched?.name]);
  const all: AliasInfo[] = info.length ? [...info] : names.map((name) => ({ name, givers: [], sources: [] }));
  return all.filter((a) => !skip.has(a.name));
}

function Events({ title, events }: { title: string; events: readonly DatedEvent[] }) {
  if (!events.length) return null;
  return (
    <Section title={title}>
      <ul class="til-block-list til-events">
        {events.map((e, i) => (
          <li key={i}>
            {e.date && <span class="til-date">{e.date} </span>}
            <span class="til-event-text">{e.text}</span>
            {e.urls.length > 0 && (
              <span class="til-event-links">
                {e.urls.map((url, j) => (
                  <span key={j}>
                    {' '}
                    <ExternalLink url={url}>{`[${j + 1}]`}</ExternalLink>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
