import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '../../../utils/cards/card-data';
import type { CardFetcher } from '../../../utils/hover-card/card-cache';
import { HOST_TAG } from '../../../utils/hover-card/card-host';
import { startHoverCards } from '../../../utils/hover-card/start-hover-cards';
import { axiomCard, cobaltCandidate } from '../components/fixtures';

const PAGE = '<p id="para">Espionage by <ti-mention data-ti-kind="actor" data-ti-id="G0001" tabindex="0" role="button">Group 72</ti-mention> and <ti-mention data-ti-kind="actor" data-ti-id="G0080 etda-12345678" tabindex="0" role="button">Cobalt</ti-mention> continued.</p><button id="outside">Elsewhere</button>';

let controller: AbortController;
let roots: ShadowRoot[];
let fetchCards: ReturnType<typeof vi.fn<CardFetcher>>;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = PAGE;
  controller = new AbortController();
  roots = [];
  // The card's shadow root is closed: capture it here so tests can read what it shows.
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  layOutPage();
  fetchCards = vi.fn<CardFetcher>(async ({ ids }) => cardsFor(ids));
  // Mentions the test marks `data-page-made` stand for look-alikes a page wrote itself.
  startHoverCards({
    signal: controller.signal,
    fetchCards,
    profileHref: (id) => `ext://lookup.html?q=${id}`,
    isOwnMention: (el) => !el.hasAttribute('data-page-made'),
  });
});

afterEach(() => {
  controller.abort();
  document.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

/**
 * happy-dom does no layout: give the viewport a size and mentions a box inside it, so the
 * positioning sees the mention in view (a zero box at 0,0 counts as scrolled away).
 */
function layOutPage(): void {
  const html = document.documentElement;
  vi.spyOn(html, 'clientWidth', 'get').mockReturnValue(1024);
  vi.spyOn(html, 'clientHeight', 'get').mockReturnValue(768);
  const rect = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return this.localName === 'ti-mention' ? new DOMRect(100, 100, 60, 16) : rect.call(this);
  });
}

function cardsFor(ids: string[]): CardData[] {
  return ids.map((id) =>
    id === 'G0001' ? axiomCard() : id === 'G0080' ? cobaltCandidate('G0080', 'Cobalt Group', ['Group-IB'], ['attack']) : cobaltCandidate(id, 'Cobalt Dickens', [], ['etda']),
  );
}

const mention = (text: string) => [...document.querySelectorAll<HTMLElement>('ti-mention')].find((m) => m.textContent === text)!;
const host = () => document.querySelector<HTMLElement>(HOST_TAG);
const card = () => roots[0]!;
const cardText = () => (host() ? card().textContent ?? '' : '');
const dialog = () => card().querySelector('.til-hover');

function pointer(type: string, target: Element, init: PointerEventInit = {}): void {
  const bubbles = type !== 'pointerenter' && type !== 'pointerleave';
  target.dispatchEvent(new PointerEvent(type, { bubbles, composed: true, pointerType: 'mouse', ...init }));
}

function key(target: Element, name: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** An event as page script would dispatch it: `isTrusted` false (happy-dom leaves it undefined). */
function untrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

/** Lets the fake fetch resolve and Preact re-render. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe('startHoverCards', () => {
  it('opens a tooltip after the hover delay and asks for the mention’s cards', async () => {
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(299);
    expect(host()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(host()?.parentNode).toBe(document.documentElement);
    expect(fetchCards).toHaveBeenCalledWith({ ids: ['G0001'], matchedText: 'Group 72' });
    await settle();
    expect(dialog()?.getAttribute('role')).toBe('tooltip');
    expect(cardText()).toContain('Axiom');
    expect(cardText()).toContain('“Group 72” — Talos');
    expect(mention('Group 72').getAttribute('aria-expanded')).toBe('true');
    // Placed below the mention (at 100,100, 16px high) with a 6px gap.
    expect(host()!.style.getPropertyValue('transform')).toBe('translate(100px, 122px)');
  });

  it('shows a loading state until the background answers', async () => {
    let answer: (cards: CardData[]) => void = () => undefined;
    fetchCards.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(300);
    expect(cardText()).toContain('Loading details…');
    answer([axiomCard()]);
    await settle();
    expect(cardText()).not.toContain('Loading');
    expect(cardText()).toContain('Axiom');
  });

  it('does not open when the pointer leaves before the delay', async () => {
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(200);
    pointer('pointerleave', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(500);
    expect(host()).toBeNull();
    expect(fetchCards).not.toHaveBeenCalled();
  });

  it('stays open while the pointer travels into the card, and closes after leaving both', async () => {
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(300);
    pointer('pointerleave', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(100);
    pointer('pointerenter', host()!);
    await vi.advanceTimersByTimeAsync(500);
    expect(host()).not.toBeNull();
    pointer('pointerleave', host()!);
    await vi.advanceTimersByTimeAsync(199);
    expect(host()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(host()).toBeNull();
    expect(mention('Group 72').getAttribute('aria-expanded')).toBe('false');
  });

  it('uses a closed shadow root and leaves the page text as it was', async () => {
    const before = document.body.textContent;
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(host()!.shadowRoot).toBeNull();
    expect(roots[0]!.mode).toBe('closed');
    expect(cardText()).toContain('Axiom');
    expect(document.body.textContent).toBe(before);
    expect(document.documentElement.textContent).not.toContain('Axiom');
    expect(host()!.style.getPropertyValue('position')).toBe('fixed');
    expect(host()!.style.getPropertyPriority('position')).toBe('important');
  });

  it('opens on keyboard focus at once, and Enter moves focus into a dialog', async () => {
    const m = mention('Group 72');
    m.focus();
    expect(host()).not.toBeNull();
    expect(dialog()?.getAttribute('role')).toBe('tooltip');
    await settle();

    const enter = key(m, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(dialog()?.getAttribute('role')).toBe('dialog');
    expect(dialog()?.getAttribute('aria-label')).toBe('TI Lens: Axiom');
    const focused = card().activeElement as HTMLElement | null;
    expect(focused?.textContent).toBe('Open profile');
    expect(focused?.getAttribute('href')).toBe('ext://lookup.html?q=G0001');
  });

  it('moves focus from Close to the card once it loads', async () => {
    let answer: (cards: CardData[]) => void = () => undefined;
    fetchCards.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const m = mention('Group 72');
    m.focus();
    key(m, 'Enter');
    expect(card().activeElement?.getAttribute('aria-label')).toBe('Close');
    answer([axiomCard()]);
    await settle();
    expect(card().activeElement?.textContent).toBe('Open profile');
  });

  it('opens with Space without scrolling the page', async () => {
    const m = mention('Group 72');
    m.focus();
    const space = key(m, ' ');
    expect(space.defaultPrevented).toBe(true);
    expect(dialog()?.getAttribute('role')).toBe('dialog');
    expect(card().activeElement).not.toBeNull();
  });

  it('closes on Escape and returns focus to the mention', async () => {
    const m = mention('Group 72');
    m.focus();
    key(m, 'Enter');
    await settle();
    const inside = card().activeElement!;
    const escape = key(inside, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(host()).toBeNull();
    expect(document.activeElement).toBe(m);
    expect(m.getAttribute('aria-expanded')).toBe('false');
    // Focus coming back does not reopen the card.
    await vi.advanceTimersByTimeAsync(1000);
    expect(host()).toBeNull();
  });

  it('keeps Tab inside a dialog opened from the keyboard', async () => {
    const m = mention('Group 72');
    m.focus();
    key(m, 'Enter');
    await settle();
    const focusables = [...card().querySelectorAll<HTMLElement>('a[href], button')];
    focusables.at(-1)!.focus();
    const tab = key(focusables.at(-1)!, 'Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(card().activeElement).toBe(focusables[0]);
    const back = key(focusables[0]!, 'Tab', { shiftKey: true });
    expect(back.defaultPrevented).toBe(true);
    expect(card().activeElement).toBe(focusables.at(-1));
  });

  it('pins on click: stays open when the pointer leaves, closes on a click outside', async () => {
    const m = mention('Group 72');
    pointer('pointerdown', m);
    m.click();
    await settle();
    expect(dialog()?.getAttribute('role')).toBe('dialog');
    expect(card().querySelector('button.til-close')).not.toBeNull();
    pointer('pointerleave', m);
    window.dispatchEvent(new Event('resize'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(host()).not.toBeNull();

    pointer('pointerdown', document.getElementById('outside')!);
    expect(host()).toBeNull();
  });

  it('closes a hover card when its mention scrolls out of view, but only hides a pinned one', async () => {
    let top = 100;
    vi.mocked(Element.prototype.getBoundingClientRect).mockImplementation(function (this: Element) {
      return new DOMRect(100, this.localName === 'ti-mention' ? top : 0, this.localName === 'ti-mention' ? 60 : 0, 16);
    });
    pointer('pointerover', mention('Group 72'));
    await vi.advanceTimersByTimeAsync(300);
    expect(host()).not.toBeNull();
    top = -500;
    window.dispatchEvent(new Event('scroll'));
    await settle();
    expect(host()).toBeNull();

    top = 100;
    mention('Group 72').click();
    await settle();
    top = -500;
    window.dispatchEvent(new Event('scroll'));
    await settle();
    expect(host()!.style.getPropertyValue('visibility')).toBe('hidden');
    top = 100;
    window.dispatchEvent(new Event('scroll'));
    await settle();
    expect(host()!.style.getPropertyValue('visibility')).toBe('visible');
  });

  it('does not pin when the click ends a text selection', async () => {
    const m = mention('Group 72');
    const range = document.createRange();
    range.selectNodeContents(m);
    document.getSelection()!.addRange(range);
    m.click();
    await settle();
    expect(host()).toBeNull();
  });

  it('closes a pinned card with its close button', async () => {
    mention('Group 72').click();
    await settle();
    (card().querySelector('button.til-close') as HTMLButtonElement).click();
    expect(host()).toBeNull();
  });

  it('switches between the candidates of an ambiguous name', async () => {
    mention('Cobalt').click();
    await settle();
    expect(fetchCards).toHaveBeenCalledWith({ ids: ['G0080', 'etda-12345678'], matchedText: 'Cobalt' });
    expect(cardText()).toContain('“Cobalt” is a name used for 2 actors');
    const tabs = [...card().querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Cobalt Group G0080named by Group-IB · ATT&CK', 'Cobalt Dickens etda-12345678name-giver not recorded · ETDA']);
    expect(card().querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Group');
    tabs[1]!.click();
    await settle();
    expect(card().querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Dickens');
  });

  it('fetches once per mention text and id list', async () => {
    for (let i = 0; i < 2; i++) {
      pointer('pointerover', mention('Group 72'));
      await vi.advanceTimersByTimeAsync(300);
      await settle();
      key(document.body, 'Escape');
      expect(host()).toBeNull();
    }
    expect(fetchCards).toHaveBeenCalledTimes(1);
  });

  it('shows an error when the background fails, and retries', async () => {
    fetchCards.mockRejectedValueOnce(new Error('Could not establish connection'));
    mention('Group 72').click();
    await settle();
    expect(cardText()).toContain('Couldn’t load details for “Group 72”.');
    (card().querySelector('button.til-retry') as HTMLButtonElement).click();
    await settle();
    expect(cardText()).toContain('Axiom');
    expect(fetchCards).toHaveBeenCalledTimes(2);
  });

  it('finds mentions inside open shadow roots', async () => {
    const widget = document.createElement('div');
    document.body.append(widget);
    const shadow = widget.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Report on <ti-mention data-ti-kind="actor" data-ti-id="G0001" tabindex="0" role="button">Axiom</ti-mention></span>';
    const inner = shadow.querySelector('ti-mention')!;
    pointer('pointerover', inner);
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(fetchCards).toHaveBeenCalledWith({ ids: ['G0001'], matchedText: 'Axiom' });
    expect(host()).not.toBeNull();
  });

  it('removes the card and stops listening when aborted', async () => {
    mention('Group 72').click();
    await settle();
    controller.abort();
    expect(host()).toBeNull();
    pointer('pointerover', mention('Group 72'));
    mention('Group 72').click();
    await vi.advanceTimersByTimeAsync(1000);
    expect(host()).toBeNull();
  });

  it('ignores mentions without valid ids', async () => {
    document.body.innerHTML = '<ti-mention data-ti-id="<img src=x>" tabindex="0">bad</ti-mention>';
    mention('bad').click();
    await settle();
    expect(host()).toBeNull();
    expect(fetchCards).not.toHaveBeenCalled();
  });

  it('never opens a card for, nor looks up, a mention the annotator did not create', async () => {
    const forged = document.createElement('ti-mention');
    const attributes: [string, string][] = [['data-page-made', ''], ['data-ti-kind', 'actor'], ['data-ti-id', 'G0007'], ['tabindex', '0'], ['role', 'button']];
    for (const [name, value] of attributes) forged.setAttribute(name, value);
    forged.textContent = 'Forged';
    document.getElementById('para')!.append(forged);
    pointer('pointerover', forged);
    await vi.advanceTimersByTimeAsync(1000);
    forged.focus();
    forged.click();
    key(forged, 'Enter');
    key(forged, ' ');
    await settle();
    expect(host()).toBeNull();
    expect(fetchCards).not.toHaveBeenCalled();
    expect(forged.hasAttribute('aria-expanded')).toBe(false);
    // A real mention inside a look-alike still works: the nearest own mention counts.
    const inner = mention('Group 72');
    forged.append(inner);
    inner.click();
    await settle();
    expect(fetchCards).toHaveBeenCalledWith({ ids: ['G0001'], matchedText: 'Group 72' });
  });

  it('ignores events page script dispatches (isTrusted false) on real mentions', async () => {
    const m = mention('Group 72');
    m.dispatchEvent(untrusted(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' })));
    await vi.advanceTimersByTimeAsync(1000);
    m.dispatchEvent(untrusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    m.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true, composed: true, button: 0 })));
    m.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true })));
    await settle();
    expect(host()).toBeNull();
    expect(fetchCards).not.toHaveBeenCalled();
    // The same events from the reader open the card.
    pointer('pointerover', m);
    await vi.advanceTimersByTimeAsync(300);
    expect(fetchCards).toHaveBeenCalledTimes(1);
    expect(host()).not.toBeNull();
    // Nor can page-dispatched events close it.
    document.getElementById('outside')!.dispatchEvent(untrusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
    m.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    await settle();
    expect(host()).not.toBeNull();
  });
});
