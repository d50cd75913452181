/** A generated MatcherTable of about `nameCount` names, for when the real table is absent. */
import { type MatcherTable, type NameEntry, NameFlag } from '../../utils/matcher/table';
import { pick, seededRandom } from './timing';

const ADJECTIVES = ['Fancy', 'Cozy', 'Venomous', 'Wicked', 'Charming', 'Mustang', 'Stone', 'Gothic', 'Emerald', 'Velvet', 'Silent', 'Iron', 'Ruby', 'Sapphire', 'Diamond', 'Midnight', 'Secret', 'Aqua', 'Seashell', 'Mint', 'Crimson', 'Frozen', 'Hidden', 'Lucky', 'Golden', 'Scarlet', 'Royal', 'Shadow', 'Night', 'Pensive', 'Blue', 'Red', 'Black', 'White', 'Ghost', 'Dark', 'Copper', 'Jade', 'Onyx', 'Amber'];
const ANIMALS = ['Bear', 'Panda', 'Kitten', 'Spider', 'Chollima', 'Tiger', 'Jackal', 'Typhoon', 'Blizzard', 'Sleet', 'Sandstorm', 'Tempest', 'Ursa', 'Libra', 'Taurus', 'Scorpius', 'Pisces', 'Serpens', 'Lynx', 'Viper', 'Dragon', 'Falcon', 'Wolf', 'Hydra', 'Kraken', 'Owl', 'Hornet', 'Python'];
const PARTS = ['Shadow', 'Pad', 'Plug', 'Cobalt', 'Power', 'Sploit', 'Black', 'Energy', 'Hammer', 'Toss', 'Sea', 'Duke', 'Cozy', 'Car', 'Net', 'Wire', 'Smoke', 'Loader', 'Ice', 'Bot', 'Qak', 'Trick', 'Emo', 'Tet', 'Lock', 'Bit', 'Crypt', 'Agent', 'Rat', 'Gh0st', 'Poison', 'Ivy', 'Dark', 'Comet', 'Remcos', 'Nano', 'Core', 'Zeus', 'Dridex', 'Ursnif', 'Hive', 'Conti', 'Ryuk', 'Maze', 'Kaz', 'Uar', 'Gazer', 'Mosquito', 'Crutch', 'Tiny', 'Turla'];
const ELEMENTS = ['Mercury', 'Cobalt', 'Iridium', 'Phosphorus', 'Carbon', 'Nickel', 'Zinc', 'Hafnium', 'Nobelium', 'Actinium', 'Krypton', 'Strontium', 'Barium', 'Gallium', 'Holmium', 'Plutonium', 'Radium', 'Sulphur', 'Copper', 'Oxygen'];

export function syntheticTable(nameCount = 15_000, seed = 7): MatcherTable {
  const random = seededRandom(seed);
  const entities: string[] = [];
  let kinds = '';
  const names: NameEntry[] = [];
  const seen = new Set<string>();
  const add = (surface: string, flags: number, refs: number[]) => {
    if (seen.has(surface)) return;
    seen.add(surface);
    names.push([surface, flags, refs]);
  };
  while (names.length < nameCount) {
    const entity = entities.length;
    const kind = random() < 0.6 ? 'a' : random() < 0.95 ? 's' : 'c';
    entities.push(kind === 'a' ? `G${String(entity).padStart(4, '0')}` : kind === 's' ? `S${String(entity).padStart(4, '0')}` : `C${String(entity).padStart(4, '0')}`);
    kinds += kind;
    const aliases = 1 + Math.floor(random() * 5);
    for (let a = 0; a < aliases; a++) {
      const r = random();
      const n = Math.floor(random() * 9000) + 1;
      if (r < 0.3) add(`${pick(random, ADJECTIVES)} ${pick(random, ANIMALS)}`, 0, [entity]);
      else if (r < 0.45) add(`${pick(random, ['APT', 'UNC', 'TA', 'FIN', 'DEV-', 'Storm-', 'TG-', 'Group '])}${n}`, 0, [entity]);
      else if (r < 0.75) add(`${pick(random, PARTS)}${pick(random, PARTS)}${random() < 0.2 ? n % 10 : ''}`, 0, [entity]);
      else if (r < 0.85) add(pick(random, ELEMENTS) + (random() < 0.5 ? '' : ` ${pick(random, ['Group', 'Team', 'Gang'])}`), NameFlag.Common, [entity]);
      else add(`${pick(random, ADJECTIVES)}${pick(random, PARTS).toLowerCase()}${n % 100}`, 0, [entity]);
    }
  }
  return {
    version: 1,
    entities,
    entityKinds: kinds,
    names,
    ids: {
      technique: Array.from({ length: 700 }, (_, i) => `T${1000 + i}`).concat(Array.from({ length: 450 }, (_, i) => `T${1000 + (i % 700)}.${String(1 + (i % 9)).padStart(3, '0')}`)),
      group: entities.flatMap((id, i) => (kinds[i] === 'a' ? [id] : [])).slice(0, 200),
      software: entities.flatMap((id, i) => (kinds[i] === 's' ? [id] : [])).slice(0, 900),
      campaign: entities.flatMap((id, i) => (kinds[i] === 'c' ? [id] : [])).slice(0, 60),
      tactic: Array.from({ length: 40 }, (_, i) => `TA${String(i + 1).padStart(4, '0')}`),
    },
  };
}
