import type { ComponentChildren } from 'preact';
import type { EntityRef } from '../utils/cards/card-data';
import type { CardNavigation } from './card-props';
import { MoreList } from './more-list';

interface EntityLinkProps {
  id: string;
  nav: CardNavigation;
  children: ComponentChildren;
  title?: string;
  class?: string;
}

/** A reference to another entity, behaving as the host asked (see CardNavigation). */
export function EntityLink({ id, nav, children, title, class: className }: EntityLinkProps) {
  const cls = className ? `til-ref ${className}` : 'til-ref';
  if (nav.onSelectEntity) {
    const select = nav.onSelectEntity;
    return (
      <button type="button" class={cls} title={title} onClick={() => select(id)}>
        {children}
      </button>
    );
  }
  if (nav.profileHref) {
    return (
      <a class={cls} title={title} href={nav.profileHref(id)} target="_blank" rel="noopener noreferrer" onClick={openProfileHandler(nav, id)}>
        {children}
      </a>
    );
  }
  if (nav.onOpenProfile) {
    const open = nav.onOpenProfile;
    return (
      <button type="button" class={cls} title={title} onClick={() => open(id)}>
        {children}
      </button>
    );
  }
  return (
    <span class={className} title={title}>
      {children}
    </span>
  );
}

/** A plain left click goes to the host's onOpenProfile when it has one (not modified clicks). */
export function openProfileHandler(nav: CardNavigation, id: string) {
  const open = nav.onOpenProfile;
  if (!open) return undefined;
  return (event: MouseEvent) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(id);
  };
}

/** "Name (ID)" for a reference. */
export function RefLabel({ entityRef }: { entityRef: EntityRef }) {
  return (
    <>
      {entityRef.name}
      {entityRef.name !== entityRef.id && <span class="til-id"> {entityRef.id}</span>}
    </>
  );
}

/** Named references, linked as the host asked, with "+N more" past `limit`. */
export function RefList({ refs, nav, limit }: { refs: readonly EntityRef[]; nav: CardNavigation; limit?: number }) {
  return (
    <MoreList
      items={refs}
      limit={limit}
      render={(r) => (
        <EntityLink id={r.id} nav={nav}>
          <RefLabel entityRef={r} />
        </EntityLink>
      )}
    />
  );
}
