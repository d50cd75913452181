import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActorCard } from '../../../components/actor-card';
import { EntityCard } from '../../../components/entity-card';
import { axiomCard } from './fixtures';
import { renderInto, textOf } from './render';

afterEach(() => {
  document.body.replaceChildren();
});

describe('ActorCard', () => {
  it('shows the matched alias with who gave it, the facts, tools, techniques and sources', () => {
    const el = renderInto(<ActorCard data={axiomCard()} variant="compact" />);
    const text = textOf(el);
    expect(el.querySelector('h2')?.textContent).toBe('Axiom');
    expect(text).toContain('G0001');
    expect(textOf(el.querySelector('.til-matched')!)).toBe('Matched “Group 72” — Talos (ATT&CK, ETDA)');
    expect(text).toContain('Ragebeast — FireEye');
    expect(text).toContain('China');
    expect(text).toContain('State-sponsored');
    expect(text).toContain('First seen2008');
    expect(text).toContain('PlugX S0013');
    expect(text).toContain('Winnti');
    expect(text).toContain('Execution (3) T1059, T1059.001, T1203');
    expect(text).toContain('Command and Control (1) T1001.002');
    expect(text).toContain('4 techniques across 2 tactics');
    expect(text).toContain('Frankenstein');
    expect(text).toContain('MITRE ATT&CK · version 18.1 · ATT&CK Terms of Use');
    expect(text).toContain('licensed under CC BY-NC-SA 4.0');
  });

  it('keeps the full variant for operations and source records', () => {
    const compact = textOf(renderInto(<ActorCard data={axiomCard()} variant="compact" />));
    const full = textOf(renderInto(<ActorCard data={axiomCard()} variant="full" />));
    expect(compact).not.toContain('Operation SMN');
    expect(full).toContain('2008/2014 Operation SMN');
    expect(full).toContain('ETDA: Axiom, Group 72');
    expect(full).toContain('Command and Scripting Interpreter');
  });

  it('limits lists in the compact variant and reveals the rest on "+N more"', async () => {
    const data = axiomCard();
    data.entity.sectors = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const el = renderInto(<ActorCard data={data} variant="compact" />);
    const more = [...el.querySelectorAll('button.til-more')].find((b) => b.textContent === '+2 more') as HTMLButtonElement;
    expect(textOf(el)).not.toContain('G, H');
    const { act } = await import('preact/test-utils');
    act(() => more.click());
    expect(textOf(el)).toContain('F, G, H');
  });

  it('truncates a long description at a word boundary in compact cards', () => {
    const data = axiomCard();
    data.entity.description = [{ text: 'word '.repeat(200) + 'TAIL' }];
    const el = renderInto(<ActorCard data={data} variant="compact" />);
    const description = textOf(el.querySelector('.til-description')!);
    expect(description.length).toBeLessThanOrEqual(302);
    expect(description.endsWith('word…')).toBe(true);
    expect(description).not.toContain('TAIL');
  });

  it('links references as the host asks', () => {
    const onSelectEntity = vi.fn();
    const el = renderInto(<EntityCard data={axiomCard()} variant="compact" onSelectEntity={onSelectEntity} />);
    const plugx = [...el.querySelectorAll('button.til-ref')].find((b) => b.textContent?.startsWith('PlugX')) as HTMLButtonElement;
    plugx.click();
    expect(onSelectEntity).toHaveBeenCalledWith('S0013');

    const linked = renderInto(<EntityCard data={axiomCard()} variant="compact" profileHref={(id) => `ext://lookup.html?q=${id}`} />);
    const open = linked.querySelector('a.til-open') as HTMLAnchorElement;
    expect(open.getAttribute('href')).toBe('ext://lookup.html?q=G0001');
    expect(open.target).toBe('_blank');
    expect(open.rel).toBe('noopener noreferrer');
    expect(linked.querySelector('a.til-ref')?.getAttribute('href')).toBe('ext://lookup.html?q=S0013');
  });

  it('shows plain text references when the host gives no navigation', () => {
    const el = renderInto(<EntityCard data={axiomCard()} variant="compact" />);
    expect(el.querySelector('.til-open')).toBeNull();
    expect(el.querySelector('button.til-ref, a.til-ref')).toBeNull();
  });

  it('opens external links in a new tab without an opener', () => {
    const el = renderInto(<ActorCard data={axiomCard()} variant="compact" />);
    const links = [...el.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:/);
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
  });
});
