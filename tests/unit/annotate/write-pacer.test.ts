import { describe, expect, it } from 'vitest';
import { createWritePacer, nextWrites, NOTHING_SEEN, PASS_TARGET_MS, recordPass, type WritePacer } from '../../../utils/annotate/write-pacer';

interface Step {
  budget: number;
  cap: number;
  /** The rendering pass after the chunk, in ms. */
  pass: number;
}

/**
 * Runs `chunks` chunks of 5 ms, each writing as many text nodes as the pacer allows and
 * followed by a rendering pass of `passOf(writes)` ms, as a page's would be.
 */
function run(pacer: WritePacer, passOf: (writes: number) => number, chunks: number): Step[] {
  const steps: Step[] = [];
  let now = 0;
  for (let i = 0; i < chunks; i++) {
    pacer.chunkStarted(now);
    const step = { budget: pacer.budgetMs, cap: pacer.maxWrites, pass: passOf(pacer.maxWrites) };
    steps.push(step);
    now += 5;
    pacer.chunkEnded(now, step.cap);
    now += step.pass;
  }
  return steps;
}

/** A page whose pass costs `fixed` ms plus `perWrite` ms per text node written. */
const page = (fixed: number, perWrite: number) => (writes: number) => fixed + perWrite * writes;

describe('the write pacer', () => {
  it('keeps chunks short and small on a page that renders cheaply', () => {
    const steps = run(createWritePacer(), page(3, 0.1), 6);
    expect(steps.map((s) => [s.budget, s.cap])).toEqual(Array(6).fill([8, 40]));
  });

  it('writes more per chunk, in chunks a little longer, where the pass costs the same whatever was written', () => {
    const steps = run(createWritePacer(), page(25, 0), 6);
    expect(steps.map((s) => s.cap)).toEqual([40, 80, 160, 320, 320, 320]);
    expect(steps.map((s) => s.budget)).toEqual([8, 10, 10, 10, 10, 10]);
  });

  it('settles where the pass stays under the target when the pass grows with the writes', () => {
    // 20 ms of the page's own plus 0.15 ms a write: 133 writes fit in 40 ms.
    const steps = run(createWritePacer(), page(20, 0.15), 30);
    const settled = steps.slice(5);
    expect(Math.max(...settled.map((s) => s.pass))).toBeLessThanOrEqual(PASS_TARGET_MS);
    // Not needlessly small either: most of what fits.
    expect(Math.min(...settled.map((s) => s.cap))).toBeGreaterThanOrEqual(90);
  });

  it('cuts the writes at once after a pass over the target', () => {
    // 10 ms of the page's own plus 1 ms a write: the first chunk's 40 writes make a 50 ms pass.
    const steps = run(createWritePacer(), page(10, 1), 12);
    expect(steps[0]!.pass).toBe(50);
    expect(steps[1]!.cap).toBe(10);
    expect(Math.max(...steps.slice(1).map((s) => s.pass))).toBeLessThanOrEqual(PASS_TARGET_MS);
  });

  it('keeps the starting size on a page whose own pass is over the target, once the fewest writes confirm it', () => {
    const steps = run(createWritePacer(), page(52, 0.2), 6);
    expect(steps.map((s) => s.cap)).toEqual([40, 10, 40, 40, 40, 40]);
  });

  it('measures only passes that follow a chunk that wrote', () => {
    const pacer = createWritePacer({ budgetMs: 6, maxWrites: 20 });
    pacer.chunkStarted(0);
    pacer.chunkEnded(5, 0);
    pacer.chunkStarted(40); // 35 ms later, but the chunk wrote nothing: not a rendering pass of ours
    expect([pacer.budgetMs, pacer.maxWrites]).toEqual([6, 20]);
  });

  it('takes the cost of a write from the slope between a pass and the smallest one', () => {
    const range = { min: 10, start: 40, max: 320 };
    let seen = recordPass(NOTHING_SEEN, { cap: 40, wrote: 40, gap: 30 }, range);
    expect(seen).toMatchObject({ floor: 30, floorWrites: 40, perWrite: undefined });
    // 80 writes, 36 ms: 0.15 ms a write over 40 more writes, so 24 ms is the page's own.
    const chunk = { cap: 80, wrote: 80, gap: 36 };
    seen = recordPass(seen, chunk, range);
    expect(seen.perWrite).toBeCloseTo(0.15);
    expect(nextWrites(chunk, seen, range)).toBe(106);
    // A chunk its time budget stopped before its cap: the slope counts the writes made.
    const short = { cap: 160, wrote: 20, gap: 27 };
    expect(recordPass(seen, short, range)).toMatchObject({ floor: 27, floorWrites: 20, perWrite: 0.15 });
    // A page that made a pass longer on its own only makes the estimate larger: fewer writes.
    const spiked = { cap: 106, wrote: 106, gap: 60 };
    const after = recordPass(seen, spiked, range);
    expect(after.perWrite).toBeGreaterThan(0.15);
    expect(nextWrites(spiked, after, range)).toBeLessThan(80);
  });

  it('never leaves the range, and never more than doubles the cap at a time', () => {
    const range = { min: 10, start: 40, max: 320 };
    const cheap = { cap: 40, wrote: 40, gap: 20 };
    expect(nextWrites(cheap, recordPass(NOTHING_SEEN, cheap, range), range)).toBe(80);
    const seen = { floor: 30, floorWrites: 300, perWrite: 0.001, triedFewest: true };
    expect(nextWrites({ cap: 300, wrote: 300, gap: 30 }, seen, range)).toBe(320);
    expect(nextWrites({ cap: 20, wrote: 20, gap: 39 }, { floor: 39, floorWrites: 10, perWrite: 5, triedFewest: true }, range)).toBe(10);
  });
});
