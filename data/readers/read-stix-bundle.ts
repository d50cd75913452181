import { SourceError, expectArray, expectObject } from '../source-error';
import { strings } from './json-values';

/** The ATT&CK object types the compiler reads; everything else in a bundle is ignored. */
export type StixKind = 'attack-pattern' | 'intrusion-set' | 'malware' | 'tool' | 'campaign' | 'x-mitre-tactic';
const READ_TYPES = new Set<string>(['attack-pattern', 'intrusion-set', 'malware', 'tool', 'campaign', 'x-mitre-tactic']);
const READ_RELATIONSHIPS = new Set(['uses', 'attributed-to', 'revoked-by', 'subtechnique-of']);

export interface StixObject {
  stixId: string;
  type: StixKind;
  /** The ATT&CK ID (external_id of the mitre-attack reference). */
  attackId: string;
  url?: string;
  name: string;
  description: string;
  aliases: string[];
  revoked: boolean;
  deprecated: boolean;
  domains: string[];
  platforms: string[];
  phases: { chain: string; phase: string }[];
  shortname?: string;
  firstSeen?: string;
  lastSeen?: string;
}

export interface StixRelationship {
  type: 'uses' | 'attributed-to' | 'revoked-by' | 'subtechnique-of';
  source: string;
  target: string;
}

export interface StixBundle {
  file: string;
  specVersion: '2.0' | '2.1';
  objects: StixObject[];
  relationships: StixRelationship[];
  /** Tactic STIX ids in matrix order (x-mitre-matrix `tactic_refs`), for every matrix in the bundle. */
  tacticOrder: string[];
}

/**
 * Reads a STIX 2.0 bundle (spec_version on the bundle, as mitre/cti ships) or a STIX 2.1
 * bundle (spec_version on each object, as attack-stix-data ships).
 */
export function readStixBundle(json: unknown, file: string, defaultDomain: string): StixBundle {
  const bundle = expectObject(json, file, 'the bundle');
  if (bundle.type !== 'bundle') throw new SourceError(file, `expected a STIX bundle, found type ${JSON.stringify(bundle.type)}`);
  const raw = expectArray(bundle.objects, file, 'bundle.objects');
  if (raw.length === 0) throw new SourceError(file, 'the bundle has no objects (truncated download?)');
  const specVersion = bundleSpecVersion(bundle, raw, file);
  const objects: StixObject[] = [];
  const relationships: StixRelationship[] = [];
  const tacticOrder: string[] = [];
  raw.forEach((value, index) => {
    const obj = expectObject(value, file, `object #${index}`);
    const ref = typeof obj.id === 'string' ? obj.id : `object #${index}`;
    if (typeof obj.type !== 'string' || typeof obj.id !== 'string') throw new SourceError(file, 'object without type or id', ref);
    if (obj.type === 'relationship') {
      const rel = readRelationship(obj, file, ref);
      if (rel) relationships.push(rel);
    } else if (obj.type === 'x-mitre-matrix' && obj.x_mitre_deprecated !== true) {
      tacticOrder.push(...strings(obj.tactic_refs));
    } else if (READ_TYPES.has(obj.type)) {
      objects.push(readObject(obj, file, ref, defaultDomain));
    }
  });
  return { file, specVersion, objects, relationships, tacticOrder };
}

function bundleSpecVersion(bundle: Record<string, unknown>, raw: unknown[], file: string): '2.0' | '2.1' {
  const onBundle = bundle.spec_version;
  if (onBundle === '2.0' || onBundle === '2.1') return onBundle;
  const first = raw.find((o) => o && typeof o === 'object' && 'spec_version' in (o as object)) as { spec_version?: unknown } | undefined;
  if (first?.spec_version === '2.1' || first?.spec_version === '2.0') return first.spec_version;
  throw new SourceError(file, 'no STIX spec_version on the bundle or its objects');
}

function readRelationship(obj: Record<string, unknown>, file: string, ref: string): StixRelationship | undefined {
  const type = obj.relationship_type;
  if (typeof type !== 'string' || !READ_RELATIONSHIPS.has(type)) return undefined;
  if (obj.revoked === true || obj.x_mitre_deprecated === true) return undefined;
  if (typeof obj.source_ref !== 'string' || typeof obj.target_ref !== 'string') {
    throw new SourceError(file, 'relationship without source_ref/target_ref', ref);
  }
  return { type: type as StixRelationship['type'], source: obj.source_ref, target: obj.target_ref };
}

function readObject(obj: Record<string, unknown>, file: string, ref: string, defaultDomain: string): StixObject {
  if (typeof obj.name !== 'string' || !obj.name.trim()) throw new SourceError(file, 'object without a name', ref);
  const refs = expectArray(obj.external_references ?? [], file, 'external_references', ref);
  const mitre = refs.find(
    (r): r is { external_id: string; url?: string } =>
      !!r && typeof r === 'object' && isAttackSourceName((r as { source_name?: unknown }).source_name) &&
      typeof (r as { external_id?: unknown }).external_id === 'string',
  );
  if (!mitre) throw new SourceError(file, `"${obj.name}" has no ATT&CK ID (mitre-attack external reference)`, ref);
  const type = obj.type as StixKind;
  const aliasField = type === 'malware' || type === 'tool' ? obj.x_mitre_aliases : obj.aliases;
  return {
    stixId: ref,
    type,
    attackId: mitre.external_id,
    url: typeof mitre.url === 'string' ? mitre.url : undefined,
    name: obj.name.trim(),
    description: typeof obj.description === 'string' ? obj.description : '',
    aliases: strings(aliasField),
    revoked: obj.revoked === true,
    deprecated: obj.x_mitre_deprecated === true,
    domains: strings(obj.x_mitre_domains).length ? strings(obj.x_mitre_domains) : [defaultDomain],
    platforms: strings(obj.x_mitre_platforms),
    phases: Array.isArray(obj.kill_chain_phases)
      ? obj.kill_chain_phases.flatMap((p) =>
          p && typeof p === 'object' && typeof p.kill_chain_name === 'string' && typeof p.phase_name === 'string'
            ? [{ chain: p.kill_chain_name, phase: p.phase_name }]
            : [],
        )
      : [],
    shortname: typeof obj.x_mitre_shortname === 'string' ? obj.x_mitre_shortname : undefined,
    firstSeen: typeof obj.first_seen === 'string' ? obj.first_seen : undefined,
    lastSeen: typeof obj.last_seen === 'string' ? obj.last_seen : undefined,
  };
}

/** ATT&CK's own references: source_name "mitre-attack", "mitre-mobile-attack", "mitre-ics-attack". */
function isAttackSourceName(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('mitre');
}
