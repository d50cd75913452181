// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readEtdaCards, readEvent } from '../../../data/readers/read-etda-cards';
import { ETDA_FILE, card, etdaExport, uuidFor } from '../../fixtures/data/cards';
import { etdaFixture } from '../../fixtures/data/source-tree';

describe('readEtdaCards', () => {
  const read = readEtdaCards(etdaFixture(), ETDA_FILE);
  const axiom = read.cards.find((c) => c.actor === 'Axiom, Group 72')!;

  it('reads every card with its uuid and the export date', () => {
    expect(read.file).toBe(ETDA_FILE);
    expect(read.version).toBe('2025-08-16');
    expect(read.cards.map((c) => c.actor)).toEqual(['Axiom, Group 72', 'APT 28, Fancy Bear', 'Lonely Panda']);
    expect(axiom.uuid).toBe(uuidFor('etda:Axiom, Group 72'));
  });

  it('reads every name with its name-giver, MITRE group IDs included', () => {
    expect(axiom.names).toEqual([
      { name: 'Axiom', giver: 'Novetta' },
      { name: 'Group 72', giver: 'Talos' },
      { name: 'G0001', giver: 'MITRE' },
    ]);
  });

  it('reads the profile fields and the ATT&CK URLs', () => {
    expect(axiom).toMatchObject({
      country: ['China'],
      motivation: ['Information theft and espionage'],
      firstSeen: '2008',
      tools: ['PlugX', 'Derusbi', 'Korplug'],
      information: ['https://example.com/group-72'],
      mitreAttack: ['https://attack.mitre.org/groups/G0001/'],
      cardUrl: 'https://apt.etda.or.th/cgi-bin/showcard.cgi?g=Axiom%2C%20Group%2072&n=1',
    });
  });

  it('splits operations into text and source URLs', () => {
    expect(axiom.operations).toEqual([{ date: '2008/2014', text: 'Operation “SMN”\nAxiom ran espionage.', urls: ['https://example.com/smn.pdf'] }]);
  });

  it('keeps a name without a giver with an empty giver, and skips empty names', () => {
    const c = readEtdaCards(etdaExport([{ ...card([['X', 'Y']]), names: [{ name: 'Solo' }, { name: '  ' }, 'junk', { name: ' Duo ', 'name-giver': ' V ' }] }]), ETDA_FILE).cards[0]!;
    expect(c.names).toEqual([
      { name: 'Solo', giver: '' },
      { name: 'Duo', giver: 'V' },
    ]);
  });

  it('reads counter-operations and drops a javascript: card URL', () => {
    const c = readEtdaCards(
      etdaExport([card([['X', 'Y']], { 'counter-operations': [{ date: '2020-05', activity: 'Arrests.\nhttps://example.com/a' }, { activity: '' }], _card_url: 'javascript:alert(1)' })]),
      ETDA_FILE,
    ).cards[0]!;
    expect(c.counterOperations).toEqual([{ date: '2020-05', text: 'Arrests.', urls: ['https://example.com/a'] }]);
    expect(c.cardUrl).toBeUndefined();
  });
});

describe('readEvent', () => {
  it('keeps URL lines as URLs wherever they are, text lines as text, and drops unsafe URLs', () => {
    expect(readEvent('Mid-2019', 'https://example.com/1\nFirst line <b>bold</b> (Citation: X)\n\nhttp://example.org/2 \njavascript:alert(1)')).toEqual({
      date: 'Mid-2019',
      text: 'First line bold\njavascript:alert(1)',
      urls: ['https://example.com/1', 'http://example.org/2'],
    });
  });

  it('leaves a URL inside a sentence in the text', () => {
    expect(readEvent(undefined, 'See https://example.com/x for more.')).toEqual({ date: undefined, text: 'See https://example.com/x for more.', urls: [] });
  });
});
