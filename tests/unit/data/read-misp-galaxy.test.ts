// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readMispActors, readMispProducers } from '../../../data/readers/read-misp-galaxy';
import { MICROSOFT_FILE, MISP_FILE, PRODUCER_FILE, cluster, galaxy, producerGalaxy, producers, uuidFor } from '../../fixtures/data/cards';
import { mispFixture } from '../../fixtures/data/source-tree';

describe('readMispProducers', () => {
  it('maps producer uuids to vendor names', () => {
    const map = readMispProducers(producerGalaxy(), PRODUCER_FILE);
    expect(map.get(producers.CrowdStrike)).toBe('CrowdStrike');
    expect(map.size).toBe(Object.keys(producers).length);
  });
});

describe('readMispActors', () => {
  const names = readMispProducers(producerGalaxy(), PRODUCER_FILE);
  const read = readMispActors(mispFixture(), MISP_FILE, names);
  const apt28 = read.clusters.find((c) => c.value === 'APT28')!;

  it('reads every cluster with its uuid and the galaxy version', () => {
    expect(read.version).toBe(349);
    expect(read.clusters.map((c) => c.value)).toEqual(['APT28', 'Wandering Spider']);
    expect(apt28.uuid).toBe(uuidFor('misp:APT28'));
  });

  it('names are the value then the synonyms (case-insensitive duplicates dropped), givers resolved through producers', () => {
    expect(apt28.names).toEqual([
      { name: 'APT28', givers: ['Mandiant'] },
      { name: 'Pawn Storm', givers: [] },
      { name: 'FANCY BEAR', givers: ['CrowdStrike'] },
      { name: 'G0007', givers: [] },
    ]);
  });

  it('collects every producer of a name and ignores unknown producers and malformed entries', () => {
    const c = readMispActors(
      galaxy([
        cluster('Twin Names', {
          synonyms: ['Other'],
          'name-attribution': [
            `Twin Names:${producers.Microsoft}`,
            `twin names:${producers.MITRE}`,
            `Twin Names:${producers.Microsoft}`,
            `Other:${uuidFor('unknown producer')}`,
            'no-colon',
            `:${producers.Mandiant}`,
          ],
        }),
      ]),
      MISP_FILE,
      names,
    ).clusters[0]!;
    expect(c.names).toEqual([
      { name: 'Twin Names', givers: ['Microsoft', 'MITRE'] },
      { name: 'Other', givers: [] },
    ]);
  });

  it('keeps only http(s) refs and reads the profile fields', () => {
    expect(apt28.refs).toEqual(['https://attack.mitre.org/groups/G0007/']);
    expect(apt28.country).toBe('RU');
    const c = readMispActors(
      galaxy([
        cluster('Profiled', {
          'cfr-suspected-state-sponsor': 'Russian Federation',
          'cfr-suspected-victims': ['Ukraine'],
          'cfr-target-category': ['Government'],
          'targeted-sector': ['Energy'],
          'cfr-type-of-incident': 'Espionage',
          since: '2014',
        }),
      ]),
      MISP_FILE,
    ).clusters[0]!;
    expect(c).toMatchObject({ sponsor: 'Russian Federation', victims: ['Ukraine'], sectors: ['Government', 'Energy'], motive: 'Espionage', since: '2014' });
  });

  it('reads a cluster without meta (Microsoft activity groups have little)', () => {
    const c = readMispActors(galaxy([{ value: 'Bare', uuid: uuidFor('bare') }], { version: 23 }), MICROSOFT_FILE).clusters[0]!;
    expect(c).toMatchObject({ value: 'Bare', names: [{ name: 'Bare', givers: [] }], refs: [], description: '' });
  });
});
