import type { Actor, AliasInfo, Campaign, Redirect, SourceInfo, Software, Tactic, Technique } from '../../data/schema';

/** A named reference to another entity, enough to show and link it. */
export interface EntityRef {
  id: string;
  name: string;
}

export interface TechniqueGroup {
  tactic: EntityRef;
  /** `parentName` is set for a sub-technique, so "DNS Server" can read "Acquire Infrastructure: DNS Server". */
  techniques: (EntityRef & { parent?: string; parentName?: string })[];
}

interface CardBase {
  /** Set when the requested id was revoked and this card shows its replacement. */
  redirect?: Redirect;
  sources: SourceInfo[];
}

export interface ActorCardData extends CardBase {
  kind: 'actor';
  entity: Actor;
  /** The alias the reader met on the page, with who gave it. */
  matchedAlias?: AliasInfo;
  techniquesByTactic: TechniqueGroup[];
  campaigns: EntityRef[];
}

export interface TechniqueCardData extends CardBase {
  kind: 'technique';
  entity: Technique;
  tactics: EntityRef[];
  parent?: EntityRef;
  subtechniques: EntityRef[];
  usedByCount: number;
  topGroups: EntityRef[];
  softwareUsingCount: number;
}

export interface SoftwareCardData extends CardBase {
  kind: 'software';
  entity: Software;
  usedBy: EntityRef[];
  techniquesByTactic: TechniqueGroup[];
}

export interface CampaignCardData extends CardBase {
  kind: 'campaign';
  entity: Campaign;
  attributedTo: EntityRef[];
  software: EntityRef[];
  techniquesByTactic: TechniqueGroup[];
}

export interface TacticCardData extends CardBase {
  kind: 'tactic';
  entity: Tactic;
  techniqueCount: number;
}

export type CardData = ActorCardData | TechniqueCardData | SoftwareCardData | CampaignCardData | TacticCardData;
