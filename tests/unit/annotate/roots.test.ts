import { afterEach, describe, expect, test } from 'vitest';
import { isScannedByParentFrame } from '~/utils/annotate/frames';
import { mentionTexts, setBody, startSession, type Session } from './fixtures';

let session: Session | undefined;
afterEach(() => session?.controller.abort());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('open shadow roots', () => {
  test('are scanned, each with its own stylesheet; closed ones are not', async () => {
    setBody('<p>APT28</p><x-open></x-open><x-closed></x-closed>');
    const open = document.querySelector('x-open')!.attachShadow({ mode: 'open' });
    open.append(Object.assign(document.createElement('p'), { textContent: 'Mimikatz in shadow' }));
    const nested = open.appendChild(document.createElement('x-nested')).attachShadow({ mode: 'open' });
    nested.append(Object.assign(document.createElement('span'), { textContent: 'T1059' }));
    const closed = document.querySelector('x-closed')!.attachShadow({ mode: 'closed' });
    closed.append(Object.assign(document.createElement('p'), { textContent: 'APT28 closed' }));
    const textBefore = [document.body.textContent, open.textContent, nested.textContent, closed.textContent];
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
    expect(mentionTexts(open)).toEqual(['Mimikatz']);
    expect(mentionTexts(nested)).toEqual(['T1059']);
    expect(mentionTexts(closed)).toEqual([]);
    expect([document.body.textContent, open.textContent, nested.textContent, closed.textContent]).toEqual(textBefore);
    expect(open.adoptedStyleSheets).toHaveLength(1);
    expect(nested.adoptedStyleSheets).toHaveLength(1);
    expect(session.annotator.summary().mentions).toBe(3);
  });

  test('changes inside a shadow root are observed', async () => {
    setBody('<x-host></x-host>');
    const shadow = document.querySelector('x-host')!.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'nothing' }));
    session = startSession();
    await session.annotator.whenIdle();
    (shadow.firstChild!.firstChild as Text).data = 'Fancy Bear';
    await session.annotator.whenIdle();
    expect(mentionTexts(shadow)).toEqual(['Fancy Bear']);
  });
});

describe('frames', () => {
  test('same-origin srcdoc and about:blank frames are scanned and observed', async () => {
    setBody('<p>APT28</p>');
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = '<p>Mimikatz in a frame</p>';
    const blank = document.createElement('iframe');
    document.body.append(srcdoc, blank);
    await sleep(30);
    const blankDoc = blank.contentDocument!;
    blankDoc.body.append(blankDoc.createTextNode('T1059 written by script'));
    session = startSession();
    await session.annotator.whenIdle();
    await sleep(30);
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
    expect(mentionTexts(srcdoc.contentDocument!)).toEqual(['Mimikatz']);
    expect(mentionTexts(blankDoc)).toEqual(['T1059']);
    expect(blankDoc.adoptedStyleSheets).toHaveLength(1);
    // Later text in the frame is picked up by the frame's own observer.
    blankDoc.body.append(blankDoc.createElement('p'));
    blankDoc.body.lastChild!.textContent = 'Fancy Bear';
    await session.annotator.whenIdle();
    expect(mentionTexts(blankDoc)).toEqual(['T1059', 'Fancy Bear']);
  });

  test('a frame whose document cannot be read is skipped without throwing', async () => {
    setBody('<p>APT28</p>');
    const frame = document.createElement('iframe');
    document.body.append(frame);
    Object.defineProperty(frame, 'contentDocument', { get: () => { throw new DOMException('cross-origin', 'SecurityError'); } });
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
  });

  test('isScannedByParentFrame: only when the parent can read this frame', () => {
    expect(isScannedByParentFrame(window)).toBe(false);
    const child = { parent: window, frameElement: document.createElement('iframe') } as unknown as Window;
    expect(isScannedByParentFrame(child)).toBe(true);
    const crossOrigin = { parent: window, frameElement: null } as unknown as Window;
    expect(isScannedByParentFrame(crossOrigin)).toBe(false);
  });
});
