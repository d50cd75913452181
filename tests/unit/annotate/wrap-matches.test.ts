import { describe, expect, test } from 'vitest';
import { mentionLabel } from '~/utils/annotate/mention-element';
import { planSegments, wrapTextNode, type WrapSpec } from '~/utils/annotate/wrap-matches';

const spec = (text: string, start: number, kind: WrapSpec['kind'] = 'actor', ids = ['G0007']): WrapSpec => ({
  text, start, end: start + text.length, kind, ids,
});

describe('planSegments', () => {
  test('splits around matches and concatenates back to the text', () => {
    const text = 'APT28 and APT29 used T1059';
    const segments = planSegments(text, [spec('APT28', 0), spec('APT29', 10), spec('T1059', 21, 'technique')]);
    expect(segments.map((s) => [s.text, s.offset, !!s.match])).toEqual([
      ['APT28', 0, true], [' and ', 5, false], ['APT29', 10, true], [' used ', 15, false], ['T1059', 21, true],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  test('drops overlapping, out-of-range and mismatching matches', () => {
    const text = 'Fancy Bear';
    const segments = planSegments(text, [
      spec('Fancy Bear', 0), spec('Bear', 6), spec('Bears', 6), spec('xx', 20), { ...spec('Fancy', 0), end: 99 },
    ]);
    expect(segments).toEqual([{ text: 'Fancy Bear', offset: 0, match: expect.objectContaining({ text: 'Fancy Bear' }) }]);
  });

  test('accepts unsorted matches', () => {
    const segments = planSegments('a APT28 b APT29', [spec('APT29', 10), spec('APT28', 2)]);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['APT28', 'APT29']);
  });

  test('handles astral characters with UTF-16 offsets', () => {
    const text = '🐻 APT28 🐻';
    const segments = planSegments(text, [spec('APT28', 3)]);
    expect(segments.map((s) => s.text)).toEqual(['🐻 ', 'APT28', ' 🐻']);
  });
});

describe('wrapTextNode', () => {
  function paragraph(text: string): { p: HTMLParagraphElement; node: Text } {
    const p = document.createElement('p');
    const node = document.createTextNode(text);
    p.append(node);
    return { p, node };
  }

  test('splits the node in place: the node keeps the text before the first match, then mention, text ...', () => {
    const { p, node } = paragraph('Seen: APT28, then Mimikatz.');
    const created: Node[] = [];
    const result = wrapTextNode(node, [spec('APT28', 6), spec('Mimikatz', 18, 'software', ['S0002'])], (n) => created.push(n));
    expect(p.textContent).toBe('Seen: APT28, then Mimikatz.');
    expect([...p.childNodes].map((n) => n.nodeName)).toEqual(['#text', 'TI-MENTION', '#text', 'TI-MENTION', '#text']);
    // The very same Text object, still in the page, holding the head of its text.
    expect(p.firstChild).toBe(node);
    expect(node.data).toBe('Seen: ');
    expect(result.mentions).toBe(2);
    expect(result.pieces.map((piece) => [piece.node.data, piece.offset])).toEqual([['Seen: ', 0], [', then ', 11], ['.', 26]]);
    expect(result.parts).toEqual([...p.childNodes].slice(1));
    // Every other node in the paragraph was created by the wrap (and reported); the page's node was not.
    for (const part of result.parts) expect(created).toContain(part);
    expect(created).not.toContain(node);
  });

  test('a match at offset 0 leaves the node in place, empty; a match at the end leaves no empty piece', () => {
    const { p, node } = paragraph('APT28 Mimikatz');
    const result = wrapTextNode(node, [spec('APT28', 0), spec('Mimikatz', 6, 'software', ['S0002'])], () => {});
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['', 'APT28', ' ', 'Mimikatz']);
    expect(p.firstChild).toBe(node);
    expect(result.pieces.map((piece) => [piece.node.data, piece.offset])).toEqual([['', 0], [' ', 5]]);
  });

  test('keeps the node\'s place among its siblings', () => {
    const p = document.createElement('p');
    const before = document.createElement('b');
    const node = document.createTextNode('x APT28 y');
    const after = document.createTextNode(' tail');
    p.append(before, node, after);
    wrapTextNode(node, [spec('APT28', 2)], () => {});
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['', 'x ', 'APT28', ' y', ' tail']);
    expect(p.childNodes[1]).toBe(node);
    expect(p.lastChild).toBe(after);
  });

  test('writes through captured natives, not the page-patchable prototype', () => {
    const { p, node } = paragraph('x APT28 y');
    const insertBefore = Node.prototype.insertBefore;
    const descriptor = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!;
    Node.prototype.insertBefore = () => { throw new Error('page override'); };
    Object.defineProperty(CharacterData.prototype, 'data', { ...descriptor, set: () => { throw new Error('page override'); } });
    try {
      expect(wrapTextNode(node, [spec('APT28', 2)], () => {}).mentions).toBe(1);
    } finally {
      Node.prototype.insertBefore = insertBefore;
      Object.defineProperty(CharacterData.prototype, 'data', descriptor);
    }
    expect(p.textContent).toBe('x APT28 y');
    expect(node.data).toBe('x ');
  });

  test('DOM contract: tag, data attributes, tabindex, role, aria-label, text', () => {
    const { p, node } = paragraph('x T1059.001 y');
    wrapTextNode(node, [spec('T1059.001', 2, 'technique', ['T1059.001', 'T1059'])], () => {});
    const el = p.querySelector('ti-mention')!;
    expect(el.localName).toBe('ti-mention');
    expect(el.getAttribute('data-ti-kind')).toBe('technique');
    expect(el.getAttribute('data-ti-id')).toBe('T1059.001 T1059');
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('role')).toBe('button');
    expect(el.getAttribute('aria-label')).toBe('ATT&CK technique: T1059.001');
    expect(el.childNodes).toHaveLength(1);
    expect(el.textContent).toBe('T1059.001');
    expect(customElements.get('ti-mention')).toBeUndefined();
  });

  test('labels for every kind', () => {
    expect(mentionLabel('actor', 'APT28')).toBe('Threat actor: APT28');
    expect(mentionLabel('technique', 'T1059')).toBe('ATT&CK technique: T1059');
    expect(mentionLabel('software', 'Mimikatz')).toBe('Software: Mimikatz');
    expect(mentionLabel('campaign', 'C0022')).toBe('Campaign: C0022');
    expect(mentionLabel('tactic', 'TA0001')).toBe('ATT&CK tactic: TA0001');
  });

  test('text that looks like markup stays text', () => {
    const { p, node } = paragraph('<img src=x onerror=alert(1)> APT28 &amp;');
    wrapTextNode(node, [spec('APT28', 29)], () => {});
    expect(p.querySelector('img')).toBeNull();
    expect(p.textContent).toBe('<img src=x onerror=alert(1)> APT28 &amp;');
  });

  test('does nothing for a detached node or when no match is valid', () => {
    const lone = document.createTextNode('APT28');
    expect(wrapTextNode(lone, [spec('APT28', 0)], () => {})).toEqual({ mentions: 0, pieces: [], parts: [] });
    const { p, node } = paragraph('APT28');
    expect(wrapTextNode(node, [spec('APT29', 0)], () => {}).mentions).toBe(0);
    expect(p.firstChild).toBe(node);
  });
});
