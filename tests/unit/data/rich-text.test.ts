// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { richTextToString, safeHttpUrl, toPlainText, toRichText } from '../../../data/text/rich-text';

describe('toRichText', () => {
  it('keeps markdown links as {text, url} segments between text segments', () => {
    expect(toRichText('[Axiom](https://attack.mitre.org/groups/G0001) is a [Talos](http://talos.example/g72) name.')).toEqual([
      { text: 'Axiom', url: 'https://attack.mitre.org/groups/G0001' },
      { text: ' is a ' },
      { text: 'Talos', url: 'http://talos.example/g72' },
      { text: ' name.' },
    ]);
  });

  it('removes (Citation: …) markers', () => {
    expect(toRichText('Axiom is a cyber espionage group.(Citation: Novetta-Axiom) It is Chinese. (Citation: A)(Citation: B)')).toEqual([
      { text: 'Axiom is a cyber espionage group. It is Chinese.' },
    ]);
  });

  it('strips HTML tags and decodes the common entities', () => {
    expect(toRichText('<p>Uses <code>cmd.exe</code> &amp; <script>alert(1)</script>PowerShell&nbsp;&lt;v5&gt;</p>')).toEqual([{ text: 'Uses cmd.exe & alert(1)PowerShell <v5>' }]);
  });

  it('turns javascript: and other non-http links into plain text', () => {
    expect(toRichText('Click [here](javascript:alert%281%29) or [there](data:text/html,x) or [mail](mailto:a@b.c).')).toEqual([
      { text: 'Click here or there or mail.' },
    ]);
  });

  it('leaves a link whose URL has parentheses as literal text, never as a link', () => {
    expect(toRichText('Click [here](javascript:alert(1)).')).toEqual([{ text: 'Click [here](javascript:alert(1)).' }]);
  });

  it('leaves the ETDA {{card}} braces out and keeps paragraphs', () => {
    expect(richTextToString(toRichText('{{APT 28}} is Russian.\r\n\r\n\r\nSecond  \nparagraph.'))).toBe('APT 28 is Russian.\n\nSecond\nparagraph.');
  });

  it('gives [] for no description', () => {
    expect(toRichText('')).toEqual([]);
    expect(toRichText(undefined)).toEqual([]);
    expect(toRichText(null)).toEqual([]);
  });

  it('never lets markup through, even from hostile input', () => {
    const text = richTextToString(toRichText('<img src=x onerror=alert(1)><a href="javascript:x">y</a>[<b>z</b>](https://e.example)'));
    expect(text).not.toMatch(/[<>]/);
    for (const seg of toRichText('[a](https://ok.example) [b](javascript:void(0)) [c](JAVASCRIPT:x)')) {
      if (seg.url) expect(seg.url).toMatch(/^https?:\/\//);
    }
  });
});

describe('toPlainText / safeHttpUrl', () => {
  it('keep only http(s) URLs', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(toPlainText(' x (Citation: Y) ')).toBe('x');
  });
});
