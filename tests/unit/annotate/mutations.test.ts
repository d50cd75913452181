import { afterEach, describe, expect, test } from 'vitest';
import { captureScheduling } from '~/utils/annotate/scheduling';
import { mentions, mentionTexts, setBody, startSession, type Session } from './fixtures';

let session: Session | undefined;
afterEach(() => session?.controller.abort());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('text added or changed later', () => {
  test('picks up added paragraphs (infinite scroll)', async () => {
    setBody('<main><p>APT28</p></main>');
    session = startSession();
    await session.annotator.whenIdle();
    const main = document.querySelector('main')!;
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.append('Loaded: Mimikatz and ', Object.assign(document.createElement('b'), { textContent: 'T1059' }));
      main.append(p);
    }
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28', 'Mimikatz', 'T1059', 'Mimikatz', 'T1059', 'Mimikatz', 'T1059']);
  });

  test('picks up a bare added text node', async () => {
    setBody('<p id="p">x</p>');
    session = startSession();
    await session.annotator.whenIdle();
    document.getElementById('p')!.append(' then APT28');
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
  });

  test('rescans a text node whose data changed (characterData)', async () => {
    setBody('<p id="p">nothing yet</p>');
    session = startSession();
    await session.annotator.whenIdle();
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = 'now APT28';
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28']);
    expect(document.getElementById('p')!.textContent).toBe('now APT28');
  });

  test('a changed piece next to an existing mention is rescanned alone', async () => {
    setBody('<p id="p">APT28 and more</p>');
    session = startSession();
    await session.annotator.whenIdle();
    const piece = document.getElementById('p')!.lastChild as Text;
    expect(piece.data).toBe(' and more');
    piece.data = ' and Mimikatz';
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28', 'Mimikatz']);
    expect(document.getElementById('p')!.textContent).toBe('APT28 and Mimikatz');
  });

  test('ignores text added inside skipped areas and inside mentions', async () => {
    setBody('<textarea></textarea><div contenteditable="true"></div><p>APT28</p>');
    session = startSession();
    await session.annotator.whenIdle();
    document.querySelector('div')!.append('Mimikatz typed by the user');
    document.querySelector('ti-mention')!.append(' Mimikatz');
    await session.annotator.whenIdle();
    expect(mentionTexts()).toEqual(['APT28 Mimikatz']);
  });

  test('does not react to its own changes: no extra matcher calls, no loop', async () => {
    setBody('<p>APT28 and Mimikatz</p><p>T1059</p>');
    session = startSession();
    await session.annotator.whenIdle();
    const calls = session.matcher.calls;
    expect(calls).toBe(2);
    await sleep(100);
    await session.annotator.whenIdle();
    expect(session.matcher.calls).toBe(calls);
    // A real change costs exactly one call.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TA0001' }));
    await session.annotator.whenIdle();
    await sleep(100);
    expect(session.matcher.calls).toBe(calls + 1);
  });

  test('a page changing text every 10 ms causes one rescan per debounce window', async () => {
    setBody('<p><span id="clock">0</span> APT28</p>');
    session = startSession(document, { debounceMs: 100 });
    await session.annotator.whenIdle();
    const before = session.matcher.calls;
    const clock = document.getElementById('clock')!.firstChild as Text;
    for (let i = 1; i <= 50; i++) {
      clock.data = `tick ${i}`;
      await sleep(10);
    }
    await session.annotator.whenIdle();
    // ~500 ms of changes with a 100 ms window: about 5 scans, never 50.
    expect(session.matcher.calls - before).toBeLessThanOrEqual(10);
    expect(session.matcher.calls - before).toBeGreaterThanOrEqual(1);
  });

  test('a mutation storm becomes one rescan of the root', async () => {
    setBody('<div id="list"></div>');
    session = startSession(document, { stormThreshold: 100, stormDelayMs: 30 });
    await session.annotator.whenIdle();
    const list = document.getElementById('list')!;
    for (let i = 0; i < 500; i++) {
      const p = document.createElement('p');
      p.textContent = i % 100 === 0 ? 'APT28' : 'row';
      list.append(p);
      if (i % 50 === 0) await Promise.resolve(); // several observer callbacks
    }
    await sleep(0);
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(5);
  });

  test('picks up text in a newly attached open shadow root', async () => {
    setBody('<div id="host"></div>');
    session = startSession();
    await session.annotator.whenIdle();
    const host = document.createElement('x-card');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Fancy Bear' }));
    document.body.append(host);
    await session.annotator.whenIdle();
    expect(mentionTexts(shadow)).toEqual(['Fancy Bear']);
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Mimikatz' }));
    await session.annotator.whenIdle();
    expect(mentionTexts(shadow)).toEqual(['Fancy Bear', 'Mimikatz']);
  });

  test('after abort, changes are ignored', async () => {
    setBody('<p id="p">x</p>');
    session = startSession();
    await session.annotator.whenIdle();
    session.controller.abort();
    document.getElementById('p')!.append(' APT28');
    await sleep(60);
    expect(mentions()).toHaveLength(0);
  });
});

test('captured scheduling survives the page replacing window functions later', async () => {
  const scheduling = captureScheduling(window);
  const original = window.setTimeout;
  (window as { setTimeout: unknown }).setTimeout = () => { throw new Error('page override'); };
  try {
    const fired = await new Promise<boolean>((resolve) => {
      scheduling.setTimeout(() => resolve(true), 1);
    });
    expect(fired).toBe(true);
  } finally {
    window.setTimeout = original;
  }
});
