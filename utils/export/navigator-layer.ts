import type { Tactic, Technique, TechniqueRef } from '../../data/schema';

export const NAVIGATOR_VERSION = '5.1.0';
export const LAYER_FORMAT_VERSION = '4.5';
export type AttackDomain = 'enterprise-attack' | 'mobile-attack' | 'ics-attack';
const DOMAINS: readonly AttackDomain[] = ['enterprise-attack', 'mobile-attack', 'ics-attack'];
const USED_COLOR = '#e8743b';

/** An ATT&CK Navigator layer (layer format 4.5): the fields this extension writes. */
export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: string };
  domain: AttackDomain;
  description: string;
  sorting: number;
  layout: {
    layout: 'side' | 'flat' | 'mini';
    aggregateFunction: 'average' | 'min' | 'max' | 'sum';
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    expandedSubtechniques: 'none' | 'all' | 'annotated';
  };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
  links: { label: string; url: string }[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
}

export interface NavigatorTechnique {
  techniqueID: string;
  /** The tactic's shortname ("initial-access"). */
  tactic?: string;
  score?: number;
  color?: string;
  comment?: string;
  enabled: boolean;
  showSubtechniques: boolean;
}

export interface LayerSource {
  /** Who uses the techniques: "APT28 (G0007)". */
  title: string;
  description: string;
  techniques: readonly TechniqueRef[];
  /** The ATT&CK release the index was built from ("18.1"); the layer records its major version. */
  attackVersion: string;
  /** The entity's own links (its ATT&CK page) for the layer's link menu. */
  links?: readonly { label: string; url: string }[];
}

export interface LayerLookups {
  technique(id: string): Pick<Technique, 'domains'> | undefined;
  tactic(id: string): Pick<Tactic, 'shortname' | 'domain'> | undefined;
}

export interface LayerResult {
  layer: NavigatorLayer;
  /** Techniques left out because they belong to another matrix than the layer's domain. */
  otherDomains: number;
}

/** The ATT&CK major version a Navigator layer names ("18.1" -> "18"). */
export function attackMajorVersion(version: string): string {
  return /^\d+/.exec(version.trim())?.[0] ?? version.trim();
}

/** The matrix most of the techniques belong to (enterprise on a tie). */
export function dominantDomain(techniques: readonly TechniqueRef[], lookups: LayerLookups): AttackDomain {
  const counts = new Map<AttackDomain, number>();
  for (const ref of techniques) {
    for (const d of lookups.technique(ref.id)?.domains ?? []) {
      if (DOMAINS.includes(d as AttackDomain)) counts.set(d as AttackDomain, (counts.get(d as AttackDomain) ?? 0) + 1);
    }
  }
  return DOMAINS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best), DOMAINS[0]!);
}

/**
 * A Navigator layer scoring every technique the source uses (score 1, one colour) under each
 * of its tactics. Parents of used sub-techniques are expanded (`showSubtechniques`), and
 * listed unscored when not used themselves.
 */
export function buildNavigatorLayer(source: LayerSource, lookups: LayerLookups): LayerResult {
  const domain = dominantDomain(source.techniques, lookups);
  const inDomain = source.techniques.filter((t) => lookups.technique(t.id)?.domains.includes(domain));
  const comment = `Used by ${source.title}`;
  const entries = new Map<string, NavigatorTechnique>();
  const expand = new Set<string>();

  for (const ref of inDomain) {
    for (const tacticId of ref.tactics) {
      const tactic = lookups.tactic(tacticId);
      if (!tactic || tactic.domain !== domain) continue;
      entries.set(`${ref.id}|${tactic.shortname}`, {
        techniqueID: ref.id,
        tactic: tactic.shortname,
        score: 1,
        color: USED_COLOR,
        comment,
        enabled: true,
        showSubtechniques: false,
      });
      const parent = ref.id.includes('.') ? ref.id.slice(0, ref.id.indexOf('.')) : undefined;
      if (parent) expand.add(`${parent}|${tactic.shortname}`);
    }
  }
  for (const key of expand) {
    const [techniqueID, tactic] = key.split('|') as [string, string];
    const known = entries.get(key);
    if (known) known.showSubtechniques = true;
    else entries.set(key, { techniqueID, tactic, enabled: true, showSubtechniques: true });
  }

  const techniques = [...entries.values()].sort(
    (a, b) => a.techniqueID.localeCompare(b.techniqueID, 'en', { numeric: true }) || (a.tactic ?? '').localeCompare(b.tactic ?? ''),
  );
  const layer: NavigatorLayer = {
    name: source.title,
    versions: { attack: attackMajorVersion(source.attackVersion), navigator: NAVIGATOR_VERSION, layer: LAYER_FORMAT_VERSION },
    domain,
    description: source.description,
    sorting: 0,
    layout: {
      layout: 'side',
      aggregateFunction: 'average',
      showID: true,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      expandedSubtechniques: 'annotated',
    },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#ffffff', USED_COLOR], minValue: 0, maxValue: 1 },
    legendItems: [{ label: comment, color: USED_COLOR }],
    metadata: [
      { name: 'Exported by', value: 'TI Lens' },
      { name: 'ATT&CK release', value: source.attackVersion },
    ],
    links: (source.links ?? []).filter((l) => /^https?:\/\//.test(l.url)).map((l) => ({ label: l.label, url: l.url })),
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
  return { layer, otherDomains: source.techniques.length - inDomain.length };
}

/** A safe file name for the layer download ("APT28_G0007-layer.json"). */
export function layerFileName(title: string): string {
  const base = title.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'techniques';
  return `${base}-layer.json`;
}
