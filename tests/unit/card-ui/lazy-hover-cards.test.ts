import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishOwnMentions } from '../../../utils/annotate/own-mentions';
import type { CardUi } from '../../../utils/card-ui/card-ui-api';
import { startLazyHoverCards } from '../../../utils/card-ui/lazy-hover-cards';
import type { HoverCardOptions } from '../../../utils/hover-card/start-hover-cards';
import { setBody } from '../annotate/fixtures';

const PAGE = '<p>Espionage by <ti-mention id="m1" data-ti-kind="actor" data-ti-id="G0001" tabindex="0" role="button">Group 72</ti-mention> and <a href="/x"><ti-mention id="m2" data-ti-kind="actor" data-ti-id="G0007" tabindex="0" role="button">APT28</ti-mention></a>, <ti-mention id="forged" data-page-made data-ti-kind="actor" data-ti-id="G0016" tabindex="0">APT29</ti-mention>.</p>';

/** Events a real user causes are trusted; happy-dom marks every scripted event untrusted. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const mention = (id: string) => document.getElementById(id)!;
const hover = (el: Element, isTrusted = true) => {
  const event = new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' });
  el.dispatchEvent(isTrusted ? trusted(event) : event);
};

let controller: AbortController;
let started: HoverCardOptions[];
let resolveUi: (ui: CardUi) => void;
let loadUi: ReturnType<typeof vi.fn<() => Promise<CardUi>>>;
const ui: CardUi = { startHoverCards: (options) => void started.push(options) };

beforeEach(() => {
  setBody(PAGE);
  controller = new AbortController();
  started = [];
  loadUi = vi.fn(() => new Promise<CardUi>((resolve) => (resolveUi = resolve)));
  // The annotator publishes which mentions it made; `data-page-made` marks a page's look-alike.
  publishOwnMentions(document, (el) => !el.hasAttribute('data-page-made'), controller.signal);
  startLazyHoverCards({ signal: controller.signal, loadUi, hoverDelayMs: 250 });
});

afterEach(() => controller.abort());

describe('hover cards loaded on first use', () => {
  it('load nothing until the reader reaches a mention', () => {
    document.body.dispatchEvent(trusted(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' })));
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('load nothing for events the page makes up', () => {
    hover(mention('m1'), false);
    mention('m1').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    mention('m1').dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    mention('m1').dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('load nothing for a look-alike the page wrote', () => {
    hover(mention('forged'));
    mention('forged').dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('load the UI on a hover and hand it the hover and the options', async () => {
    hover(mention('m1'));
    expect(loadUi).toHaveBeenCalledTimes(1);
    resolveUi(ui);
    await vi.waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]).toMatchObject({ hoverDelayMs: 250, signal: controller.signal, initial: { mention: mention('m1'), how: 'hover' } });
  });

  it('hand over the latest interaction made while the UI loads, and then stop listening', async () => {
    hover(mention('m1'));
    mention('m1').dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    const enter = trusted(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: ' ' }));
    mention('m1').dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true); // Space must not scroll the page
    expect(loadUi).toHaveBeenCalledTimes(1);
    resolveUi(ui);
    await vi.waitFor(() => expect(started).toHaveLength(1));
    expect(started[0]!.initial).toEqual({ mention: mention('m1'), how: 'key' });

    hover(mention('m1'));
    expect(loadUi).toHaveBeenCalledTimes(1);
    expect(started).toHaveLength(1);
  });

  it('leave a click on a mention inside a page link to the page', () => {
    mention('m2').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, button: 0 })));
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('try again on the next interaction when the UI failed to load', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let rejectUi: (error: Error) => void = () => {};
    loadUi.mockImplementationOnce(() => new Promise<CardUi>((_resolve, reject) => (rejectUi = reject)));
    hover(mention('m1'));
    rejectUi(new Error('blocked'));
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    hover(mention('m1'));
    expect(loadUi).toHaveBeenCalledTimes(2);
    resolveUi(ui);
    await vi.waitFor(() => expect(started).toHaveLength(1));
  });

  it('start nothing when stopped while the UI loads', async () => {
    hover(mention('m1'));
    controller.abort();
    resolveUi(ui);
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([]);
  });
});
