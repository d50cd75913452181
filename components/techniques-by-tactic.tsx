import type { TechniqueGroup } from '../utils/cards/card-data';
import type { CardNavigation, CardVariant } from './card-props';
import { EntityLink } from './entity-link';
import { plural } from './format/labels';
import { MoreList } from './more-list';

type GroupTechnique = TechniqueGroup['techniques'][number];

interface TechniquesByTacticProps {
  groups: readonly TechniqueGroup[];
  variant: CardVariant;
  nav: CardNavigation;
  /** Technique IDs shown per tactic in the compact variant before "+N more". */
  compactLimit?: number;
}

/**
 * Techniques under their tactics in matrix order, each tactic with its count. Compact: one
 * line of IDs per tactic (names on hover). Full: IDs and names, sub-techniques indented
 * under their parent technique when it is listed too.
 */
export function TechniquesByTactic({ groups, variant, nav, compactLimit = 8 }: TechniquesByTacticProps) {
  if (!groups.length) return null;
  const distinct = new Set(groups.flatMap((g) => g.techniques.map((t) => t.id))).size;
  return (
    <div class="til-tbt">
      <p class="til-muted">{`${plural(distinct, 'technique')} across ${plural(groups.length, 'tactic')}`}</p>
      {variant === 'compact' ? (
        <ul class="til-block-list">
          {groups.map((g) => (
            <li key={g.tactic.id}>
              <span class="til-tactic">{g.tactic.name}</span> <span class="til-count">{`(${g.techniques.length})`}</span>{' '}
              <MoreList
                items={g.techniques}
                limit={compactLimit}
                render={(t) => (
                  <EntityLink id={t.id} nav={nav} title={t.name} class="til-tech-id">
                    {t.id}
                  </EntityLink>
                )}
              />
            </li>
          ))}
        </ul>
      ) : (
        groups.map((g) => (
          <section key={g.tactic.id} class="til-tactic-group">
            <h4 class="til-tactic">
              {g.tactic.name} <span class="til-count">{`(${g.techniques.length})`}</span>
            </h4>
            <TechniqueTree techniques={g.techniques} nav={nav} />
          </section>
        ))
      )}
    </div>
  );
}

function TechniqueTree({ techniques, nav }: { techniques: readonly GroupTechnique[]; nav: CardNavigation }) {
  const listed = new Set(techniques.map((t) => t.id));
  const top = techniques.filter((t) => !t.parent || !listed.has(t.parent));
  const subsOf = (id: string) => techniques.filter((t) => t.parent === id);
  return (
    <ul class="til-tech-tree">
      {top.map((t) => {
        const subs = subsOf(t.id);
        return (
          <li key={t.id}>
            <TechniqueItem technique={t} nav={nav} withParent />
            {subs.length > 0 && (
              <ul class="til-tech-subs">
                {subs.map((s) => (
                  <li key={s.id}>
                    <TechniqueItem technique={s} nav={nav} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A sub-technique listed without its parent reads as ATT&CK writes it: "Acquire Infrastructure: DNS Server". */
function TechniqueItem({ technique, nav, withParent = false }: { technique: GroupTechnique; nav: CardNavigation; withParent?: boolean }) {
  const name = withParent && technique.parentName ? `${technique.parentName}: ${technique.name}` : technique.name;
  return (
    <EntityLink id={technique.id} nav={nav}>
      <span class="til-tech-id">{technique.id}</span> {name}
    </EntityLink>
  );
}
