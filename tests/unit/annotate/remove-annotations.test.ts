import { afterEach, describe, expect, test } from 'vitest';
import { removeAnnotations } from '~/utils/annotate/remove-annotations';
import { appendSrcdocFrame, mentions, setBody, startSession, type Session } from './fixtures';

let session: Session | undefined;
afterEach(() => session?.controller.abort());

describe('removeAnnotations', () => {
  test('restores the text and the text-node structure', async () => {
    setBody('<p>APT28, Mimikatz and <b>T1059</b>.</p><ul><li>Fancy Bear</li></ul>');
    const htmlBefore = document.body.innerHTML;
    const textBefore = document.body.textContent;
    const childCounts = [...document.querySelectorAll('*')].map((el) => el.childNodes.length);
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(4);
    session.controller.abort();
    expect(removeAnnotations(document, { originOf: session.annotator.originalTextOf })).toBe(4);
    expect(mentions()).toHaveLength(0);
    expect(document.body.textContent).toBe(textBefore);
    expect(document.body.innerHTML).toBe(htmlBefore);
    expect([...document.querySelectorAll('*')].map((el) => el.childNodes.length)).toEqual(childCounts);
  });

  test('puts back the very same Text objects the page had', async () => {
    setBody('<p id="p"></p>');
    const p = document.getElementById('p')!;
    const nodes = [document.createTextNode('APT28'), document.createTextNode('APT28'), document.createTextNode(' and Mimikatz.')];
    p.append(...nodes);
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(3);
    session.controller.abort();
    removeAnnotations(document, { originOf: session.annotator.originalTextOf });
    expect([...p.childNodes]).toEqual(nodes);
    expect([...p.childNodes].every((node, i) => node === nodes[i])).toBe(true);
  });

  test('text the page changed after annotation is kept as it is now', async () => {
    setBody('<p id="p">APT28 and more</p>');
    session = startSession();
    await session.annotator.whenIdle();
    session.controller.abort();
    (document.getElementById('p')!.lastChild as Text).data = ' and less';
    removeAnnotations(document, { originOf: session.annotator.originalTextOf });
    expect(document.getElementById('p')!.childNodes).toHaveLength(1);
    expect(document.getElementById('p')!.textContent).toBe('APT28 and less');
  });

  test('with origins, page text nodes next to a mention stay separate', async () => {
    setBody('<p id="p"></p>');
    const p = document.getElementById('p')!;
    const pageNode = document.createTextNode('Hello, ');
    p.append(pageNode, document.createTextNode('APT28 rocks'));
    session = startSession();
    await session.annotator.whenIdle();
    session.controller.abort();
    removeAnnotations(document, { originOf: session.annotator.originalTextOf });
    expect([...p.childNodes].map((n) => (n as Text).data)).toEqual(['Hello, ', 'APT28 rocks']);
    expect(p.firstChild).toBe(pageNode);
  });

  test('without origins, adjacent text is merged like normalize()', async () => {
    setBody('<p>a APT28 b APT28 c</p>');
    session = startSession();
    await session.annotator.whenIdle();
    session.controller.abort();
    removeAnnotations(document.body);
    expect(document.querySelector('p')!.childNodes).toHaveLength(1);
    expect(document.body.textContent).toBe('a APT28 b APT28 c');
  });

  test('reaches into open shadow roots and readable frames', async () => {
    setBody('<x-host></x-host>');
    const shadow = document.querySelector('x-host')!.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'APT28' }));
    const frame = await appendSrcdocFrame('<p>Mimikatz</p>');
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions(shadow).length + mentions(frame.contentDocument!).length).toBe(2);
    session.controller.abort();
    expect(removeAnnotations(document)).toBe(2);
    expect(shadow.textContent).toBe('APT28');
    expect(frame.contentDocument!.body.textContent).toBe('Mimikatz');
  });

  test('puts back a split node in place, with its whole text, when it was not the first child', async () => {
    setBody('<p id="p"><b>x</b></p>');
    const p = document.getElementById('p')!;
    const node = document.createTextNode('Seen: APT28, then Mimikatz and T1059');
    p.append(node, document.createTextNode('.'));
    session = startSession();
    await session.annotator.whenIdle();
    expect(p.childNodes[1]).toBe(node);
    expect(node.data).toBe('Seen: ');
    session.controller.abort();
    expect(removeAnnotations(document, { originOf: session.annotator.originalTextOf })).toBe(3);
    expect(p.childNodes).toHaveLength(3);
    expect(p.childNodes[1]).toBe(node);
    expect(node.data).toBe('Seen: APT28, then Mimikatz and T1059');
  });

  test("leaves the page's own <ti-mention> elements, markup and all", async () => {
    setBody('<p id="p">APT28 and <ti-mention data-ti-id="G0007" data-ti-kind="actor">page <b>own</b></ti-mention> then Mimikatz</p>');
    const htmlBefore = document.body.innerHTML;
    const pageMention = document.querySelector('ti-mention')!;
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(3);
    expect(session.annotator.isOwnMention(pageMention)).toBe(false);
    expect(mentions().filter((m) => session!.annotator.isOwnMention(m))).toHaveLength(2);
    session.controller.abort();
    expect(removeAnnotations(document, { originOf: session.annotator.originalTextOf })).toBe(2);
    expect(document.body.innerHTML).toBe(htmlBefore);
    expect(pageMention.isConnected).toBe(true);
  });

  test('isOwnMention alone decides which mentions go', async () => {
    setBody('<p>APT28 <ti-mention data-ti-id="G0007">page</ti-mention></p>');
    session = startSession();
    await session.annotator.whenIdle();
    session.controller.abort();
    expect(removeAnnotations(document.body, { isOwnMention: session.annotator.isOwnMention })).toBe(1);
    expect(mentionTextsOf(document.body)).toEqual(['page']);
    expect(document.body.textContent).toBe('APT28 page');
  });
});

function mentionTextsOf(root: ParentNode): string[] {
  return [...root.querySelectorAll('ti-mention')].map((m) => m.textContent ?? '');
}
