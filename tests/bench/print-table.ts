import type { BenchRow } from './bench-module';

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Prints rows as one aligned plain-text table, grouped by section. */
export function printTable(rows: readonly BenchRow[]): void {
  const header = ['group', 'metric', 'value', 'unit', 'target', 'ok', 'note'];
  const cells = rows.map((r) => [
    r.group,
    r.metric,
    formatValue(r.value),
    r.unit,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  let previousGroup = '';
  for (const c of cells) {
    if (previousGroup !== '' && c[0] !== previousGroup) console.log('');
    previousGroup = c[0]!;
    console.log(line(c));
  }
}
