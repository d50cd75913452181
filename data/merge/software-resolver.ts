import type { Software } from '../schema';
import type { SoftwareResolver } from './build-actor';
import { nameKey } from './name-key';

/**
 * Resolves ATT&CK software by ID or by name/alias (case and spacing ignored). A name shared by
 * several active software entries resolves to none; deprecated copies (ICS duplicates of
 * enterprise malware) give way to the active entry.
 */
export function createSoftwareResolver(software: readonly Software[]): SoftwareResolver {
  const byId = new Map(software.map((s) => [s.id, s]));
  const byKey = new Map<string, Software[]>();
  for (const s of software) {
    for (const name of [s.name, ...s.aliases]) {
      const key = nameKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(s)) list.push(s);
      byKey.set(key, list);
    }
  }
  return (nameOrId) => {
    const direct = byId.get(nameOrId);
    if (direct) return { id: direct.id, name: direct.name };
    const list = byKey.get(nameKey(nameOrId)) ?? [];
    const active = list.filter((s) => !s.deprecated);
    const pick = active.length === 1 ? active[0] : active.length === 0 && list.length === 1 ? list[0] : undefined;
    return pick ? { id: pick.id, name: pick.name } : undefined;
  };
}
