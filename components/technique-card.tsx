import type { TechniqueCardData } from '../utils/cards/card-data';
import { CardHeader, Description, Facts, LinksSection, limitFor, Section, textList } from './card-parts';
import { navigationOf, type CardProps } from './card-props';
import { EntityLink, RefLabel, RefList } from './entity-link';
import { matrixName, plural } from './format/labels';
import { SourceAttribution } from './source-attribution';

/** An ATT&CK technique: tactics, platforms, parent or sub-techniques, who uses it. */
export function TechniqueCard(props: CardProps<TechniqueCardData>) {
  const { data, variant } = props;
  const nav = navigationOf(props);
  const { entity: technique } = data;
  const limit = (n: number) => limitFor(variant, n);
  const groupsNotShown = data.usedByCount - data.topGroups.length;

  return (
    <article class={`til-card til-theme til-${variant}`}>
      <CardHeader data={data} kindText={technique.parent ? 'Sub-technique' : 'Technique'} nav={nav} />
      <Facts
        rows={[
          ['Tactics', data.tactics.length ? <RefList refs={data.tactics} nav={nav} /> : undefined],
          ['Platforms', textList(technique.platforms, limit(8))],
          ['Domains', variant === 'full' ? textList(technique.domains.map(matrixName)) : undefined],
          [
            'Parent',
            data.parent && (
              <EntityLink id={data.parent.id} nav={nav}>
                <RefLabel entityRef={data.parent} />
              </EntityLink>
            ),
          ],
          ['Sub-techniques', data.subtechniques.length ? <RefList refs={data.subtechniques} nav={nav} limit={limit(6)} /> : undefined],
        ]}
      />
      <Description text={technique.description} variant={variant} />
      <Section title={`Used by ${plural(data.usedByCount, 'group')}`}>
        {data.topGroups.length > 0 ? (
          <p>
            <RefList refs={data.topGroups} nav={nav} />
            {groupsNotShown > 0 && <span class="til-muted">{` and ${groupsNotShown} more`}</span>}
          </p>
        ) : (
          <p class="til-muted">No group recorded in ATT&CK.</p>
        )}
        {data.softwareUsingCount > 0 && <p class="til-muted">{`Also used by ${data.softwareUsingCount} software.`}</p>}
      </Section>
      <LinksSection links={technique.links} limit={limit(4)} />
      <SourceAttribution sources={data.sources} variant={variant} />
    </article>
  );
}
