import { describe, expect, it } from 'vitest';
import { createWritePacer, nextPacerState, PASS_TARGET_MS, type WritePacer } from '../../../utils/annotate/write-pacer';

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
    const steps = run(createWritePacer(), page(25, 0), 7);
    expect(steps.map((s) => s.cap)).toEqual([40, 64, 102, 163, 260, 320, 320]);
    expect(steps.map((s) => s.budget)).toEqual([8, 10, 10, 10, 10, 10, 10]);
  });

  it('settles where the pass stays under the target when the pass grows with the writes', () => {
    // 20 ms of the page's own plus 0.15 ms a write: 133 writes fit in 40 ms.
    const steps = run(createWritePacer(), page(20, 0.15), 30);
    expect(Math.max(...steps.map((s) => s.pass))).toBeLessThanOrEqual(PASS_TARGET_MS);
    // Not needlessly small either: most of what fits.
    expect(Math.min(...steps.slice(10).map((s) => s.cap))).toBeGreaterThanOrEqual(120);
  });

  it('drops to the fewest writes after a pass over the target, and grows back without overshooting', () => {
    // 10 ms of the page's own plus 1 ms a write: the first chunk's 40 writes make a 50 ms pass.
    const steps = run(createWritePacer(), page(10, 1), 12);
    expect(steps[0]!.pass).toBe(50);
    expect(steps[1]!.cap).toBe(10);
    expect(Math.max(...steps.slice(1).map((s) => s.pass))).toBeLessThanOrEqual(PASS_TARGET_MS);
    expect(steps.at(-1)!.cap).toBeGreaterThanOrEqual(25);
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

  it('learns nothing from a gap too short to hold a pass', () => {
    const range = { min: 10, start: 40, max: 320 };
    const state = { cap: 120, heavyPage: false };
    // Two chunks in one idle period: no rendering pass between them.
    expect(nextPacerState(state, 120, 1, range)).toBe(state);
    expect(nextPacerState({ cap: 40, heavyPage: true }, 40, 3, range)).toEqual({ cap: 40, heavyPage: true });
  });

  it('keeps its cap after a chunk its time budget stopped short of it', () => {
    const range = { min: 10, start: 40, max: 320 };
    // 5 writes made a 20 ms pass: 10 would fit, which says nothing against the cap of 100.
    expect(nextPacerState({ cap: 100, heavyPage: false }, 5, 20, range)).toEqual({ cap: 100, heavyPage: false });
  });

  it('leaves the heavy-page state once a pass comes in under the target', () => {
    const range = { min: 10, start: 40, max: 320 };
    expect(nextPacerState({ cap: 40, heavyPage: true }, 40, 60, range)).toEqual({ cap: 40, heavyPage: true });
    expect(nextPacerState({ cap: 40, heavyPage: true }, 40, 30, range)).toEqual({ cap: 53, heavyPage: false });
  });
});
