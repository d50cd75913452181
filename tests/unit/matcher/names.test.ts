import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../utils/matcher/matcher';
import { type MatcherTable, NameFlag } from '../../../utils/matcher/table';
import { camelCaseSourceTable } from './fixtures';
import { matcher, only, spans } from './match-helpers';

describe('name variants', () => {
  it('matches case, spacing and hyphen variants of a name key', () => {
    expect(spans('APT28, APT 28, APT-28, apt28 and Apt 28 were seen.')).toEqual(['APT28', 'APT 28', 'APT-28', 'apt28', 'Apt 28']);
    expect(spans('Fancy Bear, FancyBear, fancy bear, FANCY-BEAR.')).toEqual(['Fancy Bear', 'FancyBear', 'fancy bear', 'FANCY-BEAR']);
    expect(spans('UNC3944, UNC 3944 and unc3944')).toEqual(['UNC3944', 'UNC 3944', 'unc3944']);
    expect(spans('Group 72 and Group72 but not Group 7 or Group 720')).toEqual(['Group 72', 'Group72']);
  });

  it('splits a camelCase source name where the text writes it apart', () => {
    const camel = createMatcher(camelCaseSourceTable);
    expect(camel.findAll('Mustang Panda, MustangPanda, Mustang-Panda, mustangpanda').map((m) => m.text)).toEqual([
      'Mustang Panda',
      'MustangPanda',
      'Mustang-Panda',
      'mustangpanda',
    ]);
    expect(camel.findAll('mustang panda')).toEqual([]);
    expect(spans('Mustang Panda and MustangPanda')).toEqual(['Mustang Panda', 'MustangPanda']);
  });

  it('needs the exact case where the text splits a name the source writes as one word', () => {
    expect(spans('HTTP Browser and BadPatch, Bad Patch, Black Energy')).toEqual(['HTTP Browser', 'BadPatch', 'Bad Patch', 'Black Energy']);
    expect(spans('a bad patch, some black energy, an http browser')).toEqual([]);
    expect(spans('blackenergy and badpatch')).toEqual(['blackenergy', 'badpatch']);
  });

  it('joins tokens across NBSP, one line break, and a dot only where the name has one', () => {
    expect(spans('Fancy\u00a0Bear')).toEqual(['Fancy\u00a0Bear']);
    expect(spans('Fancy  Bear and Fancy\n  Bear')).toEqual(['Fancy  Bear', 'Fancy\n  Bear']);
    expect(spans('Fancy\n\nBear')).toEqual([]);
    expect(spans('TEMP.Veles and temp.veles')).toEqual(['TEMP.Veles', 'temp.veles']);
    expect(spans('Fancy.Bear')).toEqual([]);
    expect(spans('Storm-0501 and Storm 0501')).toEqual(['Storm-0501', 'Storm 0501']);
  });

  it('ignores soft hyphens and zero-width characters inside a name but keeps them in the span', () => {
    const m = only('by APT\u00ad28 today');
    expect(m.text).toBe('APT\u00ad28');
    expect([m.start, m.end]).toEqual([3, 9]);
    expect(spans('Fancy\u200bBear, Tur\u200cla, Sofa\u2060cy')).toEqual(['Fancy\u200bBear', 'Tur\u200cla', 'Sofa\u2060cy']);
  });

  it('annotates the name of a possessive', () => {
    expect(spans("Turla's tools and Turla’s implants")).toEqual(['Turla', 'Turla']);
  });

  it('keeps a hyphen compound with letters, spanning the name only', () => {
    expect(spans('der Sandworm-Gruppe, PlugX-based loaders')).toEqual(['Sandworm', 'PlugX']);
    expect(spans('Turla-2 and PlugX-3')).toEqual([]);
  });
});

describe('longest match', () => {
  it('prefers the longest name and never overlaps', () => {
    expect(spans('Cobalt Strike beacons')).toEqual(['Cobalt Strike']);
    expect(only('Cobalt Strike').kind).toBe('software');
    expect(spans('the Lazarus Group and Lazarus group')).toEqual(['Lazarus Group', 'Lazarus group']);
    expect(only('Lazarus Group').common).toBe(false);
    expect(spans('Sandworm Team struck')).toEqual(['Sandworm Team']);
    expect(spans('Cobalt Group')).toEqual(['Cobalt Group']);
  });

  it('falls back to the shorter name when the longer one is not there', () => {
    expect(spans('Cobalt struck')).toEqual(['Cobalt']);
    expect(spans('Lazarus grouped')).toEqual(['Lazarus']);
  });

  it('continues after a match', () => {
    expect(spans('APT28 APT28 Fancy Bear Sofacy')).toEqual(['APT28', 'APT28', 'Fancy Bear', 'Sofacy']);
  });
});

describe('kinds, ids and merged surfaces', () => {
  it('gives the kind of the best entity and the ids best first', () => {
    expect(only('PlugX').kind).toBe('software');
    expect(only('PlugX').ids).toEqual(['S0013']);
    expect(only('Turla').kind).toBe('actor');
    const snake = only('Snake');
    expect(snake.kind).toBe('actor');
    expect(snake.ids).toEqual(['G0010', 'S0022']);
  });

  it('merges the refs of every surface with the same key, first surface first, without duplicates', () => {
    expect(only('APT28').ids).toEqual(['G0007', 'misp-1cb7e1cc']);
    expect(only('APT 28').ids).toEqual(['G0007', 'misp-1cb7e1cc']);
    expect(only('Sofacy').ids).toEqual(['G0007']);
  });

  it('annotates campaigns', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['C0027'],
      entityKinds: 'c',
      names: [['Operation Dream Job', 0, [0]]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    const m = createMatcher(table).findAll('during Operation Dream Job.');
    expect(m.map((x) => [x.text, x.kind, x.ids])).toEqual([['Operation Dream Job', 'campaign', ['C0027']]]);
  });

  it('skips names whose entities have no annotation kind', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['x-1'],
      entityKinds: 'z',
      names: [['Oddity', 0, [0]], ['Nothing', 0, []]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    expect(createMatcher(table).findAll('Oddity and Nothing')).toEqual([]);
  });
});

describe('case rules', () => {
  it('matches common names only in their exact case, marked common', () => {
    const m = only('the Lazarus campaign');
    expect(m).toMatchObject({ text: 'Lazarus', kind: 'actor', ids: ['G0032'], common: true });
    expect(spans('LAZARUS, lazarus, cobalt, COBALT, sandworm, axiom')).toEqual([]);
    expect(spans('Axiom and Cobalt and Sandworm and Equation and Calendar')).toEqual(['Axiom', 'Cobalt', 'Sandworm', 'Equation', 'Calendar']);
    expect(matcher.findAll('Axiom Sandworm').every((m) => m.common)).toBe(true);
  });

  it('matches a non-common name in any case, not marked common', () => {
    expect(matcher.findAll('TURLA, turla, Turla').map((m) => [m.text, m.common])).toEqual([
      ['TURLA', false],
      ['turla', false],
      ['Turla', false],
    ]);
  });

  it('never annotates a lower-case common name like "at"', () => {
    expect(spans('at noon, AT 5, At last, at.')).toEqual([]);
  });

  it('matches short names that are not acronyms only in their exact case', () => {
    expect(spans('Tor exit nodes')).toEqual(['Tor']);
    expect(spans('TOR and tor')).toEqual([]);
  });

  it('treats a short all-caps name as case-sensitive but a short name with digits as not', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0048', 'G0034'],
      entityKinds: 'aa',
      names: [['RTM', 0, [0]], ['BE2', 0, [1]]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    const m = createMatcher(table);
    expect(m.findAll('RTM, rtm, BE2, be2').map((x) => x.text)).toEqual(['RTM', 'BE2', 'be2']);
  });

  it('accepts a case variant when at least one surface of the key is not common', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0034'],
      entityKinds: 'a',
      names: [['IRIDIUM', NameFlag.Common, [0]], ['Iridium', 0, [0]]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    expect(createMatcher(table).findAll('IRIDIUM, Iridium, iridium').map((x) => [x.text, x.common])).toEqual([
      ['IRIDIUM', false],
      ['Iridium', false],
      ['iridium', false],
    ]);
  });

  it('accepts either exact surface of an all-common key', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0069'],
      entityKinds: 'a',
      names: [['MERCURY', NameFlag.Common, [0]], ['Mercury', NameFlag.Common, [0]]],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    expect(createMatcher(table).findAll('MERCURY, Mercury, mercury').map((x) => x.text)).toEqual(['MERCURY', 'Mercury']);
  });

  it('accepts capitalised case variants of a common name, never lower-case or all-caps ones', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0034', 'G0081', 'S0196'],
      entityKinds: 'aas',
      names: [
        ['IRON VIKING', NameFlag.Common, [0]],
        ['Iron', NameFlag.Common, [1]],
        ['PUNCHBUGGY', NameFlag.Common, [2]],
      ],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    const m = createMatcher(table);
    expect(m.findAll('Iron Viking, PunchBuggy, Punchbuggy').map((x) => [x.text, x.common])).toEqual([
      ['Iron Viking', true],
      ['PunchBuggy', true],
      ['Punchbuggy', true],
    ]);
    expect(m.findAll('iron viking, punchbuggy, Iron viking, PUNCHBUGGy').map((x) => x.text)).toEqual(['PUNCHBUGGy']);
  });

  it('does not fall back to a shorter name inside a longer one that fails its case rule', () => {
    const table: MatcherTable = {
      version: 1,
      entities: ['G0034', 'G0081'],
      entityKinds: 'aa',
      names: [
        ['IRON VIKING', NameFlag.Common, [0]],
        ['Iron', NameFlag.Common, [1]],
      ],
      ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
    };
    expect(createMatcher(table).findAll('Iron viking. Iron bars.').map((x) => x.text)).toEqual(['Iron']);
    expect(createMatcher(table).findAll('Iron viking. Iron bars.')[0]!.start).toBe(13);
  });
});
