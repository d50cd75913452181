/**
 * The compiled threat-intel index: what `npm run index:export -- FILE` writes and what the
 * extension's runtime reads (split into artefacts). Bump SCHEMA_VERSION on any incompatible
 * change. Documented in data/SCHEMA.md.
 */
export const SCHEMA_VERSION = 1;

/** The shape of an ATT&CK ID: technique or sub-technique, tactic, group, software, campaign. */
export const ATTACK_ID_SOURCE = String.raw`T\d{4}(?:\.\d{3})?|TA\d{4}|[GSC]\d{4}`;
export const ATTACK_ID_PATTERN = new RegExp(`^(?:${ATTACK_ID_SOURCE})$`);

export type EntityKind = 'actor' | 'technique' | 'tactic' | 'software' | 'campaign';

/** Source ids, as named in data/sources.json. */
export type SourceId = 'attack' | 'etda' | 'misp-threat-actor' | 'misp-microsoft';

/**
 * Plain text with links kept as structure: never HTML. Paragraphs are separated by "\n\n"
 * inside `text` segments.
 */
export type RichText = RichSegment[];
export interface RichSegment {
  text: string;
  /** Present when the segment is a link. Always http(s). */
  url?: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface SourceInfo {
  id: SourceId;
  name: string;
  publisher: string;
  version: string;
  license: string;
  attribution: string;
  url: string;
}

export interface EntityBase {
  /** ATT&CK ID for ATT&CK entities (G0001, T1566.001, S0013, C0027, TA0001); a stable key otherwise. */
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: RichText;
  links: Link[];
  sources: SourceId[];
  /** ATT&CK marks the object deprecated: kept for look-ups, ranked last. */
  deprecated?: boolean;
}

export interface AliasInfo {
  name: string;
  /** Who gave this name ("Talos", "Microsoft", "MITRE"); empty when the source does not say. */
  givers: string[];
  sources: SourceId[];
}

export interface TechniqueRef {
  id: string;
  /** Tactic ids (TA0001 …) the technique belongs to. */
  tactics: string[];
}

export interface ToolRef {
  name: string;
  /** The ATT&CK software id the name resolves to, when it resolves to exactly one. */
  softwareId?: string;
}

export interface DatedEvent {
  /** As the source writes it ("2008/2014", "2021-07", "Mid-2019"). */
  date?: string;
  text: string;
  urls: string[];
}

export interface Actor extends EntityBase {
  kind: 'actor';
  /** Present when the actor is (or includes) an ATT&CK group. */
  attackId?: string;
  aliasInfo: AliasInfo[];
  country: string[];
  sponsor?: string;
  motivation: string[];
  firstSeen?: string;
  sectors: string[];
  targetCountries: string[];
  tools: ToolRef[];
  techniques: TechniqueRef[];
  campaigns: string[];
  operations: DatedEvent[];
  counterOperations: DatedEvent[];
  /** Ids of the source records merged into this actor (ETDA card uuids, MISP cluster uuids). */
  records: { source: SourceId; id: string; name: string }[];
}

export interface Technique extends EntityBase {
  kind: 'technique';
  tactics: string[];
  platforms: string[];
  domains: string[];
  parent?: string;
  subtechniques: string[];
  /** Groups using the technique, most techniques-rich first. */
  usedBy: string[];
  /** Software using the technique. */
  softwareUsing: string[];
}

export interface Tactic extends EntityBase {
  kind: 'tactic';
  shortname: string;
  domain: string;
  /** Position in its ATT&CK matrix (Reconnaissance first … Impact last), across domains. */
  order: number;
}

export interface Software extends EntityBase {
  kind: 'software';
  type: 'malware' | 'tool';
  platforms: string[];
  domains: string[];
  usedBy: string[];
  techniques: TechniqueRef[];
}

export interface Campaign extends EntityBase {
  kind: 'campaign';
  firstSeen?: string;
  lastSeen?: string;
  attributedTo: string[];
  techniques: TechniqueRef[];
  software: string[];
}

export interface Redirect {
  from: string;
  to: string;
  kind: EntityKind;
  reason: 'revoked';
  /** The revoked object's own name, for "T1086 PowerShell was replaced by …". */
  name: string;
}

export type Entity = Actor | Technique | Tactic | Software | Campaign;

export interface CompiledIndex {
  schemaVersion: typeof SCHEMA_VERSION;
  sources: SourceInfo[];
  actors: Actor[];
  techniques: Technique[];
  tactics: Tactic[];
  software: Software[];
  campaigns: Campaign[];
  redirects: Redirect[];
}
