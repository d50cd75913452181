import fc from 'fast-check';
import { expect, test } from 'vitest';
import { startAnnotator } from '~/utils/annotate/annotator';
import type { Scheduling } from '~/utils/annotate/natives';
import { removeAnnotations } from '~/utils/annotate/remove-annotations';
import { createFakeMatcher, createFakePolicy, fakeNames } from './fixtures';

/** Timers run by hand, so one annotation pass is synchronous: `drain()` runs every task. */
function manualScheduling() {
  const tasks: (() => void)[] = [];
  const scheduling: Scheduling = {
    setTimeout: (cb) => tasks.push(cb),
    clearTimeout: () => {},
    now: () => performance.now(),
    MutationObserver,
  };
  const drain = (): void => {
    for (let guard = 0; tasks.length > 0; guard++) {
      if (guard > 10_000) throw new Error('runaway scheduling');
      tasks.shift()!();
    }
  };
  return { scheduling, drain };
}

type Tree = { tag: string; children: (Tree | string)[] };

const tags = ['div', 'p', 'span', 'b', 'a', 'li', 'script', 'textarea'] as const;
const textPart = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fakeNames.map((n) => n.name), 'APT', 'T1059.', 'Lazarus Group', 'fancy bear', 'APT280', 'xAPT28') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\u00a0', '.', ',', '-', '(', ')', '/', ':', '\n', '\t', '_') },
  { weight: 2, arbitrary: fc.constantFrom('🐻', '👨‍👩‍👧', 'é', 'İ', 'ß', '中文', 'Ωμέγα', '\u200b', '\ufeff', 'threat', 'word') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 2 }) },
);
const text = fc.array(textPart, { maxLength: 6 }).map((parts) => parts.join(''));
const { tree } = fc.letrec<{ tree: Tree; child: Tree | string }>((tie) => ({
  tree: fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tie('child'), { maxLength: 4 }) }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('tree')),
}));
const forest = fc.array(fc.oneof(text, tree), { minLength: 1, maxLength: 5 });

function build(parent: Node, children: readonly (Tree | string)[]): void {
  for (const child of children) {
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else {
      const el = document.createElement(child.tag);
      build(el, child.children);
      parent.appendChild(el);
    }
  }
}

function annotateOnce(): { abort: () => void; originalTextOf: (node: Node) => Text | undefined } {
  const controller = new AbortController();
  const { scheduling, drain } = manualScheduling();
  const annotator = startAnnotator(document, {
    matcher: createFakeMatcher(),
    acceptCommonMatch: createFakePolicy().accept,
    signal: controller.signal,
    scheduling,
    maxAnnotations: 40,
  });
  drain();
  return { abort: () => controller.abort(), originalTextOf: annotator.originalTextOf };
}

/** Markup plus text-node boundaries, which innerHTML does not show. */
function shape(node: Node): string {
  return [...node.childNodes]
    .map((child) => (child.nodeType === 3 ? `"${(child as Text).data}"` : `<${child.nodeName}>${shape(child)}`))
    .join('|');
}

const idsByName = new Map(fakeNames.map((n) => [n.name, n.ids.join(' ')]));

// 2000 random trees: about 5 s here. Each run annotates, re-annotates and removes.
test('random DOM trees: text kept, no nesting, only real names, idempotent, removable', () => {
  let annotatedRuns = 0;
  fc.assert(
    fc.property(forest, (children) => {
      document.body.replaceChildren();
      build(document.body, children);
      const text = document.body.textContent;
      const original = shape(document.body);

      const first = annotateOnce();
      first.abort();
      expect(document.body.textContent).toBe(text);
      const annotated = document.body.innerHTML;
      for (const mention of document.body.querySelectorAll('ti-mention')) {
        expect(mention.parentElement!.closest('ti-mention, script, textarea')).toBeNull();
        expect(mention.children).toHaveLength(0);
        expect(idsByName.get(mention.textContent!)).toBe(mention.getAttribute('data-ti-id'));
      }

      const second = annotateOnce();
      second.abort();
      expect(document.body.innerHTML).toBe(annotated);

      annotatedRuns += document.body.querySelector('ti-mention') ? 1 : 0;
      removeAnnotations(document.body, { originOf: first.originalTextOf });
      expect(shape(document.body)).toBe(original);
      expect(document.body.textContent).toBe(text);
    }),
    { numRuns: 2000 },
  );
  // The generator is not degenerate: many trees really got mentions.
  expect(annotatedRuns).toBeGreaterThan(500);
});

type Mutation =
  | { kind: 'append'; target: number; children: (Tree | string)[] }
  | { kind: 'setText'; target: number; text: string }
  | { kind: 'remove'; target: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), target: fc.nat(), children: fc.array(fc.oneof(text, tree), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('setText' as const), target: fc.nat(), text }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
);

/** Applies a mutation as a page script would: never inside our mentions. */
function applyMutation(m: Mutation): void {
  const outside = (node: Node) => !node.parentElement?.closest('ti-mention');
  if (m.kind === 'setText') {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (outside(n)) texts.push(n as Text);
    if (texts.length > 0) texts[m.target % texts.length]!.data = m.text;
    return;
  }
  const elements = [document.body, ...document.body.querySelectorAll('*')].filter((el) => el.localName !== 'ti-mention' && outside(el));
  const target = elements[m.target % elements.length]!;
  if (m.kind === 'append') build(target, m.children);
  else if (target !== document.body) target.remove();
}

// 300 runs of up to 4 mutation rounds each: about 2 s here.
test('random page mutations after annotation: text kept, no nesting, only real names, no runaway', async () => {
  await fc.assert(
    fc.asyncProperty(forest, fc.array(fc.array(mutation, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), async (children, rounds) => {
      document.body.replaceChildren();
      build(document.body, children);
      const controller = new AbortController();
      const { scheduling, drain } = manualScheduling();
      const matcher = createFakeMatcher();
      startAnnotator(document, {
        matcher,
        acceptCommonMatch: createFakePolicy().accept,
        signal: controller.signal,
        scheduling,
        debounceMs: 1,
      });
      try {
        drain();
        for (const round of rounds) {
          round.forEach(applyMutation);
          const text = document.body.textContent;
          await Promise.resolve(); // MutationObserver delivery
          drain();
          await Promise.resolve(); // our own writes: must not schedule anything
          drain();
          expect(document.body.textContent).toBe(text);
          for (const mention of document.body.querySelectorAll('ti-mention')) {
            expect(mention.parentElement!.closest('ti-mention, script, textarea')).toBeNull();
            expect(idsByName.has(mention.textContent!)).toBe(true);
          }
        }
        // Quiet page: no more matcher calls.
        const calls = matcher.calls;
        await Promise.resolve();
        drain();
        expect(matcher.calls).toBe(calls);
      } finally {
        controller.abort();
      }
    }),
    { numRuns: 300 },
  );
});
