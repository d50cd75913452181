import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { startAnnotator, type Annotator } from '~/utils/annotate/annotator';
import type { Scheduling } from '~/utils/annotate/scheduling';
import { removeAnnotations } from '~/utils/annotate/remove-annotations';
import { acceptCommonMatch } from '~/utils/matcher/context-policy';
import { createMatcher } from '~/utils/matcher/matcher';
import { mentionTexts, setBody, smallTable as table } from './fixtures';

let controller: AbortController | undefined;
afterEach(() => controller?.abort());

function annotate(options: { scheduling?: Scheduling } = {}): Annotator {
  controller = new AbortController();
  return startAnnotator(document, { matcher: createMatcher(table), acceptCommonMatch, signal: controller.signal, debounceMs: 20, ...options });
}

describe('with the real matcher and context policy', () => {
  test('annotates names, aliases and IDs and keeps the text', async () => {
    setBody(`<article><h2>APT28 report</h2>
      <p>APT28 (also <i>Fancy Bear</i>, G0007) ran Mimikatz (S0002) via T1059.001 and T1003 in TA0001.</p>
      <p>Operation Dream Job was run by the Lazarus Group.</p></article>`);
    const text = document.body.textContent;
    const annotator = annotate();
    await annotator.whenIdle();
    expect(document.body.textContent).toBe(text);
    expect(mentionTexts()).toEqual([
      'APT28', 'APT28', 'Fancy Bear', 'G0007', 'Mimikatz', 'S0002', 'T1059.001', 'T1003', 'TA0001', 'Operation Dream Job', 'Lazarus Group',
    ]);
    expect(annotator.summary().entities[0]).toEqual({ id: 'G0007', kind: 'actor', count: 4 });
  });

  test('common names need threat context', async () => {
    setBody('<p>The North Korean threat actor Lazarus used malware.</p><p>Jesus raised Lazarus from the dead.</p><p>An axiom of geometry; Axiom.</p>');
    const annotator = annotate();
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['Lazarus']);
    expect(document.querySelector('ti-mention')!.closest('p')!.textContent).toContain('threat actor');
  });

  test('no match inside a longer word, a URL or a file name', async () => {
    setBody('<p>APT280 xAPT28 https://example.com/APT28/x Fancy Bear.exe T1059.999</p>');
    const annotator = annotate();
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual([]);
  });

  // 500 runs: about 1 s here.
  test('random text around real names: text kept, every mention is a real match', () => {
    const names = ['APT28', 'Fancy Bear', 'Lazarus Group', 'Mimikatz', 'T1059.001', 'TA0001', 'Lazarus', 'Axiom', 'threat actor', 'malware'];
    const part = fc.oneof(fc.constantFrom(...names), fc.constantFrom(' ', '\u00a0', '.', ',', '(', ')', '\n', '🐻', 'é'), fc.string({ maxLength: 3 }));
    const paragraphs = fc.array(fc.array(part, { maxLength: 8 }).map((p) => p.join('')), { minLength: 1, maxLength: 6 });
    const matcher = createMatcher(table);
    fc.assert(
      fc.property(paragraphs, (texts) => {
        document.body.replaceChildren(...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
        const before = document.body.textContent;
        const tasks: (() => void)[] = [];
        const local = new AbortController();
        const annotator = startAnnotator(document, {
          matcher,
          acceptCommonMatch,
          signal: local.signal,
          scheduling: { setTimeout: (cb) => tasks.push(cb), clearTimeout: () => {}, now: () => performance.now(), MutationObserver },
        });
        while (tasks.length) tasks.shift()!();
        local.abort();
        expect(document.body.textContent).toBe(before);
        for (const mention of document.querySelectorAll('ti-mention')) {
          const p = mention.parentElement!;
          expect(p.localName).toBe('p');
          const found = matcher.findAll(p.textContent!).map((m) => m.text);
          expect(found).toContain(mention.textContent);
        }
        removeAnnotations(document.body, { originOf: annotator.originalTextOf });
        expect([...document.querySelectorAll('p')].map((p) => p.childNodes.length <= 1)).not.toContain(false);
      }),
      { numRuns: 500 },
    );
  });
});
