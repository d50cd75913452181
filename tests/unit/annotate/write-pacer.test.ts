import { describe, expect, it } from 'vitest';
import { createWritePacer, type WritePacer } from '../../../utils/annotate/write-pacer';

/** Runs chunks of 5 ms that write, each followed by a rendering pass of `gaps[i]` ms; returns [budget, writes] seen by each chunk. */
function run(pacer: WritePacer, gaps: number[], writes = 10): [number, number][] {
  const seen: [number, number][] = [];
  let now = 0;
  for (const gap of [...gaps, 0]) {
    pacer.chunkStarted(now);
    seen.push([pacer.budgetMs, pacer.maxWrites]);
    now += 5;
    pacer.chunkEnded(now, writes);
    now += gap;
  }
  return seen.slice(1);
}

describe('the write pacer', () => {
  it('keeps chunks short and small on a page that renders cheaply', () => {
    expect(run(createWritePacer(), [3, 8, 12, 15])).toEqual([[8, 40], [8, 40], [8, 40], [8, 40]]);
  });

  it('lets chunks write more on a page whose rendering pass costs the same whatever was written', () => {
    expect(run(createWritePacer(), [25, 25, 26, 25, 25])).toEqual([[32, 80], [32, 160], [32, 160], [32, 160], [32, 160]]);
  });

  it('writes less again once the pass grows with the writes', () => {
    expect(run(createWritePacer(), [22, 22, 34, 22])).toEqual([[32, 80], [32, 160], [32, 80], [32, 160]]);
  });

  it('stays at the minimum where the pass alone nears the long-task threshold', () => {
    expect(run(createWritePacer(), [25, 45, 45])).toEqual([[32, 80], [8, 40], [8, 40]]);
  });

  it('measures only passes that follow a chunk that wrote', () => {
    const pacer = createWritePacer({ budgetMs: 6, maxWrites: 20 });
    pacer.chunkStarted(0);
    pacer.chunkEnded(5, 0);
    pacer.chunkStarted(40); // 35 ms later, but the chunk wrote nothing: not a rendering pass of ours
    expect([pacer.budgetMs, pacer.maxWrites]).toEqual([6, 20]);
  });
});
