import { afterEach, describe, expect, test } from 'vitest';
import { startAnnotator } from '~/utils/annotate/annotator';
import { captureScheduling } from '~/utils/annotate/scheduling';
import type { PageSummary } from '~/utils/annotate/page-summary';
import { STYLE_MARKER } from '~/utils/annotate/styles';
import { createFakeMatcher, createFakePolicy, mentions, mentionTexts, setBody, startSession, type Session } from './fixtures';

let sessions: Session[] = [];
const start = (...args: Parameters<typeof startSession>): Session => {
  const session = startSession(...args);
  sessions.push(session);
  return session;
};
afterEach(() => {
  for (const session of sessions) session.controller.abort();
  sessions = [];
  document.adoptedStyleSheets = [];
  document.head.replaceChildren();
});

const page = `
  <h1>Report on APT28</h1>
  <div><p>APT28 (aka <a href="#">Fancy Bear</a>) used <b>Mimikatz</b> and T1059.001; APT28 again.</p>
  <ul><li>T1059</li><li><span><em>Operation Dream Job</em></span> by Lazarus Group</li></ul>
  <table><tr><td>TA0001</td><td>not a match: APT280 XAPT28 T10590</td></tr></table></div>`;

describe('annotating a page', () => {
  test('keeps the page text exactly and wraps every match', async () => {
    setBody(page);
    const before = document.body.textContent;
    const { annotator } = start();
    await annotator.whenIdle();
    expect(document.body.textContent).toBe(before);
    expect(mentionTexts()).toEqual([
      'APT28', 'APT28', 'Fancy Bear', 'Mimikatz', 'T1059.001', 'APT28', 'T1059', 'Operation Dream Job', 'Lazarus Group', 'TA0001',
    ]);
  });

  test('annotates inside nested inline elements without moving them', async () => {
    setBody('<p>x <a href="#"><span><b><i>Fancy Bear</i></b></span></a> y</p>');
    const { annotator } = start();
    await annotator.whenIdle();
    const mention = mentions()[0]!;
    expect(mention.parentElement!.localName).toBe('i');
    expect(document.querySelector('p')!.textContent).toBe('x Fancy Bear y');
  });

  test('matches at text node boundaries; a name split by markup is not joined', async () => {
    setBody('<p><b>APT28</b>Mimikatz<i>T1059</i></p><p>APT<b>28</b> Fancy <i>Bear</i></p>');
    const { annotator } = start();
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28', 'Mimikatz', 'T1059']);
  });

  test('several matches in one text node', async () => {
    setBody('<p>APT28, Mimikatz, T1059 and TA0001 - all in one node.</p>');
    const node = document.querySelector('p')!.firstChild;
    const { annotator } = start();
    await annotator.whenIdle();
    const p = document.querySelector('p')!;
    // The page's node stays first, holding the (empty) text before the first mention.
    expect([...p.childNodes].map((n) => n.nodeName)).toEqual([
      '#text', 'TI-MENTION', '#text', 'TI-MENTION', '#text', 'TI-MENTION', '#text', 'TI-MENTION', '#text',
    ]);
    expect(p.firstChild).toBe(node);
    expect(p.textContent).toBe('APT28, Mimikatz, T1059 and TA0001 - all in one node.');
  });

  test('mentions carry the DOM contract', async () => {
    setBody('<p>Lazarus Group with T1059.001 in TA0001 for Operation Dream Job using Mimikatz</p>');
    const { annotator } = start();
    await annotator.whenIdle();
    const attrs = mentions().map((m) => [
      m.localName, m.getAttribute('data-ti-kind'), m.getAttribute('data-ti-id'), m.getAttribute('tabindex'), m.getAttribute('role'), m.getAttribute('aria-label'),
    ]);
    expect(attrs).toEqual([
      ['ti-mention', 'actor', 'G0032', '0', 'button', 'Threat actor: Lazarus Group'],
      ['ti-mention', 'technique', 'T1059.001', '0', 'button', 'ATT&CK technique: T1059.001'],
      ['ti-mention', 'tactic', 'TA0001', '0', 'button', 'ATT&CK tactic: TA0001'],
      ['ti-mention', 'campaign', 'C0022', '0', 'button', 'Campaign: Operation Dream Job'],
      ['ti-mention', 'software', 'S0002', '0', 'button', 'Software: Mimikatz'],
    ]);
  });

  test('is idempotent: a second annotator changes nothing', async () => {
    setBody(page);
    const first = start();
    await first.annotator.whenIdle();
    const html = document.body.innerHTML;
    first.controller.abort();
    const second = start();
    await second.annotator.whenIdle();
    expect(document.body.innerHTML).toBe(html);
  });

  test('injects one stylesheet per document', async () => {
    setBody('<p>APT28</p><p>Mimikatz</p>');
    const { annotator } = start();
    await annotator.whenIdle();
    const ours = document.adoptedStyleSheets.length + document.querySelectorAll(`style[${STYLE_MARKER}]`).length;
    expect(ours).toBe(1);
    const css = [...document.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n');
    expect(css).toContain('ti-mention');
    expect(css).toContain('focus-visible');
  });

  test('no stylesheet on a page without matches', async () => {
    setBody('<p>nothing here</p>');
    const { annotator } = start();
    await annotator.whenIdle();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  test('falls back to a <style> element when adoptedStyleSheets throws', async () => {
    setBody('<p>APT28</p>');
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => { throw new Error('Xray says no'); },
    });
    try {
      const { annotator, matcher } = start();
      await annotator.whenIdle();
      const styles = document.head.querySelectorAll(`style[${STYLE_MARKER}]`);
      expect(styles).toHaveLength(1);
      expect(styles[0]!.textContent).toContain('all: unset');
      // Inserting our own <style> did not trigger a rescan.
      await new Promise((r) => setTimeout(r, 60));
      expect(matcher.calls).toBe(1);
    } finally {
      delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });
});

describe('common names', () => {
  test('are annotated with threat context, left alone without', async () => {
    setBody('<p>The Lazarus threat actor.</p><p>Jesus raised Lazarus.</p>');
    const { annotator, policy } = start();
    await annotator.whenIdle();
    expect(mentions().map((m) => m.closest('p')!.textContent)).toEqual(['The Lazarus threat actor.']);
    expect(policy.badOffsets).toBe(0);
  });

  test('the policy sees the block text with translated offsets', async () => {
    setBody('<p>Intro <b>text</b> then <i>Axiom</i> end.</p>');
    const seen: [string, number, number][] = [];
    const { annotator } = start(document, {
      acceptCommonMatch: (match, text) => {
        seen.push([text, match.start, match.end]);
        return false;
      },
    });
    await annotator.whenIdle();
    expect(seen).toEqual([['Intro text then Axiom end.', 16, 21]]);
  });

  test('deferred matches are accepted once later text adds evidence', async () => {
    setBody(`<p>Axiom is mentioned first.</p>${'<p>filler text</p>'.repeat(50)}<p>APT28 and Mimikatz later.</p>`);
    const { annotator } = start(document, { chunkBudgetMs: 0 });
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['Axiom', 'APT28', 'Mimikatz']);
    expect(document.querySelector('p')!.textContent).toBe('Axiom is mentioned first.');
  });

  test('a deferred match whose text the page moved into a <script> or <textarea> stays unannotated', async () => {
    setBody('<p id="a">Axiom is mentioned first.</p><p id="b">Axiom again.</p><script id="s"></script><textarea id="t"></textarea>');
    const { annotator } = start();
    await annotator.whenIdle();
    expect(mentions()).toHaveLength(0);
    // The page moves its text nodes, then adds the evidence that would accept them.
    document.getElementById('s')!.append(document.getElementById('a')!.firstChild!);
    document.getElementById('t')!.append(document.getElementById('b')!.firstChild!);
    const evidence = document.createElement('p');
    evidence.textContent = 'APT28 and Mimikatz.';
    document.body.append(evidence);
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28', 'Mimikatz']);
    expect((document.getElementById('s') as HTMLScriptElement).text).toBe('Axiom is mentioned first.');
    expect((document.getElementById('t') as HTMLTextAreaElement).value).toBe('Axiom again.');
  });

  test('deferred matches sharing a node with accepted ones are remapped after the split', async () => {
    setBody('<p>Axiom, APT28, Lazarus and Axiom.</p><p>Then Mimikatz.</p>');
    const { annotator } = start(document, { chunkBudgetMs: 0 });
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['Axiom', 'APT28', 'Lazarus', 'Axiom', 'Mimikatz']);
    expect(document.body.textContent).toBe('Axiom, APT28, Lazarus and Axiom.Then Mimikatz.');
  });

  test('re-checking many deferred matches is spread over chunks and still completes', async () => {
    setBody(`${'<p>Axiom</p>'.repeat(100)}<p>APT28 Mimikatz</p>`);
    // A clock that moves 1 ms per reading: every budget check finds the time used up.
    let clock = 0;
    const scheduling = { ...captureScheduling(window), now: () => clock++ };
    const { annotator, policy } = start(document, { scheduling });
    await annotator.whenIdle();
    expect(mentionTexts().filter((t) => t === 'Axiom')).toHaveLength(100);
    // 100 first looks + at most a few passes over the list, not one pass per chunk.
    expect(policy.calls).toBeLessThan(400);
  });

  test('accepting deferred matches stays within a chunk\'s writes', async () => {
    setBody(`${'<p>Axiom</p>'.repeat(30)}<p>APT28 Mimikatz</p>`);
    // Paragraphs (one text node each) written by each chunk; chunks are the zero-delay
    // timers here (no requestIdleCallback).
    const annotated = () => document.querySelectorAll('p:has(ti-mention)').length;
    const written: number[] = [];
    const scheduling = captureScheduling(window);
    const counting = {
      ...scheduling,
      setTimeout: (cb: () => void, ms: number) =>
        scheduling.setTimeout(() => {
          const before = annotated();
          cb();
          if (ms === 0) written.push(annotated() - before);
        }, ms),
    };
    const { annotator } = start(document, { maxWritesPerChunk: 4, scheduling: counting });
    await annotator.whenIdle();
    expect(mentionTexts().filter((t) => t === 'Axiom')).toHaveLength(30);
    expect(Math.max(...written)).toBeLessThanOrEqual(4);
  });

  test('the deferred list is capped', async () => {
    setBody(`${'<p>Axiom</p>'.repeat(20)}<p>APT28 Mimikatz</p>`);
    const { annotator } = start(document, { maxDeferred: 5 });
    await annotator.whenIdle();
    expect(mentionTexts().filter((t) => t === 'Axiom')).toHaveLength(5);
  });
});

describe('cap and summary', () => {
  test('stops at the cap and reports what was left out', async () => {
    setBody(`<p>${'APT28 '.repeat(30)}</p><p>${'Mimikatz '.repeat(30)}</p>`);
    const summaries: PageSummary[] = [];
    const { annotator } = start(document, { maxAnnotations: 40, onSummary: (s) => summaries.push(s) });
    await annotator.whenIdle();
    expect(mentions()).toHaveLength(40);
    expect(annotator.summary()).toEqual({
      mentions: 40,
      entities: [{ id: 'G0007', kind: 'actor', count: 30 }, { id: 'S0002', kind: 'software', count: 10 }],
      notAnnotated: 20,
    });
    expect(summaries.at(-1)).toEqual(annotator.summary());
  });

  test('mentions already in the page count towards the cap (annotating twice stays a no-op)', async () => {
    setBody(`<p>${'APT28 '.repeat(10)}</p>`);
    const first = start(document, { maxAnnotations: 4 });
    await first.annotator.whenIdle();
    first.controller.abort();
    const html = document.body.innerHTML;
    const second = start(document, { maxAnnotations: 4 });
    await second.annotator.whenIdle();
    expect(document.body.innerHTML).toBe(html);
    expect(mentions()).toHaveLength(4);
  });

  test('summary counts each mention for its best candidate and follows removals', async () => {
    setBody('<p>APT28 and Fancy Bear</p><p id="gone">Lazarus Group, Mimikatz</p>');
    const summaries: PageSummary[] = [];
    const { annotator } = start(document, { onSummary: (s) => summaries.push(s) });
    await annotator.whenIdle();
    expect(annotator.summary().entities).toEqual([
      { id: 'G0007', kind: 'actor', count: 2 },
      { id: 'G0032', kind: 'actor', count: 1 },
      { id: 'S0002', kind: 'software', count: 1 },
    ]);
    document.getElementById('gone')!.remove();
    await annotator.whenIdle();
    expect(summaries.at(-1)).toEqual({ mentions: 2, entities: [{ id: 'G0007', kind: 'actor', count: 2 }], notAnnotated: 0 });
  });

  test("the page's own <ti-mention> elements are not listed in the summary", async () => {
    setBody(
      '<p>APT28 was seen.</p>' +
        '<p><ti-mention data-ti-kind="actor" data-ti-id="G0032">forged</ti-mention> <ti-mention data-ti-kind="software" data-ti-id="S0002">x</ti-mention></p>',
    );
    const summaries: PageSummary[] = [];
    const { annotator } = start(document, { onSummary: (s) => summaries.push(s) });
    await annotator.whenIdle();
    const expected = { mentions: 1, entities: [{ id: 'G0007', kind: 'actor', count: 1 }], notAnnotated: 0 };
    expect(annotator.summary()).toEqual(expected);
    // Added later, too.
    const forged = document.createElement('ti-mention');
    forged.setAttribute('data-ti-kind', 'actor');
    forged.setAttribute('data-ti-id', 'G0032');
    forged.textContent = 'late';
    const p = document.createElement('p');
    p.append(forged, ' and Mimikatz');
    document.body.append(p);
    await annotator.whenIdle();
    expect(summaries.at(-1)).toEqual({ mentions: 2, entities: [{ id: 'G0007', kind: 'actor', count: 1 }, { id: 'S0002', kind: 'software', count: 1 }], notAnnotated: 0 });
  });

  test('annotators are independent: no shared state between two documents', async () => {
    const other = document.implementation.createHTMLDocument('other');
    other.body.append(other.createTextNode('Mimikatz'));
    setBody('<p>APT28</p>');
    const a = start();
    const controller = new AbortController();
    const b = startAnnotator(other, { matcher: createFakeMatcher(), acceptCommonMatch: createFakePolicy().accept, signal: controller.signal });
    await a.annotator.whenIdle();
    controller.abort();
    expect(a.annotator.summary().entities.map((e) => e.id)).toEqual(['G0007']);
    expect(b.summary().mentions).toBe(0);
  });
});

describe('robustness', () => {
  test('a throwing matcher on one node does not stop the scan', async () => {
    setBody('<p>boom APT28</p><p>APT28 fine</p>');
    const real = createFakeMatcher();
    const { annotator } = start(document, {
      matcher: { findAll: (text) => (text.startsWith('boom') ? (() => { throw new Error('bad'); })() : real.findAll(text)) },
    });
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
  });

  test('invalid matcher output never changes the text', async () => {
    setBody('<p>APT28 here</p>');
    const { annotator } = start(document, {
      matcher: { findAll: () => [
        { start: 0, end: 5, text: 'APT29', kind: 'actor', ids: ['x'], common: false },
        { start: 3, end: 99, text: 'x', kind: 'actor', ids: ['x'], common: false },
        { start: -1, end: 2, text: 'x', kind: 'actor', ids: ['x'], common: false },
      ] },
    });
    await annotator.whenIdle();
    expect(mentions()).toHaveLength(0);
    expect(document.body.textContent).toBe('APT28 here');
  });

  test('aborting stops a scan in progress', async () => {
    setBody('<p>APT28</p>'.repeat(200));
    const { annotator, controller } = start(document, { chunkBudgetMs: 0 });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const count = mentions().length;
    await annotator.whenIdle();
    await new Promise((r) => setTimeout(r, 20));
    expect(mentions().length).toBe(count);
    expect(count).toBeLessThan(200);
  });

  test('limits page writes per chunk and still annotates everything', async () => {
    setBody('<p>APT28 text</p>'.repeat(30));
    let chunks = 0;
    const scheduling = captureScheduling(window);
    const counting = { ...scheduling, setTimeout: (cb: () => void, ms: number) => scheduling.setTimeout(() => (ms === 0 && chunks++, cb()), ms) };
    const { annotator } = start(document, { maxWritesPerChunk: 1, scheduling: counting });
    await annotator.whenIdle();
    expect(mentions()).toHaveLength(30);
    expect(chunks).toBeGreaterThanOrEqual(30);
  });

  test('scans in several chunks with a small budget', async () => {
    setBody('<p>APT28 text</p>'.repeat(100));
    const { annotator } = start(document, { chunkBudgetMs: 0 });
    await annotator.whenIdle();
    expect(mentions()).toHaveLength(100);
  });
});
