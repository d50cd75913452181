import type { Actor, AliasInfo, DatedEvent, Link, SourceId, ToolRef } from '../schema';
import type { MispCluster } from '../readers/read-misp-galaxy';
import { safeHttpUrl, toRichText } from '../text/rich-text';
import type { ActorDraft } from './merge-actors';
import { isGroupId } from './name-key';

/** Resolves a tool name to the one ATT&CK software it names, if exactly one. */
export type SoftwareResolver = (name: string) => { id: string; name: string } | undefined;

const MAX_REFERENCE_LINKS = 40;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Turns the records merged into one actor into the actor's profile. */
export function buildActor(d: ActorDraft, resolveSoftware: SoftwareResolver): Actor {
  const g = d.attack;
  const card = d.etda[0];
  const misp = [...d.misp, ...d.microsoft];
  const aliasInfo = collectAliases(d);
  const name = g?.name ?? card?.names[0]?.name ?? misp[0]!.value;
  const sources: SourceId[] = [
    ...(g ? (['attack'] as const) : []),
    ...(d.etda.length ? (['etda'] as const) : []),
    ...(d.misp.length ? (['misp-threat-actor'] as const) : []),
    ...(d.microsoft.length ? (['misp-microsoft'] as const) : []),
  ];
  const description = g?.description || card?.description || misp.find((m) => m.description)?.description || '';

  return {
    id: d.id,
    kind: 'actor',
    name,
    aliases: aliasInfo.map((a) => a.name).filter((a) => a !== name),
    aliasInfo,
    ...(g ? { attackId: g.id } : {}),
    description: toRichText(description),
    links: actorLinks(d),
    sources,
    ...(g?.deprecated ? { deprecated: true } : {}),
    country: unique(d.etda.flatMap((c) => c.country).filter((c) => c !== 'Unknown')).concat(
      d.etda.some((c) => c.country.some((x) => x !== 'Unknown')) ? [] : mispCountries(misp),
    ),
    ...optional('sponsor', card?.sponsor ?? misp.find((m) => m.sponsor)?.sponsor),
    motivation: unique(d.etda.flatMap((c) => c.motivation)).concat(
      d.etda.some((c) => c.motivation.length) ? [] : unique(misp.flatMap((m) => (m.motive ? [m.motive] : []))),
    ),
    ...optional('firstSeen', card?.firstSeen ?? misp.find((m) => m.since)?.since),
    sectors: unique([...d.etda.flatMap((c) => c.sectors), ...misp.flatMap((m) => m.sectors)]),
    targetCountries: unique(d.etda.flatMap((c) => c.targetCountries)).concat(
      d.etda.some((c) => c.targetCountries.length) ? [] : unique(misp.flatMap((m) => m.victims)),
    ),
    tools: actorTools(d, resolveSoftware),
    techniques: g?.techniques ?? [],
    campaigns: g?.campaigns ?? [],
    operations: dedupeEvents(d.etda.flatMap((c) => c.operations)),
    counterOperations: dedupeEvents(d.etda.flatMap((c) => c.counterOperations)),
    records: [
      ...d.etda.map((c) => ({ source: 'etda' as const, id: c.uuid, name: c.actor })),
      ...d.misp.map((c) => ({ source: 'misp-threat-actor' as const, id: c.uuid, name: c.value })),
      ...d.microsoft.map((c) => ({ source: 'misp-microsoft' as const, id: c.uuid, name: c.value })),
    ],
  };
}

/** Every name with who gave it and where it comes from; ATT&CK group IDs are not aliases. */
function collectAliases(d: ActorDraft): AliasInfo[] {
  const byName = new Map<string, AliasInfo>();
  const add = (name: string, givers: string[], source: SourceId) => {
    if (isGroupId(name)) return;
    const key = name.toLowerCase();
    const info = byName.get(key) ?? { name, givers: [], sources: [] };
    for (const giver of givers) if (giver && !info.givers.includes(giver)) info.givers.push(giver);
    if (!info.sources.includes(source)) info.sources.push(source);
    byName.set(key, info);
  };
  for (const a of d.attack?.aliases ?? []) add(a, [], 'attack');
  for (const c of d.etda) for (const n of c.names) add(n.name, [n.giver], 'etda');
  for (const c of d.misp) for (const n of c.names) add(n.name, n.givers, 'misp-threat-actor');
  for (const c of d.microsoft) for (const n of c.names) add(n.name, n === c.names[0] ? ['Microsoft'] : n.givers, 'misp-microsoft');
  return [...byName.values()];
}

function actorTools(d: ActorDraft, resolveSoftware: SoftwareResolver): ToolRef[] {
  const tools = new Map<string, ToolRef>();
  for (const id of d.attack?.software ?? []) {
    const sw = resolveSoftware(id);
    tools.set(id, { name: sw?.name ?? id, softwareId: id });
  }
  for (const name of d.etda.flatMap((c) => c.tools)) {
    const sw = resolveSoftware(name);
    if (sw && tools.has(sw.id)) continue;
    const key = sw?.id ?? `name:${name.toLowerCase()}`;
    if (!tools.has(key)) tools.set(key, sw ? { name, softwareId: sw.id } : { name });
  }
  return [...tools.values()];
}

function actorLinks(d: ActorDraft): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (label: string, url: string | undefined) => {
    const safe = url && safeHttpUrl(url);
    if (!safe || seen.has(safe)) return;
    seen.add(safe);
    links.push({ label, url: safe });
  };
  if (d.attack?.url) add(`ATT&CK ${d.attack.id}`, d.attack.url);
  for (const c of d.etda) add(`ETDA card: ${c.actor}`, c.cardUrl);
  const references = [...d.etda.flatMap((c) => c.information), ...[...d.misp, ...d.microsoft].flatMap((m) => m.refs)];
  for (const url of references) {
    if (links.length >= MAX_REFERENCE_LINKS) break;
    add(hostLabel(url), url);
  }
  return links;
}

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function mispCountries(clusters: readonly MispCluster[]): string[] {
  return unique(
    clusters.flatMap((m) => {
      if (!m.country) return [];
      if (!/^[A-Z]{2}$/.test(m.country)) return [m.country];
      try {
        return [regionNames.of(m.country) ?? m.country];
      } catch {
        return [m.country];
      }
    }),
  );
}

function dedupeEvents(events: DatedEvent[]): DatedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.date ?? ''}|${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
