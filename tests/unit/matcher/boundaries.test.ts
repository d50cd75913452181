import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../utils/matcher/matcher';
import type { MatcherTable } from '../../../utils/matcher/table';
import { matcher, only, spans } from './match-helpers';

describe('whole tokens', () => {
  it('never matches inside a longer word, including Unicode letters', () => {
    expect(spans('evilAPT28 APT28x ÄAPT28 APT28Ä APT28é ПAPT28 Turlaesque preTurla')).toEqual([]);
  });

  it('matches next to punctuation and brackets', () => {
    expect(spans('(Turla) "Turla" «Turla» Turla: Turla; Turla! ¿Turla?')).toEqual(Array(7).fill('Turla'));
  });

  it('rejects a match glued after ., -, _, [, /, \\ or @', () => {
    expect(spans('x.Turla -Turla _Turla [Turla \\Turla @Turla')).toEqual([]);
  });

  it('rejects a match glued before _, @, \\, .letter or -digit', () => {
    expect(spans('Turla_x Turla@x Turla\\x Turla.dll Turla.2 Turla-2')).toEqual([]);
  });

  it('accepts two names joined by one slash, but not a path', () => {
    expect(spans('APT28/Fancy Bear and Turla/Snake')).toEqual(['APT28', 'Fancy Bear', 'Turla', 'Snake']);
    expect(spans('/usr/bin/mimikatz groups/APT28/ a/b/Turla')).toEqual([]);
  });
});

describe('URLs, e-mail addresses, domains and files', () => {
  it('ignores names inside URLs', () => {
    expect(spans('https://example.com/apt28 http://turla.example www.turla.com hxxp://sofacy.net/x')).toEqual([]);
    expect(spans('see https://blog.example.org/posts/Turla-analysis today')).toEqual([]);
  });

  it('ignores names in e-mail addresses', () => {
    expect(spans('turla@example.com admin@turla.com sofacy-ops@mail.ru')).toEqual([]);
  });

  it('ignores defanged indicators', () => {
    expect(spans('turla[.]com sofacy(.)net apt28[dot]org hxxps[:]//plugx.site apt28[at]mail.ru')).toEqual([]);
  });

  it('ignores domain-like and file names', () => {
    expect(spans('apt28.example.com turla-c2.example.net mimikatz.exe C:\\tools\\mimikatz.exe PlugX.dll')).toEqual([]);
  });

  it('matches a name at the end of a sentence', () => {
    expect(spans('They used mimikatz. Then PlugX.')).toEqual(['mimikatz', 'PlugX']);
  });
});

describe('offsets', () => {
  it('counts UTF-16 code units, with emoji and astral letters before the match', () => {
    const text = '🔥😀 alert: APT28 and 𝒜 Turla';
    const matches = matcher.findAll(text);
    expect(matches.map((m) => [m.text, m.start, m.end])).toEqual([
      ['APT28', 12, 17],
      ['Turla', 25, 30],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('matches next to an emoji with no space', () => {
    const m = only('😀APT28😀');
    expect([m.start, m.end, m.text]).toEqual([2, 7, 'APT28']);
  });

  it('matches Latin names next to CJK text, which has no spaces', () => {
    expect(spans('APT28组织利用PlugX木马')).toEqual(['APT28', 'PlugX']);
    expect(spans('APT28は、Turlaと')).toEqual(['APT28', 'Turla']);
  });

  it('matches CJK and Hangul names inside running text', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0050', 'G0032'],
      entityKinds: 'aa',
      names: [['海莲花', 0, [0]], ['라자루스', 0, [1]]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    const m = createMatcher(table);
    expect(m.findAll('越南海莲花组织和라자루스는').map((x) => [x.text, x.start])).toEqual([
      ['海莲花', 2],
      ['라자루스', 8],
    ]);
    expect(m.findAll('海莲')).toEqual([]);
  });

  it('returns sorted, non-overlapping matches whose text is the slice', () => {
    const text = 'APT 28 (aka Fancy\u00a0Bear) used Cobalt Strike, PlugX and T1566.001 against…';
    expect(spans(text)).toEqual(['APT 28', 'Fancy\u00a0Bear', 'Cobalt Strike', 'PlugX', 'T1566.001']);
  });

  it('finds nothing in empty or name-free text', () => {
    expect(spans('')).toEqual([]);
    expect(spans('   \n\t ')).toEqual([]);
    expect(spans('The quick brown fox jumps over the lazy dog.')).toEqual([]);
  });
});
