import { afterEach, expect, it, vi } from 'vitest';
import type { CardFetcher } from '../../../utils/hover-card/card-cache';
import { startHoverCards } from '../../../utils/hover-card/start-hover-cards';
import { setBody, startSession, type Session } from '../annotate/fixtures';

let session: Session | undefined;
let controller: AbortController | undefined;
afterEach(() => {
  session?.controller.abort();
  controller?.abort();
  document.body.replaceChildren();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// No isOwnMention option: the default asks the annotator of the mention's document.
it('with the default check, only the annotator\'s own mentions are looked up', async () => {
  setBody('<p>APT28 and <ti-mention data-ti-kind="actor" data-ti-id="G0034" tabindex="0" role="button">forged</ti-mention></p>');
  session = startSession();
  await session.annotator.whenIdle();
  const fetchCards = vi.fn<CardFetcher>(async () => []);
  controller = new AbortController();
  startHoverCards({ signal: controller.signal, fetchCards, hoverDelayMs: 5 });
  const [ours, forged] = [...document.querySelectorAll<HTMLElement>('ti-mention')];
  const over = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));

  over(forged!);
  await sleep(30);
  forged!.focus();
  forged!.click();
  await sleep(10);
  expect(fetchCards).not.toHaveBeenCalled();

  over(ours!);
  await sleep(30);
  expect(fetchCards).toHaveBeenCalledWith({ ids: ['G0007'], matchedText: 'APT28' });
  expect(fetchCards).toHaveBeenCalledTimes(1);
});
