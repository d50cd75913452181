import { afterEach, describe, expect, it } from 'vitest';
import { RichTextView, toParagraphs } from '../../../components/rich-text-view';
import { renderInto, textOf } from './render';

afterEach(() => {
  document.body.replaceChildren();
});

describe('RichTextView', () => {
  it('renders http(s) links opening in a new tab without an opener', () => {
    const el = renderInto(<RichTextView text={[{ text: 'See ' }, { text: 'the report', url: 'https://example.org/r' }, { text: '.' }]} />);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.org/r');
    expect(a.target).toBe('_blank');
    expect(a.rel).toBe('noopener noreferrer');
    expect(textOf(el)).toBe('See the report.');
  });

  it('shows markup as literal text and never creates elements from it', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const el = renderInto(<RichTextView text={[{ text: payload }, { text: '<b>label</b>', url: 'https://example.org/' }]} />);
    expect(el.querySelector('img, script, b')).toBeNull();
    expect(el.textContent).toContain(payload);
    expect(el.textContent).toContain('<b>label</b>');
  });

  it('drops links that are not http(s), keeping their text', () => {
    const el = renderInto(
      <RichTextView
        text={[
          { text: 'click', url: 'javascript:alert(1)' },
          { text: ' data', url: 'data:text/html,<img src=x>' },
          { text: ' rel', url: '/relative' },
        ]}
      />,
    );
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('[href]')).toBeNull();
    expect(textOf(el)).toBe('click data rel');
  });

  it('splits paragraphs on blank lines', () => {
    const el = renderInto(<RichTextView text={[{ text: 'One.\n\nTwo, ' }, { text: 'linked', url: 'https://example.org/' }, { text: '.\n \nThree.' }]} />);
    expect([...el.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['One.', 'Two, linked.', 'Three.']);
  });

  it('leaves out empty paragraphs', () => {
    expect(toParagraphs([{ text: '\n\nA\n\n\n\n' }])).toEqual([[{ text: 'A' }]]);
  });
});
