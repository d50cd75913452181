/**
 * `npm run bench`: runs every bench module in one process and prints one table.
 * Add new areas (bundle size, popup search, Chromium page timings) as modules in this list.
 */
import type { BenchModule, BenchRow } from './bench-module';
import { chromiumBench } from './chromium-bench';
import { matcherBench } from './matcher-bench';
import { printTable } from './print-table';
import { searchBench } from './search-bench';

const modules: BenchModule[] = [matcherBench, searchBench, chromiumBench];

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const only = process.env.BENCH_MODULES?.split(',');
  for (const module of modules) {
    if (only && !only.includes(module.name)) continue;
    console.error(`[bench] ${module.name}...`);
    try {
      rows.push(...(await module.run()));
    } catch (error) {
      // The bench reports; one broken area (no Chromium, no build) must not hide the others.
      console.error(error);
      rows.push({ group: module.name, metric: `${module.name} bench`, value: NaN, unit: '', note: `failed: ${String((error as Error)?.message ?? error).split('\n')[0]}` });
    }
  }
  printTable(rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) console.log(`\n${failed.length} target(s) missed: ${failed.map((r) => r.metric).join('; ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
