import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MatcherTable } from '../../utils/matcher/table';
import { syntheticTable } from './synthetic-table';

/** The compiler's output; TI_MATCHER_TABLE overrides it (e.g. to try the synthetic fallback). */
export const REAL_TABLE_PATH = process.env.TI_MATCHER_TABLE ?? fileURLToPath(new URL('../../data/generated/matcher-table.json', import.meta.url));

export interface LoadedTable {
  table: MatcherTable;
  /** "real" when read from the compiler output, else "synthetic". */
  source: 'real' | 'synthetic';
  /** Size of the JSON in bytes. */
  jsonBytes: number;
  /** Time to JSON.parse it (the content script pays this too), in ms. */
  parseMs: number;
}

/** The compiler's matcher table, or (saying so on stderr) a synthetic one of ~15,000 names. */
export function loadTable(): LoadedTable {
  if (!existsSync(REAL_TABLE_PATH)) {
    console.error(`[bench] ${REAL_TABLE_PATH} is absent (run the data compiler): using a SYNTHETIC table of ~15,000 names.`);
    const table = syntheticTable();
    const json = JSON.stringify(table);
    const t0 = performance.now();
    JSON.parse(json);
    return { table, source: 'synthetic', jsonBytes: Buffer.byteLength(json), parseMs: performance.now() - t0 };
  }
  const json = readFileSync(REAL_TABLE_PATH, 'utf8');
  const t0 = performance.now();
  const table = JSON.parse(json) as MatcherTable;
  return { table, source: 'real', jsonBytes: Buffer.byteLength(json), parseMs: performance.now() - t0 };
}
