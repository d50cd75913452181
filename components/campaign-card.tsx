import type { CampaignCardData } from '../utils/cards/card-data';
import { CardHeader, Description, Facts, LinksSection, limitFor, Section } from './card-parts';
import { navigationOf, type CardProps } from './card-props';
import { RefList } from './entity-link';
import { SourceAttribution } from './source-attribution';
import { TechniquesByTactic } from './techniques-by-tactic';

/** An ATT&CK campaign: when, attributed to whom, with what software and techniques. */
export function CampaignCard(props: CardProps<CampaignCardData>) {
  const { data, variant } = props;
  const nav = navigationOf(props);
  const { entity: campaign } = data;
  const limit = (n: number) => limitFor(variant, n);

  return (
    <article class={`til-card til-theme til-${variant}`}>
      <CardHeader data={data} kindText="Campaign" nav={nav} />
      <Facts
        rows={[
          ['First seen', campaign.firstSeen],
          ['Last seen', campaign.lastSeen],
          ['Attributed to', data.attributedTo.length ? <RefList refs={data.attributedTo} nav={nav} /> : undefined],
          ['Software', data.software.length ? <RefList refs={data.software} nav={nav} limit={limit(8)} /> : undefined],
        ]}
      />
      <Description text={campaign.description} variant={variant} />
      {data.techniquesByTactic.length > 0 && (
        <Section title="Techniques by tactic">
          <TechniquesByTactic groups={data.techniquesByTactic} variant={variant} nav={nav} />
        </Section>
      )}
      <LinksSection links={campaign.links} limit={limit(4)} />
      <SourceAttribution sources={data.sources} variant={variant} />
    </article>
  );
}
