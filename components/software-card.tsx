import type { SoftwareCardData } from '../utils/cards/card-data';
import { CardHeader, Description, Facts, LinksSection, limitFor, Section, textList } from './card-parts';
import { navigationOf, type CardProps } from './card-props';
import { RefList } from './entity-link';
import { matrixName } from './format/labels';
import { SourceAttribution } from './source-attribution';
import { TechniquesByTactic } from './techniques-by-tactic';

/** ATT&CK software: malware or tool, aliases, platforms, the groups that use it. */
export function SoftwareCard(props: CardProps<SoftwareCardData>) {
  const { data, variant } = props;
  const nav = navigationOf(props);
  const { entity: software } = data;
  const limit = (n: number) => limitFor(variant, n);
  const aliases = software.aliases.filter((a) => a !== software.name);

  return (
    <article class={`til-card til-theme til-${variant}`}>
      <CardHeader data={data} kindText="Software" nav={nav} />
      <Facts
        rows={[
          ['Type', software.type === 'malware' ? 'Malware' : 'Tool'],
          ['Aliases', textList(aliases, limit(6))],
          ['Platforms', textList(software.platforms, limit(8))],
          ['Domains', variant === 'full' ? textList(software.domains.map(matrixName)) : undefined],
        ]}
      />
      <Description text={software.description} variant={variant} />
      {data.usedBy.length > 0 && (
        <Section title={`Used by (${data.usedBy.length})`}>
          <RefList refs={data.usedBy} nav={nav} limit={limit(8)} />
        </Section>
      )}
      {data.techniquesByTactic.length > 0 && (
        <Section title="Techniques by tactic">
          <TechniquesByTactic groups={data.techniquesByTactic} variant={variant} nav={nav} />
        </Section>
      )}
      <LinksSection links={software.links} limit={limit(4)} />
      <SourceAttribution sources={data.sources} variant={variant} />
    </article>
  );
}
