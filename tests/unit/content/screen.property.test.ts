import fc from 'fast-check';
import { expect, test } from 'vitest';
import { startAnnotator } from '~/utils/annotate/annotator';
import type { Scheduling } from '~/utils/annotate/scheduling';
import { anyMatch } from '~/utils/background/screen-service';
import { collectScreenText, SCREEN_LIMITS } from '~/utils/content/screen-text';
import { parseScreenRequest } from '~/utils/messaging/validate';
import { acceptCommonMatch } from '~/utils/matcher/context-policy';
import { createMatcher } from '~/utils/matcher/matcher';
import { smallTable } from '../annotate/fixtures';

type Tree = { tag: string; shadow: boolean; children: (Tree | string)[] };

const tags = ['div', 'p', 'span', 'b', 'a', 'td', 'script', 'style', 'textarea', 'ti-mention', 'section'] as const;
const textPart = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('APT28', 'APT', '28', 'Fancy', 'Bear', 'Lazarus', 'Group', 'Mimikatz', 'Axiom', 'T1059', '.001', 'TA0001', 'G0007', 'Operation Dream', 'Job') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '\u00a0', '.', '-', '/', '[', '_', '\n', 'see', 'threat group', 'ap', '@', '://') },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const text = fc.array(textPart, { maxLength: 5 }).map((parts) => parts.join(''));
const { tree } = fc.letrec<{ tree: Tree; child: Tree | string }>((tie) => ({
  tree: fc.record({ tag: fc.constantFrom(...tags), shadow: fc.boolean(), children: fc.array(tie('child'), { maxLength: 4 }) }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('tree')),
}));
const forest = fc.array(fc.oneof(text, tree), { minLength: 1, maxLength: 5 });

function build(parent: Node, children: readonly (Tree | string)[]): void {
  for (const child of children) {
    if (typeof child === 'string') {
      parent.appendChild(document.createTextNode(child));
      continue;
    }
    const el = document.createElement(child.tag);
    // Open shadow roots on the elements that may have one: the annotator scans them too.
    const host = child.shadow && (child.tag === 'div' || child.tag === 'section') ? el.attachShadow({ mode: 'open' }) : el;
    build(host, child.children);
    parent.appendChild(el);
  }
}

function countMentions(root: Document | ShadowRoot | Element): number {
  let n = 0;
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'ti-mention') n++;
    if (el.shadowRoot) n += countMentions(el.shadowRoot);
  }
  return n;
}

function manualScheduling() {
  const tasks: (() => void)[] = [];
  const scheduling: Scheduling = { setTimeout: (cb) => tasks.push(cb), clearTimeout: () => {}, now: () => performance.now(), MutationObserver };
  return { scheduling, drain: () => { while (tasks.length > 0) tasks.shift()!(); } };
}

// The screening may only ever rule out pages the annotator would leave untouched: whenever
// the annotator (real matcher, real context policy) writes a mention, the text the content
// script collects holds a match for the background's matcher, and the background accepts it.
test('random DOM trees: the screening says "maybe" on every page the annotator annotates', () => {
  const matcher = createMatcher(smallTable);
  let annotatedRuns = 0;
  fc.assert(
    fc.property(forest, (children) => {
      document.body.replaceChildren();
      build(document.body, children);
      const { texts, complete } = collectScreenText([document], SCREEN_LIMITS, { onShadowRoot: () => {}, onFrame: () => null });
      expect(complete).toBe(true);
      expect(parseScreenRequest({ texts })).toEqual(texts);
      const says = anyMatch(matcher, texts);

      const before = countMentions(document);
      const controller = new AbortController();
      const { scheduling, drain } = manualScheduling();
      startAnnotator(document, { matcher, acceptCommonMatch, signal: controller.signal, scheduling });
      drain();
      // Mentions it wrote (the generated trees hold <ti-mention> elements of the page's own).
      const mentions = countMentions(document) - before;
      controller.abort();
      if (mentions > 0) annotatedRuns++;
      if (mentions > 0) expect(says).toBe(true);
    }),
    { numRuns: 1500 },
  );
  expect(annotatedRuns).toBeGreaterThan(100);
});

test('the background refuses a screening request that is not what the content script sends', () => {
  expect(parseScreenRequest({ texts: ['a', 'b'] })).toEqual(['a', 'b']);
  expect(parseScreenRequest({ texts: 'APT28' })).toBeUndefined();
  expect(parseScreenRequest({ texts: ['ok', 42] })).toBeUndefined();
  expect(parseScreenRequest(null)).toBeUndefined();
  expect(parseScreenRequest({ texts: ['x'.repeat(SCREEN_LIMITS.maxChars + 1)] })).toBeUndefined();
  expect(parseScreenRequest({ texts: Array.from({ length: SCREEN_LIMITS.maxNodes + 1 }, () => 'ab') })).toBeUndefined();
});
