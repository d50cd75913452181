import { describe, expect, test } from 'vitest';
import { contextContainer, surroundingText } from '~/utils/annotate/surrounding-text';
import { setBody } from './fixtures';

function textNodeContaining(needle: string): Text {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(needle)) return n as Text;
  throw new Error(`no text node with ${needle}`);
}

describe('contextContainer', () => {
  test('is the nearest block-level ancestor', () => {
    setBody('<div><p>The <b><i>Lazarus</i></b> group</p></div>');
    expect((contextContainer(textNodeContaining('Lazarus')) as Element).localName).toBe('p');
  });

  test('stops at a shadow root', () => {
    setBody('<span id="host"></span>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const span = document.createElement('span');
    span.textContent = 'Lazarus';
    shadow.append(span);
    expect(contextContainer(span.firstChild!)).toBe(shadow);
  });
});

describe('surroundingText', () => {
  test('is the block text across inline elements, with offsets translated', () => {
    setBody('<p>Malware by the <b>Lazarus</b> group, <script>x()</script>per <i>reports</i>.</p><p>Next</p>');
    const node = textNodeContaining('Lazarus');
    const window = surroundingText(node, 0, 7);
    expect(window.text).toBe('Malware by the Lazarus group, per reports.');
    expect(window.text.slice(window.start, window.end)).toBe('Lazarus');
  });

  test('is capped around the match for a long block', () => {
    const filler = 'word '.repeat(2000);
    setBody(`<div>${filler}<span>before Axiom after</span>${filler}</div>`);
    const node = textNodeContaining('Axiom');
    const window = surroundingText(node, 7, 12, 200);
    expect(window.text.length).toBeLessThanOrEqual(200);
    expect(window.text.slice(window.start, window.end)).toBe('Axiom');
    expect(window.start).toBeGreaterThan(80);
  });

  test('a match inside a huge text node gets a window from that node', () => {
    const node = document.createTextNode(`${'a '.repeat(5000)}Axiom${' b'.repeat(5000)}`);
    setBody('<p></p>');
    document.querySelector('p')!.append(node);
    const window = surroundingText(node, 10000, 10005, 2000);
    expect(window.text.length).toBeLessThanOrEqual(2000);
    expect(window.text.slice(window.start, window.end)).toBe('Axiom');
  });
});
