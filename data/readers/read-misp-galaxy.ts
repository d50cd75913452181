import { SourceError, expectArray, expectObject } from '../source-error';
import { safeHttpUrl } from '../text/rich-text';
import { strings } from './json-values';

export interface MispName {
  name: string;
  /** Producers that gave the name, resolved through producer.json. */
  givers: string[];
}

export interface MispCluster {
  uuid: string;
  value: string;
  description: string;
  names: MispName[];
  country?: string;
  refs: string[];
  sectors: string[];
  victims: string[];
  motive?: string;
  since?: string;
  sponsor?: string;
}

export interface MispRead {
  file: string;
  version?: number;
  clusters: MispCluster[];
}

/** uuid -> producer name, from the MISP producer galaxy. */
export type ProducerNames = ReadonlyMap<string, string>;

/** Reads the MISP producer galaxy cluster into a uuid -> vendor name map. */
export function readMispProducers(json: unknown, file: string): ProducerNames {
  const values = galaxyValues(json, file);
  const map = new Map<string, string>();
  values.forEach((v, index) => {
    const c = expectObject(v, file, `value #${index}`);
    if (typeof c.uuid === 'string' && typeof c.value === 'string') map.set(c.uuid, c.value);
  });
  return map;
}

/**
 * Reads a MISP galaxy actor cluster (threat-actor or microsoft-activity-group). Names are the
 * cluster value plus `meta.synonyms`; `meta.name-attribution` entries "Name:<producer-uuid>"
 * say which vendor gave a name.
 */
export function readMispActors(json: unknown, file: string, producers: ProducerNames = new Map()): MispRead {
  const root = expectObject(json, file, 'the galaxy cluster');
  const values = galaxyValues(json, file);
  const clusters = values.map((v, index) => readCluster(v, file, index, producers));
  return { file, version: typeof root.version === 'number' ? root.version : undefined, clusters };
}

function galaxyValues(json: unknown, file: string): unknown[] {
  const root = expectObject(json, file, 'the galaxy cluster');
  const values = expectArray(root.values, file, 'values');
  if (values.length === 0) throw new SourceError(file, 'no clusters in values[] (truncated download?)');
  return values;
}

function readCluster(value: unknown, file: string, index: number, producers: ProducerNames): MispCluster {
  const c = expectObject(value, file, `value #${index}`);
  const ref = typeof c.value === 'string' ? `cluster "${c.value}"` : `value #${index}`;
  if (typeof c.value !== 'string' || !c.value.trim()) throw new SourceError(file, 'cluster without a value', ref);
  if (typeof c.uuid !== 'string' || !c.uuid) throw new SourceError(file, 'cluster without a uuid', ref);
  const meta = c.meta === undefined ? {} : expectObject(c.meta, file, `meta of ${ref}`);
  const givers = nameGivers(meta['name-attribution'], producers);
  const names: MispName[] = [];
  const seen = new Set<string>();
  for (const name of [c.value, ...strings(meta.synonyms)]) {
    const trimmed = name.trim();
    if (!trimmed || seen.has(trimmed.toLowerCase())) continue;
    seen.add(trimmed.toLowerCase());
    names.push({ name: trimmed, givers: givers.get(trimmed.toLowerCase()) ?? [] });
  }
  return {
    uuid: c.uuid,
    value: c.value.trim(),
    description: typeof c.description === 'string' ? c.description : '',
    names,
    country: typeof meta.country === 'string' ? meta.country : undefined,
    refs: strings(meta.refs).flatMap((u) => safeHttpUrl(u) ?? []),
    sectors: [...strings(meta['cfr-target-category']), ...strings(meta['targeted-sector'])],
    victims: strings(meta['cfr-suspected-victims']),
    motive: typeof meta['cfr-type-of-incident'] === 'string' ? meta['cfr-type-of-incident'] : strings(meta.motive)[0],
    since: typeof meta.since === 'string' ? meta.since : undefined,
    sponsor: typeof meta['cfr-suspected-state-sponsor'] === 'string' ? meta['cfr-suspected-state-sponsor'] : undefined,
  };
}

/** "Name:<uuid>" entries -> lower-cased name -> producer names. */
function nameGivers(value: unknown, producers: ProducerNames): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of strings(value)) {
    const at = entry.lastIndexOf(':');
    if (at <= 0) continue;
    const name = entry.slice(0, at).trim().toLowerCase();
    const producer = producers.get(entry.slice(at + 1).trim());
    if (!producer) continue;
    const list = out.get(name) ?? [];
    if (!list.includes(producer)) list.push(producer);
    out.set(name, list);
  }
  return out;
}
