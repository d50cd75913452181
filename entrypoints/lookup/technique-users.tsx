import { useEffect, useState } from 'preact/hooks';
import { RefList } from '@/components/entity-link';
import type { CardNavigation } from '@/components/card-props';
import type { Technique } from '@/data/schema';
import type { EntityRef } from '@/utils/cards/card-data';
import type { DetailsStore } from '@/utils/index-data/details-store';

async function refsOf(store: DetailsStore, ids: readonly string[]): Promise<EntityRef[]> {
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.flatMap((e) => (e ? [{ id: e.id, name: e.name }] : []));
}

/** Every group and every software using a technique (the card shows the top few). */
export function TechniqueUsers({ store, technique, nav }: { store: DetailsStore; technique: Technique; nav: CardNavigation }) {
  const [users, setUsers] = useState<{ groups: EntityRef[]; software: EntityRef[] }>();
  useEffect(() => {
    let current = true;
    Promise.all([refsOf(store, technique.usedBy), refsOf(store, technique.softwareUsing)]).then(
      ([groups, software]) => current && setUsers({ groups, software }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [store, technique]);
  if (!users || (!users.groups.length && !users.software.length)) return null;
  return (
    <section class="til-card til-section technique-users" aria-label="Groups and software using this technique">
      {users.groups.length > 0 && (
        <>
          <h3 class="til-section-title">{`All groups using ${technique.id} (${users.groups.length})`}</h3>
          <p>
            <RefList refs={users.groups} nav={nav} />
          </p>
        </>
      )}
      {users.software.length > 0 && (
        <>
          <h3 class="til-section-title">{`Software using ${technique.id} (${users.software.length})`}</h3>
          <p>
            <RefList refs={users.software} nav={nav} />
          </p>
        </>
      )}
    </section>
  );
}
