import type { AliasInfo } from '../data/schema';
import { sourceShortName } from './format/labels';
import { MoreList } from './more-list';

/** "Group 72 — Talos": a name and who gave it (and, when asked, which sources say so). */
export function AliasName({ alias, showSources = false }: { alias: AliasInfo; showSources?: boolean }) {
  return (
    <span class="til-alias">
      <span class="til-alias-name">{alias.name}</span>
      {alias.givers.length > 0 && <span class="til-giver">{` — ${alias.givers.join(', ')}`}</span>}
      {showSources && alias.sources.length > 0 && (
        <span class="til-muted">{` (${alias.sources.map(sourceShortName).join(', ')})`}</span>
      )}
    </span>
  );
}

/** Aliases with their name-givers, the first `limit` shown and "+N more". */
export function AliasList({ aliases, limit, showSources = false }: { aliases: readonly AliasInfo[]; limit?: number; showSources?: boolean }) {
  return (
    <MoreList
      items={aliases}
      limit={limit}
      separator="; "
      label="Aliases"
      render={(alias) => <AliasName alias={alias} showSources={showSources} />}
    />
  );
}
