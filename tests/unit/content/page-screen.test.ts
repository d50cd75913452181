import { afterEach, describe, expect, test } from 'vitest';
import { captureScheduling } from '~/utils/annotate/scheduling';
import { startPageScreen } from '~/utils/content/page-screen';
import { setBody } from '../annotate/fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const controllers: AbortController[] = [];
afterEach(() => {
  controllers.splice(0).forEach((c) => c.abort());
  document.body.replaceChildren();
});

/** A screen that answers like the background: yes when a text holds "APT" followed by digits. */
function start(answer: (texts: string[]) => Promise<boolean> = async (texts) => texts.some((t) => /\bAPT\d+\b/.test(t))) {
  const controller = new AbortController();
  controllers.push(controller);
  const asked: string[][] = [];
  let candidates = 0;
  startPageScreen({
    doc: document,
    scheduling: captureScheduling(window),
    signal: controller.signal,
    debounceMs: 10,
    screen: (texts) => {
      asked.push(texts);
      return answer(texts);
    },
    onCandidates: () => void candidates++,
  });
  return { asked, controller, candidates: () => candidates };
}

describe('startPageScreen', () => {
  test('a page that mentions nothing is asked about once and left alone', async () => {
    setBody('<p>Quarterly results</p><p>Our new office opens in May.</p>');
    const screen = start();
    await sleep(30);
    expect(screen.asked).toEqual([['Quarterly results', 'Our new office opens in May.']]);
    expect(screen.candidates()).toBe(0);
  });

  test('a page with a mention hands over to the annotator', async () => {
    setBody('<p>Activity attributed to APT28 rose.</p>');
    const screen = start();
    await sleep(0);
    expect(screen.candidates()).toBe(1);
  });

  test('text the page adds later is screened, only that text, and a mention in it hands over once', async () => {
    setBody('<p>Loading…</p>');
    const screen = start();
    await sleep(30);
    const more = document.createElement('p');
    more.textContent = 'Nothing here yet';
    document.body.append(more);
    await sleep(40);
    expect(screen.asked.at(-1)).toEqual(['Nothing here yet']);
    expect(screen.candidates()).toBe(0);

    document.querySelector('p')!.firstChild!.textContent = 'Report: APT29 and APT28';
    const again = document.createElement('p');
    again.textContent = 'APT30 too';
    document.body.append(again);
    await sleep(40);
    expect(screen.candidates()).toBe(1);
    const asked = screen.asked.length;
    again.textContent = 'APT31';
    await sleep(40);
    expect(screen.asked.length).toBe(asked); // handed over: screening stopped
  });

  test('a screening that fails hands over (fail open: the page is annotated as if unscreened)', async () => {
    setBody('<p>Quarterly results</p>');
    const screen = start(() => Promise.reject(new Error('background restarting')));
    await sleep(0);
    expect(screen.candidates()).toBe(1);
  });

  test('a page over the screening limits hands over without asking', async () => {
    setBody(`<p>${'Quarterly results. '.repeat(30_000)}</p>`);
    const screen = start();
    await sleep(0);
    expect(screen.asked).toEqual([]);
    expect(screen.candidates()).toBe(1);
  });

  test('nothing happens once the content script is orphaned', async () => {
    setBody('<p>Quarterly results</p>');
    const screen = start();
    await sleep(30);
    screen.controller.abort();
    const p = document.createElement('p');
    p.textContent = 'APT28';
    document.body.append(p);
    await sleep(40);
    expect(screen.asked.length).toBe(1);
    expect(screen.candidates()).toBe(0);
  });
});
