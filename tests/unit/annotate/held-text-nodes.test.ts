import { afterEach, describe, expect, test } from 'vitest';
import { removeAnnotations } from '~/utils/annotate/remove-annotations';
import { mentions, mentionTexts, setBody, startSession, type Session } from './fixtures';

/**
 * Pages whose framework (React, Vue, Svelte...) holds the Text nodes it rendered and later
 * sets their nodeValue, removes or moves them. The annotator splits such a node in place and
 * repairs the split in its MutationObserver callback, before the page paints.
 */

let session: Session | undefined;
afterEach(() => session?.controller.abort());

/** Lets the MutationObserver callback (a microtask) run: the state the reader would see painted. */
const observed = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A paragraph holding one Text node the "framework" keeps a reference to. */
function held(text: string, id = 'p'): { p: HTMLElement; node: Text } {
  const p = document.createElement('p');
  p.id = id;
  const node = document.createTextNode(text);
  p.append(node);
  document.body.append(p);
  return { p, node };
}

async function annotate(): Promise<Session> {
  session = startSession();
  await session.annotator.whenIdle();
  return session;
}

describe('a framework holding its Text nodes', () => {
  test('the node it holds stays in the page, at its place, holding the text before the first mention', async () => {
    setBody('');
    const { p, node } = held('Status: APT28 is idle');
    await annotate();
    expect(p.firstChild).toBe(node);
    expect(node.isConnected).toBe(true);
    expect(node.data).toBe('Status: ');
    expect(p.textContent).toBe('Status: APT28 is idle');
    expect(mentionTexts(p)).toEqual(['APT28']);
  });

  test('nodeValue set on it: the stale mention and pieces go before paint, the new text is annotated again', async () => {
    setBody('');
    const { p, node } = held('Status: APT28 is idle (render 1)');
    const { annotator, matcher } = await annotate();
    node.nodeValue = 'Status: Mimikatz is busy (render 2)';
    await observed();
    // Repaired in the observer callback: the new text alone, not yet annotated.
    expect(p.textContent).toBe('Status: Mimikatz is busy (render 2)');
    expect([...p.childNodes]).toEqual([node]);
    const calls = matcher.calls;
    await annotator.whenIdle();
    expect(p.textContent).toBe('Status: Mimikatz is busy (render 2)');
    expect(mentionTexts(p)).toEqual(['Mimikatz']);
    expect(p.firstChild).toBe(node);
    expect(matcher.calls).toBe(calls + 1);
  });

  test('a match at offset 0 leaves the node empty in place; updating it still works', async () => {
    setBody('');
    const { p, node } = held('APT28 is idle');
    const { annotator } = await annotate();
    expect(p.firstChild).toBe(node);
    expect(node.data).toBe('');
    node.data = 'T1059 ran';
    await annotator.whenIdle();
    expect(p.textContent).toBe('T1059 ran');
    expect(mentionTexts(p)).toEqual(['T1059']);
    expect(p.firstChild).toBe(node);
  });

  test('a match at the end, and several matches in one node, are all repaired', async () => {
    setBody('');
    const end = held('Seen: APT28', 'end');
    const many = held('APT28, Mimikatz and T1059 then TA0001.', 'many');
    const { annotator } = await annotate();
    expect(mentionTexts()).toEqual(['APT28', 'APT28', 'Mimikatz', 'T1059', 'TA0001']);
    end.node.data = 'Seen: nothing';
    many.node.data = 'only Fancy Bear now';
    await observed();
    expect(end.p.textContent).toBe('Seen: nothing');
    expect(many.p.textContent).toBe('only Fancy Bear now');
    await annotator.whenIdle();
    expect(mentionTexts()).toEqual(['Fancy Bear']);
    expect(many.p.textContent).toBe('only Fancy Bear now');
  });

  test('the page setting the exact text we left in the node is still a rewrite', async () => {
    setBody('');
    const { p, node } = held('Count: T1059');
    const { annotator } = await annotate();
    expect(node.data).toBe('Count: ');
    node.data = 'Count: ';
    await annotator.whenIdle();
    expect(p.textContent).toBe('Count: ');
    expect(mentions(p)).toHaveLength(0);
  });

  test('a node rewritten again and again is rescanned each time, never duplicated', async () => {
    setBody('');
    const { p, node } = held('render 0: APT28');
    const { annotator } = await annotate();
    for (let n = 1; n <= 5; n++) {
      node.nodeValue = `render ${n}: APT28 and T1059`;
      await observed();
      expect(p.textContent).toBe(`render ${n}: APT28 and T1059`);
      if (n % 2 === 0) await annotator.whenIdle();
    }
    await annotator.whenIdle();
    expect(p.textContent).toBe('render 5: APT28 and T1059');
    expect(mentionTexts(p)).toEqual(['APT28', 'T1059']);
  });

  test('removeChild of the node works, and the mention and pieces left behind go; its siblings stay', async () => {
    setBody('<p id="p"><b>before</b></p>');
    const p = document.getElementById('p')!;
    const node = document.createTextNode(' APT28 used T1059 here ');
    const after = document.createTextNode('after');
    p.append(node, after);
    const { annotator } = await annotate();
    expect(mentions(p)).toHaveLength(2);
    p.removeChild(node);
    await observed();
    expect(p.textContent).toBe('beforeafter');
    expect(mentions(p)).toHaveLength(0);
    // The detached node holds its whole text again, should the framework put it back.
    expect(node.data).toBe(' APT28 used T1059 here ');
    p.insertBefore(node, after);
    await annotator.whenIdle();
    expect(p.textContent).toBe('before APT28 used T1059 here after');
    expect(mentionTexts(p)).toEqual(['APT28', 'T1059']);
  });

  test('the element cleared (textContent = \'\'), then the held node put back: it reads whole', async () => {
    setBody('');
    const { p, node } = held('Kept: APT28 and T1059.');
    const { annotator } = await annotate();
    p.textContent = '';
    await observed();
    p.append(node);
    await observed();
    expect(p.textContent).toBe('Kept: APT28 and T1059.');
    await annotator.whenIdle();
    expect(mentionTexts(p)).toEqual(['APT28', 'T1059']);
    expect(p.firstChild).toBe(node);
  });

  test('the node moved elsewhere reads right there, is annotated there, and leaves nothing behind', async () => {
    setBody('<div id="from"></div><div id="to"><i>x</i></div>');
    const from = document.getElementById('from')!;
    const to = document.getElementById('to')!;
    const node = document.createTextNode('Moved: Fancy Bear and Mimikatz.');
    from.append(node);
    const { annotator } = await annotate();
    to.insertBefore(node, to.firstChild);
    await observed();
    expect(from.childNodes).toHaveLength(0);
    expect(to.textContent).toBe('Moved: Fancy Bear and Mimikatz.x');
    await annotator.whenIdle();
    expect(mentionTexts(to)).toEqual(['Fancy Bear', 'Mimikatz']);
    expect(to.firstChild).toBe(node);
    expect(to.textContent).toBe('Moved: Fancy Bear and Mimikatz.x');
  });

  test('moved and rewritten in one go: the new text stands', async () => {
    setBody('<div id="from"></div><div id="to"></div>');
    const node = document.createTextNode('old APT28 text');
    document.getElementById('from')!.append(node);
    const { annotator } = await annotate();
    document.getElementById('to')!.append(node);
    node.data = 'new T1059 text';
    await annotator.whenIdle();
    expect(document.body.textContent).toBe('new T1059 text');
    expect(mentionTexts()).toEqual(['T1059']);
  });

  test('the node moved together with its mention and pieces (a fragment move) stays as it is', async () => {
    setBody('<div id="from"></div><div id="to"></div>');
    const from = document.getElementById('from')!;
    const node = document.createTextNode('a APT28 b');
    from.append(node);
    const { annotator, matcher } = await annotate();
    const calls = matcher.calls;
    const to = document.getElementById('to')!;
    for (const child of [...from.childNodes]) to.append(child);
    await annotator.whenIdle();
    expect(to.textContent).toBe('a APT28 b');
    expect(to.firstChild).toBe(node);
    expect(mentionTexts(to)).toEqual(['APT28']);
    // Intact: nothing undone, nothing scanned again.
    expect(matcher.calls).toBe(calls);
  });

  test('a node the page inserts at `held.nextSibling` (an anchor, as Vue computes it) lands after the whole text', async () => {
    setBody('');
    const { p, node } = held('Item: APT28 used T1059.');
    const { annotator } = await annotate();
    const badge = document.createElement('span');
    badge.textContent = '[new]';
    p.insertBefore(badge, node.nextSibling);
    await observed();
    expect(p.textContent).toBe('Item: APT28 used T1059.[new]');
    await annotator.whenIdle();
    expect(p.textContent).toBe('Item: APT28 used T1059.[new]');
    expect(mentionTexts(p)).toEqual(['APT28', 'T1059']);
    expect(p.lastChild).toBe(badge);
  });

  test('a mention the page removes stays removed: no duplicate text, no annotate-remove loop', async () => {
    setBody('');
    const { p, node } = held('A APT28 b T1059 c');
    const { annotator, matcher } = await annotate();
    mentions(p)[0]!.remove();
    await annotator.whenIdle();
    expect(p.textContent).toBe('A  b T1059 c');
    expect(mentions(p)).toHaveLength(0);
    expect([...p.childNodes]).toEqual([node]);
    const calls = matcher.calls;
    await annotator.whenIdle();
    expect(matcher.calls).toBe(calls);
  });

  test('a piece the page changed, then the held node rewritten: nothing stale remains', async () => {
    setBody('');
    const { p, node } = held('x APT28 and more');
    const { annotator } = await annotate();
    (p.lastChild as Text).data = ' and Mimikatz';
    await annotator.whenIdle();
    expect(mentionTexts(p)).toEqual(['APT28', 'Mimikatz']);
    node.data = 'just text';
    await observed();
    expect(p.textContent).toBe('just text');
    expect([...p.childNodes]).toEqual([node]);
  });

  test('a deferred match accepted later splits the held node again; a rewrite still clears every part', async () => {
    setBody(`<p id="p"></p>${'<p>filler</p>'.repeat(20)}<p>APT28 and Mimikatz.</p>`);
    const p = document.getElementById('p')!;
    const node = document.createTextNode('Axiom then APT28');
    p.append(node);
    session = startSession(document, { chunkBudgetMs: 0 });
    await session.annotator.whenIdle();
    expect(mentionTexts(p)).toEqual(['Axiom', 'APT28']);
    expect(p.firstChild).toBe(node);
    node.data = 'gone';
    await observed();
    expect([...p.childNodes]).toEqual([node]);
    expect(p.textContent).toBe('gone');
  });

  test('repairs happen during a mutation storm too', async () => {
    setBody('<div id="list"></div>');
    const { p, node } = held('Status: APT28 idle');
    session = startSession(document, { stormThreshold: 10, stormDelayMs: 30 });
    await session.annotator.whenIdle();
    const list = document.getElementById('list')!;
    for (let i = 0; i < 50; i++) list.append(document.createElement('i'));
    node.data = 'Status: T1059 busy';
    await observed();
    expect(p.textContent).toBe('Status: T1059 busy');
    await new Promise((r) => setTimeout(r, 60));
    await session.annotator.whenIdle();
    expect(mentionTexts(p)).toEqual(['T1059']);
  });

  test('after all that, removeAnnotations gives every held node back whole, same object', async () => {
    setBody('');
    const a = held('one APT28 two', 'a');
    const b = held('T1059', 'b');
    const { annotator, controller } = await annotate();
    a.node.data = 'three Mimikatz four';
    await annotator.whenIdle();
    const text = document.body.textContent;
    controller.abort();
    expect(removeAnnotations(document, { originOf: annotator.originalTextOf })).toBe(2);
    expect(document.body.textContent).toBe(text);
    expect([...a.p.childNodes]).toEqual([a.node]);
    expect([...b.p.childNodes]).toEqual([b.node]);
    expect(a.node.data).toBe('three Mimikatz four');
    expect(b.node.data).toBe('T1059');
  });
});
