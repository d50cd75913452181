import { type MatcherTable, type NameEntry, NameFlag } from '../../../utils/matcher/table';

const { Common, LowerCaseSource, Primary } = NameFlag;

/** Entities of the fixture table: [id, kind code]. Indices are the refs used in `names`. */
const entities: [string, 'a' | 's' | 'c'][] = [
  ['G0007', 'a'], // 0 APT28
  ['S0013', 's'], // 1 PlugX
  ['G0010', 'a'], // 2 Turla
  ['G0032', 'a'], // 3 Lazarus Group
  ['G0001', 'a'], // 4 Axiom
  ['S0154', 's'], // 5 Cobalt Strike
  ['G0080', 'a'], // 6 Cobalt Group
  ['S0110', 's'], // 7 at
  ['G0088', 'a'], // 8 TEMP.Veles
  ['G0129', 'a'], // 9 Mustang Panda
  ['G1015', 'a'], // 10 Scattered Spider
  ['C0027', 'c'], // 11 a campaign
  ['misp-1cb7e1cc', 'a'], // 12 a MISP cluster also called "APT 28"
  ['G0034', 'a'], // 13 Sandworm Team
  ['S0022', 's'], // 14 Uroburos (Snake)
  ['S0183', 's'], // 15 Tor
  ['G0020', 'a'], // 16 Equation
  ['S0025', 's'], // 17 CALENDAR
  ['S0002', 's'], // 18 Mimikatz
  ['S0070', 's'], // 19 HTTPBrowser
  ['S0337', 's'], // 20 BadPatch
  ['S0098', 's'], // 21 T9000
  ['G1053', 'a'], // 22 Storm-0501
  ['S0089', 's'], // 23 BlackEnergy
];

const names: NameEntry[] = [
  ['APT28', Primary, [0]],
  ['APT 28', 0, [0, 12]],
  ['Fancy Bear', 0, [0]],
  ['Sofacy', 0, [0]],
  ['Axiom', Common | Primary, [4]],
  ['Group 72', 0, [4]],
  ['Mustang Panda', Primary, [9]],
  ['UNC3944', 0, [10]],
  ['Scattered Spider', Primary, [10]],
  ['Lazarus Group', Primary, [3]],
  ['Lazarus', Common, [3]],
  ['Turla', Primary, [2]],
  ['Snake', Common, [2, 14]],
  ['PlugX', Primary, [1]],
  ['Cobalt Strike', Primary, [5]],
  ['Cobalt', Common, [6]],
  ['Cobalt Group', Primary, [6]],
  ['at', Common | LowerCaseSource | Primary, [7]],
  ['TEMP.Veles', Primary, [8]],
  ['Sandworm Team', Primary, [13]],
  ['Sandworm', Common, [13]],
  ['Tor', Primary, [15]],
  ['Equation', Common | Primary, [16]],
  ['Calendar', Common, [17]],
  ['mimikatz', LowerCaseSource, [18]],
  ['Mimikatz', Primary, [18]],
  ['HTTPBrowser', Primary, [19]],
  ['BadPatch', Primary, [20]],
  ['T9000', Primary, [21]],
  ['Storm-0501', Primary, [22]],
  ['BlackEnergy', Primary, [23]],
];

export const fixtureTable: MatcherTable = {
  version: 1,
  entities: entities.map(([id]) => id),
  entityKinds: entities.map(([, kind]) => kind).join(''),
  names,
  ids: {
    technique: ['T1566', 'T1566.001', 'T1059', 'T1059.001', 'T1086', 'T1003', 'T1003.001'],
    group: ['G0001', 'G0007'],
    software: ['S0013'],
    campaign: ['C0027'],
    tactic: ['TA0001'],
  },
};

/** A table with only the name "MustangPanda", as one source writes it. */
export const camelCaseSourceTable: MatcherTable = {
  version: 1,
  entities: ['G0129'],
  entityKinds: 'a',
  names: [['MustangPanda', 0, [0]]],
  ids: { technique: [], group: [], software: [], campaign: [], tactic: [] },
};

/** Every name surface of the fixture table that the matcher may annotate. */
export const annotatableSurfaces: string[] = names
  .filter(([, flags]) => !(flags & Common && flags & LowerCaseSource))
  .map(([surface]) => surface);
