import { ActorCard } from './actor-card';
import { CampaignCard } from './campaign-card';
import type { CardProps } from './card-props';
import { SoftwareCard } from './software-card';
import { TacticCard } from './tactic-card';
import { TechniqueCard } from './technique-card';

/** The card for any CardData, chosen by its kind. */
export function EntityCard(props: CardProps) {
  const { data } = props;
  switch (data.kind) {
    case 'actor':
      return <ActorCard {...props} data={data} />;
    case 'technique':
      return <TechniqueCard {...props} data={data} />;
    case 'software':
      return <SoftwareCard {...props} data={data} />;
    case 'campaign':
      return <CampaignCard {...props} data={data} />;
    case 'tactic':
      return <TacticCard {...props} data={data} />;
  }
}
