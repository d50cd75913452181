import { describe, expect, it } from 'vitest';
import { attackIdPrefix, looseText, nameKey } from '../../../utils/search/name-key';

describe('search normalisation', () => {
  it('compares names by letters and digits only', () => {
    expect(nameKey('APT 28')).toBe(nameKey('apt-28'));
    expect(nameKey('Fancy Bear')).toBe('fancybear');
    expect(nameKey('ＡＰＴ２８')).toBe('apt28');
  });

  it('keeps word boundaries for substring matching', () => {
    expect(looseText('Phishing: Spearphishing  Link')).toBe('phishing spearphishing link');
  });

  it('recognises ATT&CK ID prefixes case-insensitively', () => {
    expect(attackIdPrefix('t15')).toBe('T15');
    expect(attackIdPrefix('T1566.0')).toBe('T1566.0');
    expect(attackIdPrefix('g00')).toBe('G00');
    expect(attackIdPrefix('apt')).toBeUndefined();
    expect(attackIdPrefix('t')).toBeUndefined();
  });
});
