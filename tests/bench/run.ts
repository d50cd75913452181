/**
 * `npm run bench`: runs every bench module in one process and prints one table.
 * Add new areas (bundle size, popup search, Chromium page timings) as modules in this list.
 */
import type { BenchModule, BenchRow } from './bench-module';
import { matcherBench } from './matcher-bench';
import { printTable } from './print-table';
import { searchBench } from './search-bench';

const modules: BenchModule[] = [matcherBench, searchBench];

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const module of modules) {
    console.error(`[bench] ${module.name}...`);
    rows.push(...(await module.run()));
  }
  printTable(rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) console.log(`\n${failed.length} target(s) missed: ${failed.map((r) => r.metric).join('; ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
