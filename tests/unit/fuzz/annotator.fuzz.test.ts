import fc from 'fast-check';
import { expect, test } from 'vitest';
import { startAnnotator, type Annotator } from '~/utils/annotate/annotator';
import type { Scheduling } from '~/utils/annotate/scheduling';
import { removeAnnotations } from '~/utils/annotate/remove-annotations';
import { isInSkippedArea } from '~/utils/annotate/skip-rules';
import { acceptCommonMatch } from '~/utils/matcher/context-policy';
import { createMatcher, type Match, type TextMatcher } from '~/utils/matcher/matcher';
import { fixtureTable } from '../matcher/fixtures';

/**
 * Fuzzes the annotator with the real matcher (on the small hand-made fixture table) and the
 * real common-name policy over random documents: nested HTML, text in places that must be
 * skipped (script, style, textarea, title, SVG, templates, editors, buttons), srcdoc frames
 * and open shadow roots, and text mixing names and IDs with punctuation, right-to-left and
 * CJK scripts, emoji and joiners, no-break spaces, soft hyphens, marks and lone surrogates.
 * One happy-dom window is reused; every run resets the body.
 */

const NUM_RUNS = Number(process.env.FUZZ_ANNOTATOR_RUNS ?? 10_000);

// ---- text ---------------------------------------------------------------------------------

const surfaces = fixtureTable.names.map(([surface]) => surface);
const ids = Object.values(fixtureTable.ids).flat();
const nameLike = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...surfaces, ...ids) },
  // Variants the matcher must treat consistently: case, joiners, no-break space, soft hyphen.
  { weight: 3, arbitrary: fc.constantFrom(...surfaces, ...ids).chain((s) => fc.constantFrom(s.toLowerCase(), s.toUpperCase(), s.replace(' ', '\u00a0'), s.replace(/(.)(.)/u, '$1\u00ad$2'), s.replace(/(.)(.)/u, '$1\u200d$2'), `${s}\u0301`, `\u0301${s}`)) },
  { weight: 2, arbitrary: fc.constantFrom('APT', 'APT280', 'xAPT28', 'T1059.', 'T1059.999', 'G0007x', 'https://x/APT28', 'APT28.exe', 'apt28@example.com', '[APT28](javascript:alert(1))', '<img src=x onerror=alert(1)>', 'Storm-0501', 'C:\\APT28') },
);
const context = fc.constantFrom('threat actor', 'malware', 'the group', 'campaign', 'ransomware', 'APT', 'used', 'and', 'report');
const separator = fc.constantFrom(' ', '  ', '\u00a0', '\u202f', '.', ',', ';', ':', '-', '–', '(', ')', '/', '\n', '\t', '_', '"', '«', '»', '、', '。', '，', '（', '）');
const foreign = fc.constantFrom(
  'مجموعة', 'التقنية', 'קבוצת', 'הרוסית', '\u200f', '\u202b', '\u202c', '\u2067', '\u2069', // right to left and bidi controls
  '攻击者', '发起', 'は', '이', '中文', 'ＡＰＴ２８', // CJK, full width
  '🐻', '👨‍👩‍👧', '👍🏽', '🏳️‍🌈', '\u200d', '\u200b', '\ufeff', '\u00ad', '\u2060', // emoji and zero-width
  'é', 'e\u0301', '\u0301', 'İ', 'ß', 'ﬁ', 'Ωμέγα', // case and marks
  '\ud800', '\udc00', '\uffff', '\u0000', // lone surrogates and oddities
);
const textPart = fc.oneof(
  { weight: 5, arbitrary: nameLike },
  { weight: 4, arbitrary: separator },
  { weight: 2, arbitrary: context },
  { weight: 3, arbitrary: foreign },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const text = fc.array(textPart, { maxLength: 8 }).map((parts) => parts.join(''));

// ---- trees --------------------------------------------------------------------------------

type Tree =
  | { kind: 'element'; tag: string; attrs: [string, string][]; children: Child[] }
  | { kind: 'svg'; children: string[] }
  | { kind: 'template'; children: Child[] }
  | { kind: 'iframe'; srcdoc: string }
  | { kind: 'shadow'; children: Child[] };
type Child = Tree | string;

const proseTags = ['div', 'p', 'span', 'b', 'i', 'a', 'li', 'td', 'h2', 'pre', 'blockquote', 'section'];
const skippedTags = ['script', 'style', 'textarea', 'title', 'noscript', 'button', 'select', 'option', 'math'];
const attrs = fc.oneof(
  { weight: 6, arbitrary: fc.constant<[string, string][]>([]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['contenteditable', 'true']]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['contenteditable', 'false']]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['class', 'CodeMirror']]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['href', 'https://x/APT28']]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['dir', 'rtl'], ['lang', 'ar']]) },
  { weight: 1, arbitrary: fc.constant<[string, string][]>([['title', 'APT28'], ['data-ti-id', 'G0007']]) },
);
const srcdoc = fc
  .array(fc.tuple(fc.constantFrom('p', 'div', 'script', 'span', 'textarea'), text), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([tag, t]) => `<${tag}>${t.replace(/[<&]/g, ' ')}</${tag}>`).join(''));

const { tree } = fc.letrec<{ tree: Tree; child: Child }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom(...proseTags), attrs, children: fc.array(tie('child'), { maxLength: 4 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom(...skippedTags), attrs: fc.constant<[string, string][]>([]), children: fc.array(text, { maxLength: 2 }) }) },
    // The page's own <ti-mention> (marked data-page for the checks) and ti-lens-* element:
    // never annotated inside, and left in place by removeAnnotations.
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom('ti-mention', 'ti-lens-card'), attrs: fc.constant<[string, string][]>([['data-page', ''], ['data-ti-kind', 'actor'], ['data-ti-id', 'G0007']]), children: fc.array(text, { maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('svg' as const), children: fc.array(text, { maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('template' as const), children: fc.array(tie('child'), { maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('shadow' as const), children: fc.array(tie('child'), { maxLength: 3 }) }) },
  ),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, text, tie('tree')),
}));
// Frames are costly in happy-dom (each is a window): at most one per document, in 1 of ~12.
const frame = fc.oneof({ weight: 11, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: srcdoc.map((s): Tree => ({ kind: 'iframe', srcdoc: s })) });
const documentArb = fc.tuple(fc.array(fc.oneof(text, tree), { minLength: 1, maxLength: 5 }), frame);

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(parent: Node, children: readonly Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (typeof child === 'string') {
      parent.appendChild(doc.createTextNode(child));
      continue;
    }
    switch (child.kind) {
      case 'element': {
        const el = doc.createElement(child.tag);
        for (const [name, value] of child.attrs) el.setAttribute(name, value);
        build(el, child.children);
        parent.appendChild(el);
        break;
      }
      case 'svg': {
        const svg = doc.createElementNS(SVG_NS, 'svg');
        for (const t of child.children) svg.appendChild(doc.createElementNS(SVG_NS, 'text')).appendChild(doc.createTextNode(t));
        parent.appendChild(svg);
        break;
      }
      case 'template': {
        const template = doc.createElement('template');
        build(template.content, child.children);
        parent.appendChild(template);
        break;
      }
      case 'shadow': {
        const host = doc.createElement('div');
        build(host.attachShadow({ mode: 'open' }), child.children);
        parent.appendChild(host);
        break;
      }
      case 'iframe': {
        const iframe = doc.createElement('iframe');
        iframe.setAttribute('srcdoc', child.srcdoc);
        parent.appendChild(iframe);
        break;
      }
    }
  }
}

// ---- observing the document ---------------------------------------------------------------

/**
 * Every root the annotator may touch (the document, open shadow roots, srcdoc frame
 * documents), and the inert ones: template contents and anything inside them.
 */
function rootsOf(doc: Document): { scanned: (Document | ShadowRoot)[]; templates: DocumentFragment[] } {
  const scanned: (Document | ShadowRoot)[] = [];
  const templates: DocumentFragment[] = [];
  const pending: [ParentNode, boolean][] = [[doc, false]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [root, inert] = next;
    if (inert) templates.push(root as DocumentFragment);
    else scanned.push(root as Document | ShadowRoot);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) pending.push([el.shadowRoot, inert]);
      if (el.localName === 'template') pending.push([(el as HTMLTemplateElement).content, true]);
      if (el.localName === 'iframe') {
        const frameDoc = (el as HTMLIFrameElement).contentDocument;
        if (frameDoc?.documentElement && !inert) pending.push([frameDoc, false]);
      }
    }
  }
  return { scanned, templates };
}

/** Text and markup of every root, text-node boundaries included. */
function snapshot(doc: Document): { text: string; markup: string } {
  const { scanned, templates } = rootsOf(doc);
  const all = [...scanned, ...templates];
  const textOf = (root: ParentNode) => (root.nodeType === 9 ? (root as Document).body?.textContent ?? '' : (root as Node).textContent ?? '');
  const shape = (node: Node): string =>
    [...node.childNodes].map((c) => (c.nodeType === 3 ? `"${(c as Text).data}"` : `<${c.nodeName}>${shape(c)}`)).join('|');
  return { text: all.map(textOf).join('\u0001'), markup: all.map((r) => shape(r.nodeType === 9 ? (r as Document).body : r)).join('\u0001') };
}

function textNodesOf(root: Document | ShadowRoot): Text[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, 0x4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

// ---- running the annotator ----------------------------------------------------------------

/** Mutations are not fuzzed here (see annotate.property.test.ts): one synchronous pass. */
class NoObserver {
  observe(): void {}
  disconnect(): void {}
  takeRecords(): MutationRecord[] {
    return [];
  }
}

function annotateOnce(matcher: TextMatcher): Annotator {
  const tasks: (() => void)[] = [];
  const scheduling: Scheduling = {
    setTimeout: (cb) => tasks.push(cb),
    clearTimeout: () => {},
    now: () => 0, // a clock that never runs out: each chunk ends on its write limit only
    MutationObserver: NoObserver as unknown as typeof MutationObserver,
  };
  const controller = new AbortController();
  const annotator = startAnnotator(document, { matcher, acceptCommonMatch: guardedPolicy, signal: controller.signal, scheduling });
  for (let guard = 0; tasks.length > 0; guard++) {
    if (guard > 5000) throw new Error('runaway scheduling');
    tasks.shift()!();
  }
  controller.abort();
  return annotator;
}

/** The annotator swallows errors per text node; these wrappers make them fail the run instead. */
const thrown: unknown[] = [];
const realMatcher = createMatcher(fixtureTable);
const guardedMatcher: TextMatcher = {
  findAll(t) {
    try {
      return realMatcher.findAll(t);
    } catch (error) {
      thrown.push(error);
      throw error;
    }
  },
};
function guardedPolicy(...args: Parameters<typeof acceptCommonMatch>): boolean {
  try {
    return acceptCommonMatch(...args);
  } catch (error) {
    thrown.push(error);
    throw error;
  }
}

/** Offset of `mention` in the text of the page node it was cut from (its run of sibling pieces). */
function offsetInOrigin(mention: Node, origin: Text, originOf: (n: Node) => Text | undefined): number {
  let offset = 0;
  for (let s = mention.previousSibling; s && originOf(s) === origin; s = s.previousSibling) offset += s.textContent!.length;
  return offset;
}

const stats = { runs: 0, withMentions: 0, mentions: 0, common: 0, frames: 0, shadowRoots: 0, templates: 0, matcherContext: 0, cjkDotBug: 0 };

/**
 * Why a second annotator may add a mention the first did not: the matcher's boundary rules
 * read the run of characters around a name, and once a neighbour has become a mention, the
 * rest of the text is a separate, shorter node. ":apt28⁩APT28/APT28" rejects the second
 * "APT28/APT28" (a colon in the run: not a name alternative); the piece "⁩APT28/APT28" alone
 * accepts it. The annotator is consistent with the matcher both times, so such additions do
 * not fail the run: they are counted. True when the matcher, given the page's whole original
 * text node, reports no match where the second run put `mention`.
 *
 * Among them, a real bug (reported, not fixed yet): a name glued to CJK text ("中文APT28,",
 * "は\u200dAPT28") is rejected when a dotted word ("TEMP.Veles", "cdn.example.com") stands
 * before or after it in the same run of non-space characters: boundaries.ts
 * `inHostOrFileName` walks through the CJK text that ends the chunk. Counted apart
 * (`cjkDotBug`); see the regression test at the end.
 */
function explainedByMatcherContext(mention: Element, first: Annotator, second: Annotator): { explained: boolean; cjkDotBug: boolean } {
  // The page node a node stands for, through both runs' splits.
  const pageNodeOf = (node: Node): Text | undefined => {
    const piece = second.originalTextOf(node);
    return first.originalTextOf(piece ?? node);
  };
  const origin = pageNodeOf(mention);
  if (!origin) return { explained: false, cjkDotBug: false };
  const at = offsetInOrigin(mention, origin, pageNodeOf);
  const text = mention.textContent!;
  const explained = !realMatcher.findAll(origin.data).some((m) => m.start === at && m.text === text);
  const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
  const before = origin.data.slice(0, at);
  const after = origin.data.slice(at + text.length);
  const cjkDotBug =
    new RegExp(`\\.[^\\s"<>]*[${cjk}][^\\s"<>]*$`, 'u').test(before) || new RegExp(`^[^\\s"<>]*[${cjk}][^\\s"<>]*\\.`, 'u').test(after);
  return { explained, cjkDotBug };
}

test(`annotator fuzz: ${NUM_RUNS} random documents with the real matcher, text kept, nothing nested, matches exact and complete, idempotent, removable`, () => {
  const started = performance.now();
  fc.assert(
    fc.property(documentArb, ([children, iframe]) => {
      thrown.length = 0;
      document.head.replaceChildren();
      document.body.replaceChildren();
      build(document.body, iframe ? [...children, iframe] : children);
      const before = snapshot(document);
      const { scanned } = rootsOf(document);
      // What the matcher finds in each scannable page text node, before anything changes.
      const expected = new Map<Text, Match[]>();
      for (const root of scanned) {
        for (const node of textNodesOf(root)) {
          if (!isInSkippedArea(node.parentNode ?? node)) expected.set(node, realMatcher.findAll(node.data));
        }
      }

      const first = annotateOnce(guardedMatcher);
      expect(thrown).toEqual([]);
      const after = snapshot(document);
      expect(after.text).toBe(before.text);

      let mentions = 0;
      const found = new Map<Text, number>();
      for (const root of rootsOf(document).scanned) {
        for (const mention of root.querySelectorAll('ti-mention')) {
          if (mention.hasAttribute('data-page')) continue; // the page's own
          mentions++;
          // Well-formed, never nested, never in a skipped area.
          expect(mention.childNodes.length).toBe(1);
          expect(mention.firstChild!.nodeType).toBe(3);
          expect(isInSkippedArea(mention.parentNode!)).toBe(false);
          // Exactly a match the matcher reports in the page node it came from.
          const origin = first.originalTextOf(mention);
          expect(origin).toBeDefined();
          const at = offsetInOrigin(mention, origin!, first.originalTextOf);
          const match = expected.get(origin!)?.find((m) => m.start === at);
          expect(match).toBeDefined();
          expect(mention.textContent).toBe(match!.text);
          expect(mention.getAttribute('data-ti-id')).toBe(match!.ids.join(' '));
          expect(mention.getAttribute('data-ti-kind')).toBe(match!.kind);
          found.set(origin!, (found.get(origin!) ?? 0) + 1);
          if (match!.common) stats.common++;
        }
      }
      // Complete: every match that needs no context was annotated (documents stay far below the cap).
      for (const [node, matches] of expected) {
        const count = found.get(node) ?? 0;
        expect(count).toBeGreaterThanOrEqual(matches.filter((m) => !m.common).length);
        expect(count).toBeLessThanOrEqual(matches.length);
      }

      // A second annotator on the annotated page changes nothing.
      const firstMentions = new Set(rootsOf(document).scanned.flatMap((r) => [...r.querySelectorAll('ti-mention')]));
      const second = annotateOnce(guardedMatcher);
      expect(thrown).toEqual([]);
      const again = snapshot(document).markup;
      if (again !== after.markup) {
        // Only additions the matcher's context rules explain: every first-run mention is still there.
        const now = rootsOf(document).scanned.flatMap((r) => [...r.querySelectorAll('ti-mention')]);
        const added = now.filter((m) => !firstMentions.has(m));
        const reasons = added.map((m) => explainedByMatcherContext(m, first, second));
        const kept = [...firstMentions].every((m) => m.isConnected);
        if (kept && added.length > 0 && reasons.every((r) => r.explained)) {
          stats.matcherContext++;
          if (reasons.some((r) => r.cjkDotBug)) stats.cjkDotBug++;
          return;
        }
      }
      expect(again).toBe(after.markup);

      // Removing the mentions gives back the page as it was, text nodes and the page's own
      // <ti-mention> elements included.
      const pageMentions = rootsOf(document).scanned.flatMap((r) => [...r.querySelectorAll('ti-mention[data-page]')]);
      removeAnnotations(document, { originOf: first.originalTextOf });
      const removed = snapshot(document);
      expect(removed.text).toBe(before.text);
      expect(removed.markup).toBe(before.markup);
      for (const mention of pageMentions) expect(mention.isConnected).toBe(true);

      stats.runs++;
      stats.mentions += mentions;
      if (mentions > 0) stats.withMentions++;
      if (iframe) stats.frames++;
      stats.shadowRoots += scanned.filter((r) => r.nodeType === 11).length;
      stats.templates += document.querySelectorAll('template').length;
    }),
    {
      numRuns: NUM_RUNS,
      // Documents that once failed: the CJK/dot matcher bug before and after a name, with and without a joiner.
      examples: (
        [
          [[{ kind: 'element', tag: 'div', attrs: [], children: ['TEMP.Veles中文APT28,'] }], null],
          [[{ kind: 'element', tag: 'p', attrs: [], children: ['APT28\u200d中文TEMP.Veles'] }], null],
          [['temp.veles发起\u200dAPT28', ''], null],
          // The matcher reading context: a colon in the run of the second name.
          [[{ kind: 'element', tag: 'div', attrs: [['dir', 'rtl']], children: [':apt28\u2069APT28/APT28'] }], null],
        ] satisfies [Child[], Tree | null][]
      ).map((d): [[Child[], Tree | null]] => [d]),
    },
  );
  const seconds = (performance.now() - started) / 1000;
  console.info(
    `[fuzz] annotator: numRuns=${NUM_RUNS} in ${seconds.toFixed(1)} s; ${stats.withMentions} documents got mentions ` +
      `(${stats.mentions} in all, ${stats.common} of common names accepted in context); ${stats.matcherContext} re-annotated differently because the matcher reads context (${stats.cjkDotBug} of them the CJK/dot bug); ${stats.frames} with a srcdoc frame, ${stats.shadowRoots} open shadow roots, ${stats.templates} templates`,
  );
  // The generator is not degenerate.
  expect(stats.withMentions).toBeGreaterThan(NUM_RUNS / 3);
  expect(stats.common).toBeGreaterThan(NUM_RUNS / 50);
  expect(stats.frames).toBeGreaterThan(NUM_RUNS / 40);
  expect(stats.shadowRoots).toBeGreaterThan(NUM_RUNS / 20);
}, 180_000); // about 20 s here for 10,000 runs; room for a slow CI machine

// The matcher bug explainedByMatcherContext tolerated (fixed in boundaries.ts): keep it fixed.
test('regression: a name glued to CJK text is found whether or not a dotted word precedes the CJK text', () => {
  const matcher = createMatcher(fixtureTable);
  for (const [text, names] of [
    ['中文APT28,', ['APT28']],
    ['TEMP.Veles中文APT28,', ['TEMP.Veles', 'APT28']],
    ['发起\u200dAPT28', ['APT28']],
    ['TEMP.Veles发起\u200dAPT28', ['TEMP.Veles', 'APT28']],
    ['攻击者使用cdn.example.com的APT28.', ['APT28']],
    ['APT28\u200d中文TEMP.Veles', ['APT28', 'TEMP.Veles']],
  ] as const) {
    expect(matcher.findAll(text).map((m) => m.text), text).toEqual(names);
  }
});

