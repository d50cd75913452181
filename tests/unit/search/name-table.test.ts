import { describe, expect, it } from 'vitest';
import { buildNameTable } from '../../../utils/search/name-table';
import type { SearchDoc } from '../../../utils/search/search-doc';

describe('the build-time name table', () => {
  it('lists primary names, "Parent: name" and aliases, normalised', () => {
    const docs: SearchDoc[] = [
      { id: 'G0007', kind: 'actor', name: 'APT28', aliases: ['Fancy Bear'], aliasWeights: [5] },
      { id: 'T1566.001', kind: 'technique', name: 'Spearphishing Attachment', aliases: [], parent: 'Phishing' },
    ];
    expect(buildNameTable(docs)).toEqual({
      doc: [0, 0, 1, 1],
      text: ['apt28', 'fancy bear', 'spearphishing attachment', 'phishing spearphishing attachment'],
      alias: [-1, 0, -1, -1],
    });
  });
});
