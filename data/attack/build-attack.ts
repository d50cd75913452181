import type { Campaign, Link, Redirect, Software, Tactic, Technique, TechniqueRef } from '../schema';
import type { StixBundle, StixObject } from '../readers/read-stix-bundle';
import { toRichText } from '../text/rich-text';
import { followRevocations } from './revocations';

/** An ATT&CK group before it is merged with the other sources into an actor. */
export interface AttackGroup {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  deprecated: boolean;
  url?: string;
  techniques: TechniqueRef[];
  software: string[];
  campaigns: string[];
  domains: string[];
}

export interface AttackData {
  groups: AttackGroup[];
  techniques: Technique[];
  tactics: Tactic[];
  software: Software[];
  campaigns: Campaign[];
  redirects: Redirect[];
}

const CHAIN_DOMAIN: Record<string, string> = {
  'mitre-attack': 'enterprise-attack',
  'mitre-mobile-attack': 'mobile-attack',
  'mitre-ics-attack': 'ics-attack',
};

/**
 * Builds ATT&CK entities from one or more bundles (enterprise, mobile, ICS): objects first,
 * then relationships, with revoked objects turned into redirects to their final replacement.
 */
export function buildAttack(bundles: StixBundle[]): AttackData {
  const objects = unionObjects(bundles);
  const relationships = bundles.flatMap((b) => b.relationships);
  const finalOf = followRevocations(objects, relationships);
  const active = (stixId: string): StixObject | undefined => {
    const target = objects.get(finalOf(stixId));
    return target && !target.revoked ? target : undefined;
  };

  const matrixOrder = bundles.flatMap((b) => b.tacticOrder);
  const tactics = [...objects.values()]
    .filter((o) => o.type === 'x-mitre-tactic' && !o.revoked)
    .map((o) => toTactic(o, matrixOrder.indexOf(o.stixId)));
  const tacticByPhase = new Map(tactics.map((t) => [`${t.domain}:${t.shortname}`, t.id]));
  const tacticsOf = (o: StixObject) =>
    unique(o.phases.flatMap((p) => tacticByPhase.get(`${CHAIN_DOMAIN[p.chain] ?? p.chain}:${p.phase}`) ?? []));

  const techniques = new Map<string, Technique>();
  const groups = new Map<string, AttackGroup>();
  const software = new Map<string, Software>();
  const campaigns = new Map<string, Campaign>();
  // An ATT&CK ID names one entity: a deprecated object whose ID an active object of the same
  // kind also carries is dropped (ICS ships a deprecated EKANS under S0017, which is BISCUIT).
  const liveIds = new Set([...objects.values()].filter((o) => !o.revoked && !o.deprecated).map((o) => `${kindOf(o)}:${o.attackId}`));
  for (const o of objects.values()) {
    if (o.revoked || (o.deprecated && liveIds.has(`${kindOf(o)}:${o.attackId}`))) continue;
    if (o.type === 'attack-pattern') techniques.set(o.stixId, toTechnique(o, tacticsOf(o)));
    else if (o.type === 'intrusion-set') groups.set(o.stixId, toGroup(o));
    else if (o.type === 'malware' || o.type === 'tool') software.set(o.stixId, toSoftware(o));
    else if (o.type === 'campaign') campaigns.set(o.stixId, toCampaign(o));
  }

  const techniqueRef = (stixId: string): TechniqueRef | undefined => {
    const target = active(stixId);
    const t = target && techniques.get(target.stixId);
    return t ? { id: t.id, tactics: t.tactics } : undefined;
  };
  for (const rel of relationships) {
    const source = active(rel.source);
    const target = active(rel.target);
    if (!source || !target) continue;
    if (rel.type === 'subtechnique-of') {
      const sub = techniques.get(source.stixId);
      const parent = techniques.get(target.stixId);
      if (sub && parent) {
        sub.parent = parent.id;
        pushUnique(parent.subtechniques, sub.id);
      }
    } else if (rel.type === 'attributed-to') {
      const campaign = campaigns.get(source.stixId);
      const group = groups.get(target.stixId);
      if (campaign && group) {
        pushUnique(campaign.attributedTo, group.id);
        pushUnique(group.campaigns, campaign.id);
      }
    } else if (rel.type === 'uses') {
      const technique = techniqueRef(target.stixId);
      const usedSoftware = software.get(target.stixId);
      const group = groups.get(source.stixId);
      const sw = software.get(source.stixId);
      const campaign = campaigns.get(source.stixId);
      if (technique) {
        if (group) pushUniqueRef(group.techniques, technique);
        if (sw) pushUniqueRef(sw.techniques, technique);
        if (campaign) pushUniqueRef(campaign.techniques, technique);
      } else if (usedSoftware) {
        if (group) {
          pushUnique(group.software, usedSoftware.id);
          pushUnique(usedSoftware.usedBy, group.id);
        }
        if (campaign) pushUnique(campaign.software, usedSoftware.id);
      }
    }
  }

  linkTechniqueUsers(techniques, groups, software);
  for (const t of techniques.values()) t.subtechniques.sort();

  return {
    groups: sortById([...groups.values()]),
    techniques: sortById([...techniques.values()]),
    tactics: tactics.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
    software: sortById([...software.values()]),
    campaigns: sortById([...campaigns.values()]),
    redirects: buildRedirects(objects, finalOf),
  };
}

/** Objects that appear in several bundles (software shared by enterprise and mobile) become one. */
function unionObjects(bundles: StixBundle[]): Map<string, StixObject> {
  const out = new Map<string, StixObject>();
  for (const bundle of bundles) {
    for (const o of bundle.objects) {
      const seen = out.get(o.stixId);
      if (!seen) out.set(o.stixId, { ...o, domains: [...o.domains], platforms: [...o.platforms], phases: [...o.phases] });
      else {
        seen.domains = unique([...seen.domains, ...o.domains]);
        seen.platforms = unique([...seen.platforms, ...o.platforms]);
        seen.phases = [...seen.phases, ...o.phases.filter((p) => !seen.phases.some((q) => q.chain === p.chain && q.phase === p.phase))];
      }
    }
  }
  return out;
}

function buildRedirects(objects: Map<string, StixObject>, finalOf: (id: string) => string): Redirect[] {
  const redirects = new Map<string, Redirect>();
  const activeIds = new Set([...objects.values()].filter((o) => !o.revoked).map((o) => o.attackId));
  for (const o of objects.values()) {
    if (!o.revoked || activeIds.has(o.attackId)) continue;
    const target = objects.get(finalOf(o.stixId));
    if (!target || target.revoked || target.attackId === o.attackId) continue;
    redirects.set(o.attackId, { from: o.attackId, to: target.attackId, kind: kindOf(o), reason: 'revoked', name: o.name });
  }
  return [...redirects.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** Technique users, most documented groups first, so cards can show "the top ones". */
function linkTechniqueUsers(techniques: Map<string, Technique>, groups: Map<string, AttackGroup>, software: Map<string, Software>): void {
  const byId = new Map([...techniques.values()].map((t) => [t.id, t]));
  const rankedGroups = [...groups.values()].sort((a, b) => b.techniques.length - a.techniques.length || a.id.localeCompare(b.id));
  for (const g of rankedGroups) for (const ref of g.techniques) byId.get(ref.id)?.usedBy.push(g.id);
  for (const s of software.values()) for (const ref of s.techniques) pushUnique(byId.get(ref.id)?.softwareUsing ?? [], s.id);
}

function kindOf(o: StixObject): Redirect['kind'] {
  switch (o.type) {
    case 'attack-pattern':
      return 'technique';
    case 'intrusion-set':
      return 'actor';
    case 'campaign':
      return 'campaign';
    case 'x-mitre-tactic':
      return 'tactic';
    default:
      return 'software';
  }
}

function attackLink(o: StixObject): Link[] {
  return o.url ? [{ label: `ATT&CK ${o.attackId}`, url: o.url }] : [];
}

function toTactic(o: StixObject, order: number): Tactic {
  return {
    id: o.attackId,
    kind: 'tactic',
    name: o.name,
    aliases: [],
    description: toRichText(o.description),
    links: attackLink(o),
    sources: ['attack'],
    shortname: o.shortname ?? '',
    domain: o.domains[0] ?? '',
    order: order < 0 ? Number.MAX_SAFE_INTEGER : order,
    ...(o.deprecated ? { deprecated: true } : {}),
  };
}

function toTechnique(o: StixObject, tactics: string[]): Technique {
  const dot = o.attackId.indexOf('.');
  return {
    id: o.attackId,
    kind: 'technique',
    name: o.name,
    aliases: [],
    description: toRichText(o.description),
    links: attackLink(o),
    sources: ['attack'],
    tactics,
    platforms: o.platforms,
    domains: o.domains,
    ...(dot > 0 ? { parent: o.attackId.slice(0, dot) } : {}),
    subtechniques: [],
    usedBy: [],
    softwareUsing: [],
    ...(o.deprecated ? { deprecated: true } : {}),
  };
}

function toGroup(o: StixObject): AttackGroup {
  return {
    id: o.attackId,
    name: o.name,
    aliases: unique([o.name, ...o.aliases]),
    description: o.description,
    deprecated: o.deprecated,
    url: o.url,
    techniques: [],
    software: [],
    campaigns: [],
    domains: o.domains,
  };
}

function toSoftware(o: StixObject): Software {
  return {
    id: o.attackId,
    kind: 'software',
    name: o.name,
    aliases: unique([o.name, ...o.aliases]).filter((a) => a !== o.name),
    description: toRichText(o.description),
    links: attackLink(o),
    sources: ['attack'],
    type: o.type === 'tool' ? 'tool' : 'malware',
    platforms: o.platforms,
    domains: o.domains,
    usedBy: [],
    techniques: [],
    ...(o.deprecated ? { deprecated: true } : {}),
  };
}

function toCampaign(o: StixObject): Campaign {
  return {
    id: o.attackId,
    kind: 'campaign',
    name: o.name,
    aliases: o.aliases.filter((a) => a !== o.name),
    description: toRichText(o.description),
    links: attackLink(o),
    sources: ['attack'],
    firstSeen: o.firstSeen?.slice(0, 10),
    lastSeen: o.lastSeen?.slice(0, 10),
    attributedTo: [],
    techniques: [],
    software: [],
    ...(o.deprecated ? { deprecated: true } : {}),
  };
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

function pushUniqueRef(list: TechniqueRef[], ref: TechniqueRef): void {
  if (!list.some((r) => r.id === ref.id)) list.push(ref);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function sortById<T extends { id: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
