import { describe, expect, it } from 'vitest';
import { cutAtWord, truncateRichText } from '../../../components/format/truncate-rich-text';

describe('truncateRichText', () => {
  it('keeps short text as it is', () => {
    const text = [{ text: 'Short.' }];
    expect(truncateRichText(text, 300)).toEqual({ text, truncated: false });
  });

  it('cuts at a word boundary and adds an ellipsis, without changing its input', () => {
    const text = [{ text: 'alpha beta gamma delta' }];
    expect(truncateRichText(text, 13)).toEqual({ text: [{ text: 'alpha beta…' }], truncated: true });
    expect(text[0]!.text).toBe('alpha beta gamma delta');
  });

  it('keeps links whole or drops them', () => {
    const text = [{ text: 'See ' }, { text: 'a long linked label', url: 'https://example.org/' }];
    expect(truncateRichText(text, 10).text).toEqual([{ text: 'See…' }]);
  });

  it('cuts a single over-long word hard', () => {
    expect(cutAtWord('abcdefghij', 4)).toBe('abcd');
  });
});
