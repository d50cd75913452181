import { describe, expect, it } from 'vitest';
import { matcher, only, spans } from './match-helpers';

describe('ATT&CK IDs', () => {
  it('annotates valid IDs with their kind', () => {
    const kinds = matcher.findAll('T1566 G0001 S0013 C0027 TA0001 T1059.001').map((m) => [m.text, m.kind, m.ids]);
    expect(kinds).toEqual([
      ['T1566', 'technique', ['T1566']],
      ['G0001', 'actor', ['G0001']],
      ['S0013', 'software', ['S0013']],
      ['C0027', 'campaign', ['C0027']],
      ['TA0001', 'tactic', ['TA0001']],
      ['T1059.001', 'technique', ['T1059.001']],
    ]);
    expect(only('T1086').kind).toBe('technique'); // revoked but listed
  });

  it('reads a sub-technique as one match, never the parent plus text', () => {
    const m = only('Phishing (T1566.001).');
    expect([m.text, m.start, m.end]).toEqual(['T1566.001', 10, 19]);
  });

  it('annotates nothing for a parent followed by an unknown sub-technique', () => {
    expect(spans('T1566.002 and T1566.0011 and T1566.01')).toEqual([]);
  });

  it('annotates a parent at the end of a sentence or before a comma', () => {
    expect(spans('See T1566. Also T1059, T1003;')).toEqual(['T1566', 'T1059', 'T1003']);
  });

  it('ignores IDs that are not in the table, in lower case, or glued to words', () => {
    expect(spans('T9999 G9999 TA0002 t1566 ta0001 xT1566 T1566x T15660 T156')).toEqual([]);
  });

  it('matches a name that looks like an ID but is not one ("T9000")', () => {
    expect(only('the T9000 backdoor')).toMatchObject({ text: 'T9000', kind: 'software', ids: ['S0098'] });
  });

  it('ignores IDs inside URLs and paths', () => {
    expect(spans('https://attack.mitre.org/techniques/T1059/ and attack.mitre.org/techniques/T1566/001/')).toEqual([]);
    expect(spans('hxxps://evil[.]com/T1059.001 and /techniques/T1059')).toEqual([]);
  });
});
