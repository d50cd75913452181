import type { TacticCardData } from '../utils/cards/card-data';
import { CardHeader, Description, Facts, LinksSection, limitFor } from './card-parts';
import { navigationOf, type CardProps } from './card-props';
import { matrixName } from './format/labels';
import { SourceAttribution } from './source-attribution';

/** An ATT&CK tactic: its matrix, short name and how many techniques serve it. */
export function TacticCard(props: CardProps<TacticCardData>) {
  const { data, variant } = props;
  const nav = navigationOf(props);
  const { entity: tactic } = data;

  return (
    <article class={`til-card til-theme til-${variant}`}>
      <CardHeader data={data} kindText="Tactic" nav={nav} />
      <Facts
        rows={[
          ['Matrix', matrixName(tactic.domain)],
          ['Short name', variant === 'full' ? tactic.shortname : undefined],
          ['Techniques', String(data.techniqueCount)],
        ]}
      />
      <Description text={tactic.description} variant={variant} />
      <LinksSection links={tactic.links} limit={limitFor(variant, 4)} />
      <SourceAttribution sources={data.sources} variant={variant} />
    </article>
  );
}
