import { buildAttack } from './attack/build-attack';
import { buildActor } from './merge/build-actor';
import { mergeActors } from './merge/merge-actors';
import { createSoftwareResolver } from './merge/software-resolver';
import { readEtdaCards } from './readers/read-etda-cards';
import { readMispActors, readMispProducers } from './readers/read-misp-galaxy';
import { readStixBundle } from './readers/read-stix-bundle';
import { SCHEMA_VERSION, type Actor, type CompiledIndex } from './schema';
import { sourceInfo, sourceSpecs } from './source-manifest';

export interface RawDocument {
  file: string;
  json: unknown;
}

/** The parsed source files, before any interpretation. */
export interface SourceDocuments {
  attack: (RawDocument & { domain: string })[];
  etda: RawDocument;
  mispThreatActor: RawDocument;
  mispProducer: RawDocument;
  mispMicrosoft: RawDocument;
}

/** Reads every source, merges actors and returns the whole index. Pure: no I/O. */
export function compileIndex(docs: SourceDocuments): CompiledIndex {
  const attack = buildAttack(docs.attack.map((d) => readStixBundle(d.json, d.file, d.domain)));
  const etda = readEtdaCards(docs.etda.json, docs.etda.file);
  const producers = readMispProducers(docs.mispProducer.json, docs.mispProducer.file);
  const misp = readMispActors(docs.mispThreatActor.json, docs.mispThreatActor.file, producers);
  const microsoft = readMispActors(docs.mispMicrosoft.json, docs.mispMicrosoft.file, producers);

  const drafts = mergeActors({
    groups: attack.groups,
    groupRedirects: new Map(attack.redirects.filter((r) => r.kind === 'actor').map((r) => [r.from, r.to])),
    etda: etda.cards,
    misp: misp.clusters,
    microsoft: microsoft.clusters,
  });
  const resolveSoftware = createSoftwareResolver(attack.software);
  const actors = drafts.map((d) => buildActor(d, resolveSoftware)).sort(compareActors);

  return {
    schemaVersion: SCHEMA_VERSION,
    sources: sourceSpecs.map(sourceInfo),
    actors,
    techniques: attack.techniques,
    tactics: attack.tactics,
    software: attack.software,
    campaigns: attack.campaigns,
    redirects: attack.redirects,
  };
}

/** ATT&CK groups first in ID order, then the others by key: a stable order for diffs. */
function compareActors(a: Actor, b: Actor): number {
  if (!!a.attackId !== !!b.attackId) return a.attackId ? -1 : 1;
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}
