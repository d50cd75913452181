import { describe, expect, test } from 'vitest';
import type { Scheduling } from '~/utils/annotate/scheduling';
import { createChunkRunner, type Deadline } from '~/utils/annotate/scan-scheduler';

/** Scheduling with a manual clock and manual idle/timeout queues. */
function fakeScheduling(withIdle: boolean) {
  let clock = 0;
  const idle: (() => void)[] = [];
  const timeouts: (() => void)[] = [];
  const idleTimeouts: number[] = [];
  const scheduling: Scheduling = {
    now: () => clock,
    setTimeout: (cb) => timeouts.push(cb),
    clearTimeout: () => {},
    requestIdleCallback: withIdle ? (cb, options) => (idleTimeouts.push(options.timeout), idle.push(cb)) : undefined,
    cancelIdleCallback: withIdle ? (id) => void idle.splice(id - 1, 1, () => {}) : undefined,
    MutationObserver,
  };
  return { scheduling, idle, timeouts, idleTimeouts, advance: (ms: number) => (clock += ms) };
}

/** Work over `count` items of 1 ms each, recording how many each chunk did. */
function itemWork(fake: ReturnType<typeof fakeScheduling>, count: number) {
  let items = count;
  const chunkSizes: number[] = [];
  const work = (deadline: Deadline) => {
    let done = 0;
    while (items > 0 && !deadline.expired()) {
      items--;
      done++;
      fake.advance(1);
    }
    chunkSizes.push(done);
    return items > 0;
  };
  return { work, chunkSizes };
}

describe('createChunkRunner', () => {
  test('uses requestIdleCallback with a timeout and stops each chunk at the budget', () => {
    const fake = fakeScheduling(true);
    const { work, chunkSizes } = itemWork(fake, 100);
    const runner = createChunkRunner(work, { scheduling: fake.scheduling, signal: new AbortController().signal, budgetMs: 8 });
    runner.request();
    runner.request(); // no double scheduling
    expect(fake.idle).toHaveLength(1);
    expect(fake.idleTimeouts[0]).toBeGreaterThan(0);
    while (fake.idle.length) fake.idle.shift()!();
    expect(chunkSizes.every((n) => n <= 8)).toBe(true);
    expect(chunkSizes.reduce((a, b) => a + b)).toBe(100);
    expect(fake.timeouts).toHaveLength(0);
    expect(runner.pending).toBe(false);
  });

  test('asks a budget function at the start of every chunk', () => {
    const fake = fakeScheduling(true);
    const { work, chunkSizes } = itemWork(fake, 30);
    const budgets = [4, 16];
    const runner = createChunkRunner(work, { scheduling: fake.scheduling, signal: new AbortController().signal, budgetMs: () => budgets.shift() ?? 2 });
    runner.request();
    while (fake.idle.length) fake.idle.shift()!();
    expect(chunkSizes).toEqual([4, 16, 2, 2, 2, 2, 2]);
  });

  test('falls back to setTimeout without requestIdleCallback', () => {
    const fake = fakeScheduling(false);
    let ran = 0;
    const runner = createChunkRunner(() => ++ran < 3, { scheduling: fake.scheduling, signal: new AbortController().signal });
    runner.request();
    while (fake.timeouts.length) fake.timeouts.shift()!();
    expect(ran).toBe(3);
  });

  test('abort cancels the scheduled chunk', () => {
    const fake = fakeScheduling(false);
    const controller = new AbortController();
    let ran = 0;
    const runner = createChunkRunner(() => (ran++, true), { scheduling: fake.scheduling, signal: controller.signal });
    runner.request();
    controller.abort();
    fake.timeouts.forEach((cb) => cb());
    expect(ran).toBe(0);
    runner.request();
    expect(runner.pending).toBe(false);
  });
});
