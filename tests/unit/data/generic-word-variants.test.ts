import { describe, expect, it } from 'vitest';
import { genericWordVariants } from '../../../data/words/generic-word-variants';

describe('genericWordVariants', () => {
  it('lower-cases a leading "The" and a trailing generic word', () => {
    expect(genericWordVariants('The Dukes')).toEqual(['the Dukes']);
    expect(genericWordVariants('Lazarus Group')).toEqual(['Lazarus group']);
    expect(genericWordVariants('Sandworm Team')).toEqual(['Sandworm team']);
    expect(genericWordVariants('The Shadow Brokers Gang').sort()).toEqual(['The Shadow Brokers gang', 'the Shadow Brokers Gang', 'the Shadow Brokers gang']);
  });

  it('leaves other names alone', () => {
    expect(genericWordVariants('Axiom')).toEqual([]);
    expect(genericWordVariants('Group 72')).toEqual([]);
    expect(genericWordVariants('Theme Group')).toEqual(['Theme group']);
  });
});
