// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOrdinaryName } from '../../../data/words/ordinary-name';
import { loadOrdinaryWords } from '../../../data/words/ordinary-words';

describe('isOrdinaryName with the real word lists', () => {
  const words = loadOrdinaryWords();

  it.each(['Axiom', 'Lazarus', 'Sandworm', 'Evil Corp', 'CIA'])('%s is ordinary language or another thing’s name', (name) => {
    expect(isOrdinaryName(name, words)).toBe(true);
  });

  it.each(['APT28', 'OilRig', 'Turla', 'Kimsuky', 'FIN7'])('%s is not', (name) => {
    expect(isOrdinaryName(name, words)).toBe(false);
  });
});

describe('isOrdinaryName rules (tiny word list)', () => {
  const words = new Set(['sand', 'worm', 'evil', 'corp', 'bear', 'cat']);

  it('accepts compounds of two words of four letters or more ("Sandworm" = sand + worm)', () => {
    expect(isOrdinaryName('Sandworm', words)).toBe(true);
    expect(isOrdinaryName('Sandcat', words)).toBe(false);
  });

  it('accepts plurals and multi-word names of ordinary words', () => {
    expect(isOrdinaryName('Evil Corp', words)).toBe(true);
    expect(isOrdinaryName('Bears', words)).toBe(true);
    expect(isOrdinaryName('Evil Zorp', words)).toBe(false);
  });

  it('treats any name of three letters or fewer as ordinary, unless it has digits', () => {
    expect(isOrdinaryName('CIA', words)).toBe(true);
    expect(isOrdinaryName('TA5', words)).toBe(false);
  });

  it('never calls a name with digits or camelCase ordinary', () => {
    expect(isOrdinaryName('Sand7worm', words)).toBe(false);
    expect(isOrdinaryName('SandWorm', words)).toBe(false);
    expect(isOrdinaryName('---', words)).toBe(false);
  });
});
