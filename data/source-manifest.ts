import manifest from './sources.json' with { type: 'json' };
import type { SourceId, SourceInfo } from './schema';

export interface SourceFileSpec {
  file: string;
  format: string;
  url: string;
  domain?: string;
}

export interface SourceSpec {
  id: SourceId;
  name: string;
  publisher: string;
  version: string;
  license: string;
  licenseUrl: string;
  attribution: string;
  homepage: string;
  files: SourceFileSpec[];
}

/** The pinned source datasets (data/sources.json): the one place their versions live. */
export const sourceSpecs: readonly SourceSpec[] = manifest.sources as SourceSpec[];

export function sourceSpec(id: SourceId): SourceSpec {
  const spec = sourceSpecs.find((s) => s.id === id);
  if (!spec) throw new Error(`data/sources.json has no source "${id}"`);
  return spec;
}

export function sourceInfo(spec: SourceSpec): SourceInfo {
  return {
    id: spec.id,
    name: spec.name,
    publisher: spec.publisher,
    version: spec.version,
    license: spec.license,
    attribution: spec.attribution,
    url: spec.homepage,
  };
}
