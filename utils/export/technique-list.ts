import type { TechniqueGroup } from '../cards/card-data';

const ATTACK_TECHNIQUE_URL = 'https://attack.mitre.org/techniques/';

/** The ATT&CK page of a technique ("T1566.001" -> …/techniques/T1566/001/). */
export function techniqueUrl(id: string): string {
  return `${ATTACK_TECHNIQUE_URL}${id.replace('.', '/')}/`;
}

type Row = TechniqueGroup['techniques'][number];

/** A tactic's techniques with each sub-technique under its parent when the parent is listed. */
function nest(rows: readonly Row[]): { row: Row; depth: number }[] {
  const listed = new Set(rows.map((r) => r.id));
  const out: { row: Row; depth: number }[] = [];
  for (const row of rows) {
    if (row.parent && listed.has(row.parent)) continue;
    out.push({ row, depth: 0 });
    for (const sub of rows) if (sub.parent === row.id) out.push({ row: sub, depth: 1 });
  }
  return out;
}

/**
 * Plain text, one tactic per block:
 *
 *     Initial Access (TA0001)
 *       T1566 Phishing
 *         T1566.001 Spearphishing Attachment
 */
export function techniquesAsText(title: string, groups: readonly TechniqueGroup[]): string {
  const lines = [`${title}: ATT&CK techniques`];
  for (const group of groups) {
    lines.push('', `${group.tactic.name} (${group.tactic.id})`);
    for (const { row, depth } of nest(group.techniques)) lines.push(`${'  '.repeat(depth + 1)}${row.id} ${row.name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Characters Markdown would read as inline formatting, escaped (names sit mid-line, after a link or a heading mark). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Markdown: a heading per tactic, techniques as linked list items, sub-techniques nested. */
export function techniquesAsMarkdown(title: string, groups: readonly TechniqueGroup[]): string {
  const lines = [`## ${escapeMarkdown(title)}: ATT&CK techniques`];
  for (const group of groups) {
    lines.push('', `### ${escapeMarkdown(group.tactic.name)} (${group.tactic.id})`, '');
    for (const { row, depth } of nest(group.techniques))
      lines.push(`${'  '.repeat(depth)}- [${row.id}](${techniqueUrl(row.id)}) ${escapeMarkdown(row.name)}`);
  }
  return `${lines.join('\n')}\n`;
}
