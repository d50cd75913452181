import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CandidateSwitcher, ambiguitySummary } from '../../../components/candidate-switcher';
import { cobaltCandidate, plugxCard } from './fixtures';
import { renderInto, textOf } from './render';

afterEach(() => {
  document.body.replaceChildren();
});

const candidates = () => [
  cobaltCandidate('G0080', 'Cobalt Group', ['Group-IB'], ['attack', 'etda']),
  cobaltCandidate('etda-12345678', 'Cobalt Dickens', [], ['etda']),
  cobaltCandidate('misp-87654321', 'Cobalt Kitty', ['Cybereason'], ['misp-threat-actor']),
];

describe('CandidateSwitcher', () => {
  it('explains the ambiguity and who gave the name to each candidate', () => {
    const el = renderInto(<CandidateSwitcher cards={candidates()} matchedText="Cobalt" variant="compact" />);
    expect(textOf(el.querySelector('.til-ambiguity')!)).toBe('“Cobalt” is a name used for 3 actors');
    const tabs = [...el.querySelectorAll('[role="tab"]')].map(textOf);
    expect(tabs).toEqual([
      'Cobalt Group G0080named by Group-IB · ATT&CK, ETDA',
      'Cobalt Dickens etda-12345678name-giver not recorded · ETDA',
      'Cobalt Kitty misp-87654321named by Cybereason · MISP',
    ]);
    expect(el.querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Group');
  });

  it('switches cards on click and with the arrow keys', () => {
    const el = renderInto(<CandidateSwitcher cards={candidates()} matchedText="Cobalt" variant="compact" />);
    const tabs = () => [...el.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    act(() => tabs()[2]!.click());
    expect(el.querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Kitty');
    expect(tabs()[2]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('false');

    act(() => {
      tabs()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(el.querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Group');
    expect(document.activeElement).toBe(tabs()[0]);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);

    act(() => {
      tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(el.querySelector('[role="tabpanel"] h2')?.textContent).toBe('Cobalt Kitty');
  });

  it('shows a single candidate as a plain card', () => {
    const el = renderInto(<CandidateSwitcher cards={[plugxCard()]} matchedText="PlugX" variant="compact" />);
    expect(el.querySelector('[role="tablist"]')).toBeNull();
    expect(el.querySelector('h2')?.textContent).toBe('PlugX');
  });

  it('names mixed kinds', () => {
    expect(ambiguitySummary([candidates()[0]!, plugxCard()], 'ALPHV')).toBe('“ALPHV” is a name used for 2 entities: 1 actor, 1 software');
  });
});
