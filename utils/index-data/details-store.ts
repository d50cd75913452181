import type { Entity, EntityKind, Redirect, SourceInfo } from '../../data/schema';
import type { DetailsManifest } from '../../data/emit/details';
import { kindOfId } from './entity-id';

export type { DetailsManifest };

/** Reads one packaged JSON file by its path inside the extension ("details/actor-0.json"). */
export type JsonFileReader = (path: string) => Promise<unknown>;

type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;

/**
 * The entity details shipped with the extension, loaded lazily per kind. Owned by whoever
 * creates it (the background, a page): no module-level state.
 */
export interface DetailsStore {
  manifest(): Promise<DetailsManifest>;
  sources(): Promise<SourceInfo[]>;
  /** All entities of a kind, in index order. */
  all<K extends EntityKind>(kind: K): Promise<EntityOf<K>[]>;
  /** The entity with this id, following a redirect when the id was revoked. */
  resolve(id: string): Promise<{ entity: Entity; redirect?: Redirect } | undefined>;
  /** The entity with exactly this id (no redirect). */
  get(id: string): Promise<Entity | undefined>;
}

export function createDetailsStore(readJson: JsonFileReader): DetailsStore {
  let manifestPromise: Promise<DetailsManifest> | undefined;
  const kinds = new Map<EntityKind, Promise<Map<string, Entity>>>();
  let redirects: Map<string, Redirect> | undefined;

  const manifest = () => (manifestPromise ??= readJson('details/manifest.json') as Promise<DetailsManifest>);
  const byKind = (kind: EntityKind) => {
    let loading = kinds.get(kind);
    if (!loading) {
      loading = manifest().then(async (m) => {
        const parts = (await Promise.all(m.files[kind].map((f) => readJson(f)))) as Entity[][];
        return new Map(parts.flat().map((e) => [e.id, e]));
      });
      kinds.set(kind, loading);
    }
    return loading;
  };
  const get = async (id: string) => {
    const kind = kindOfId(id);
    return kind ? (await byKind(kind)).get(id) : undefined;
  };

  return {
    manifest,
    sources: async () => (await manifest()).sources,
    all: async (kind) => [...(await byKind(kind)).values()] as never,
    get,
    async resolve(id) {
      const entity = await get(id);
      if (entity) return { entity };
      redirects ??= new Map((await manifest()).redirects.map((r) => [r.from, r]));
      const redirect = redirects.get(id);
      const target = redirect && (await get(redirect.to));
      return target ? { entity: target, redirect } : undefined;
    },
  };
}
