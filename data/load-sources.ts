import type { SourceDocuments } from './compile-index';
import { readSourceJson } from './source-dir';
import { sourceSpec } from './source-manifest';

/** Reads every source file named in data/sources.json from `dir`. */
export async function loadSourceDocuments(dir: string): Promise<SourceDocuments> {
  const file = (id: Parameters<typeof sourceSpec>[0], index = 0) => {
    const spec = sourceSpec(id).files[index];
    if (!spec) throw new Error(`data/sources.json: source ${id} has no file #${index}`);
    return spec;
  };
  const load = async (id: Parameters<typeof sourceSpec>[0], index = 0) => {
    const f = file(id, index);
    return { file: f.file, json: await readSourceJson(dir, f.file) };
  };
  const attack = await Promise.all(
    sourceSpec('attack').files.map(async (f) => ({ file: f.file, domain: f.domain ?? 'enterprise-attack', json: await readSourceJson(dir, f.file) })),
  );
  return {
    attack,
    etda: await load('etda'),
    mispThreatActor: await load('misp-threat-actor', 0),
    mispProducer: await load('misp-threat-actor', 1),
    mispMicrosoft: await load('misp-microsoft'),
  };
}
