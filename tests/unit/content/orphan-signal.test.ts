import { describe, expect, test } from 'vitest';
import { signalOfOrphanedScript } from '~/utils/content/orphan-signal';

describe('signalOfOrphanedScript', () => {
  test('an instance is aborted when a new one starts in its document and its runtime is gone', () => {
    const doc = document.implementation.createHTMLDocument('page');
    let alive = true;
    const first = signalOfOrphanedScript(doc, () => alive);
    expect(first.aborted).toBe(false);
    alive = false; // the extension was reloaded
    const second = signalOfOrphanedScript(doc, () => true);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
  });

  test('an instance whose runtime is alive keeps running when another starts', () => {
    const doc = document.implementation.createHTMLDocument('page');
    const first = signalOfOrphanedScript(doc, () => true);
    signalOfOrphanedScript(doc, () => true);
    expect(first.aborted).toBe(false);
  });

  test('only the instance before the new one is asked, and each document keeps its own', () => {
    const a = document.implementation.createHTMLDocument('a');
    const b = document.implementation.createHTMLDocument('b');
    let checks = 0;
    signalOfOrphanedScript(a, () => (checks++, true));
    signalOfOrphanedScript(b, () => true);
    expect(checks).toBe(0);
    signalOfOrphanedScript(a, () => true);
    signalOfOrphanedScript(a, () => true);
    expect(checks).toBe(1);
  });

});
