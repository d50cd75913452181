import { afterEach, describe, expect, test } from 'vitest';
import { createMutationWatcher, withoutNested, type MutationBatch } from '~/utils/annotate/mutation-watcher';
import { captureScheduling } from '~/utils/annotate/scheduling';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((c) => c.abort()));

function watch(options: { own?: WeakSet<Node>; stormThreshold?: number; repair?: (records: readonly MutationRecord[]) => readonly Text[] } = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  const batches: MutationBatch[] = [];
  const watcher = createMutationWatcher({
    scheduling: captureScheduling(window),
    signal: controller.signal,
    isOwnNode: (node) => options.own?.has(node) ?? false,
    onBatch: (batch) => batches.push(batch),
    debounceMs: 20,
    stormThreshold: options.stormThreshold,
    stormDelayMs: 20,
    repair: options.repair,
  });
  watcher.watch(document);
  return { watcher, batches, controller };
}

describe('createMutationWatcher', () => {
  test('coalesces added nodes and changed text into one batch, without nested duplicates', async () => {
    document.body.replaceChildren();
    const { batches } = watch();
    const section = document.createElement('section');
    document.body.append(section);
    const p = document.createElement('p');
    section.append(p);
    p.append('hello');
    const text = document.createTextNode('x');
    document.body.append(text);
    text.data = 'changed';
    await sleep(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toEqual([section, text]);
    expect(batches[0]!.changed).toEqual([text]);
    expect(batches[0]!.rescanRoots).toEqual([]);
  });

  test('ignores its own nodes; removals are only flagged', async () => {
    document.body.replaceChildren(document.createElement('div'));
    const own = new WeakSet<Node>();
    const { batches, watcher } = watch({ own });
    const mine = document.createElement('ti-mention');
    own.add(mine);
    document.body.append(mine);
    await sleep(50);
    expect(batches).toHaveLength(0);
    expect(watcher.pending).toBe(false);
    document.body.firstChild!.remove();
    await sleep(50);
    expect(batches).toEqual([{ added: [], changed: [], rescanRoots: [], elementsRemoved: true }]);
  });

  test('more records than the threshold become one rescan of the root', async () => {
    document.body.replaceChildren();
    const { batches } = watch({ stormThreshold: 100 });
    for (let i = 0; i < 300; i++) document.body.append(document.createElement('p'));
    await sleep(80);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.rescanRoots).toEqual([document]);
  });

  test('withoutNested keeps only the outermost nodes', () => {
    document.body.replaceChildren();
    const outer = document.createElement('div');
    const inner = document.createElement('span');
    const text = document.createTextNode('t');
    inner.append(text);
    outer.append(inner);
    const other = document.createTextNode('o');
    document.body.append(outer, other);
    expect(withoutNested([text, inner, outer, other])).toEqual([outer, other]);
  });

  test('writing(): our writes are never reported, page writes queued before them are', async () => {
    document.body.replaceChildren();
    const { batches, watcher } = watch();
    const pageText = document.createTextNode('page');
    document.body.append(pageText);
    const ours = document.createElement('p');
    watcher.writing(() => {
      document.body.append(ours);
      pageText.data = 'changed by us';
      ours.remove();
    });
    await sleep(50);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added).toEqual([pageText]);
    expect(batches[0]!.changed).toEqual([]);
    expect(batches[0]!.elementsRemoved).toBe(false);
  });

  test('repair runs in the observer callback, before the debounced batch, storms included; its writes are not reported', async () => {
    document.body.replaceChildren();
    const seen: MutationRecord[][] = [];
    const text = document.createTextNode('x');
    document.body.append(text);
    const { batches } = watch({
      stormThreshold: 5,
      repair: (records) => {
        seen.push([...records]);
        document.body.append(document.createElement('i')); // a repair's own write
        return [text];
      },
    });
    document.body.append(document.createElement('p'));
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expect(batches).toHaveLength(0);
    await sleep(50);
    expect(seen).toHaveLength(1); // the repair's own write came back to no one
    expect(batches).toHaveLength(1);
    expect(batches[0]!.changed).toEqual([text]);
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('p'));
    await Promise.resolve();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toHaveLength(20);
  });
});
