import { describe, expect, it } from 'vitest';
import { acceptCommonMatch, hasThreatContext, isAtSentenceStart, isInOtherProperNoun, isNameShaped, type PageEvidence } from '../../../utils/matcher/context-policy';
import type { Match } from '../../../utils/matcher/matcher';
import { matcher } from './match-helpers';

/** Common matches of `paragraph` and whether the policy accepts each. */
function decisions(paragraph: string, evidence: PageEvidence): [string, boolean][] {
  return matcher
    .findAll(paragraph)
    .filter((m) => m.common)
    .map((m) => [m.text, acceptCommonMatch(m, paragraph, evidence)]);
}

const none: PageEvidence = { strongMentions: 0 };
const threatPage: PageEvidence = { strongMentions: 4 };

describe('hasThreatContext', () => {
  const at = (text: string, word: string) => {
    const start = text.indexOf(word);
    return hasThreatContext(text, start, start + word.length);
  };

  it('finds strong threat words around the match', () => {
    expect(at('Sandworm deployed new malware against utilities.', 'Sandworm')).toBe(true);
    expect(at('Researchers say Sandworm hackers returned.', 'Sandworm')).toBe(true);
    expect(at('A nation-state crew, Sandworm, returned.', 'Sandworm')).toBe(true);
    expect(at('The threat actor Sandworm returned.', 'Sandworm')).toBe(true);
    expect(at('Sandworm exploited CVE-2024-3400 last year.', 'Sandworm')).toBe(true);
    expect(at('Sandworm, like APT29, returned.', 'Sandworm')).toBe(true);
    expect(at('Sandworm used a RAT and C2 servers.', 'Sandworm')).toBe(true);
  });

  it('ignores ordinary words, lower-case "apt" and "rat", and the match itself', () => {
    expect(at('An apt description of Lazarus, said the rat.', 'Lazarus')).toBe(false);
    expect(at('The threat of the group was an attack on the actors.', 'group')).toBe(false);
    expect(at('malware', 'malware')).toBe(false);
  });

  it('looks only about 300 characters around the match', () => {
    const filler = 'the desert was quiet and the spice harvest went on. '.repeat(8); // ~420 characters
    expect(at(`malware ${filler}Sandworm`, 'Sandworm')).toBe(false);
    expect(at(`malware ${filler.slice(0, 200)}Sandworm`, 'Sandworm')).toBe(true);
    expect(at(`Sandworm ${filler}malware`, 'Sandworm')).toBe(false);
  });
});

describe('isAtSentenceStart', () => {
  it('recognises block and sentence starts, after quotes and bullets', () => {
    expect(isAtSentenceStart('Calendar apps', 0)).toBe(true);
    expect(isAtSentenceStart('Busy week. Calendar apps', 11)).toBe(true);
    expect(isAtSentenceStart('Notes:\n- "Calendar apps', 10)).toBe(true);
    expect(isAtSentenceStart('We use Calendar apps', 7)).toBe(false);
  });
});

describe('isInOtherProperNoun and isNameShaped', () => {
  const at = (text: string, word: string) => {
    const start = text.indexOf(word);
    return isInOtherProperNoun(text, start, start + word.length);
  };

  it('sees a word inside a longer proper noun', () => {
    expect(at("Kaspersky unveiled the details at the company's annual Security Analyst Summit in Cancun this week.", 'Summit')).toBe(true);
    expect(at('researcher James Elliott said', 'James')).toBe(true);
    expect(at('the subject “For Ambassador’s Calendar,” was used', 'Calendar')).toBe(true);
  });

  it('does not count a capitalised sentence opener, lower-case neighbours or title-case headlines', () => {
    expect(at('The Sandworm hackers struck again.', 'Sandworm')).toBe(false);
    expect(at('Analysts say Sandworm struck again.', 'Sandworm')).toBe(false);
    expect(at('Russian Sandworm Hackers Target Ukrainian Power Grid Again', 'Sandworm')).toBe(false);
  });

  it('tells names from words by shape', () => {
    expect(isNameShaped('Secret Blizzard')).toBe(true);
    expect(isNameShaped('PunchBuggy')).toBe(true);
    expect(isNameShaped('Sandworm')).toBe(false);
    expect(isNameShaped('SUMMIT')).toBe(false);
  });
});

describe('acceptCommonMatch on ordinary pages', () => {
  it('rejects the Biblical Lazarus', () => {
    const text =
      'Jesus wept. Then he cried with a loud voice, Lazarus, come forth! And Lazarus, who had been dead four days, ' +
      'walked out of the tomb while the group of mourners watched in silence.';
    expect(decisions(text, none)).toEqual([
      ['Lazarus', false],
      ['Lazarus', false],
    ]);
  });

  it('rejects Sandworm in a Dune review, even with attack, actors, threat and espionage nearby', () => {
    const text =
      "Villeneuve's film is a triumph. When the Sandworm rises from the dunes, the attack on the spice harvester becomes " +
      'the great set piece; the actors sell the threat of the desert, and the espionage between the Great Houses never drags.';
    expect(decisions(text, none)).toEqual([['Sandworm', false]]);
  });

  it('rejects Axiom and Equation on a maths page', () => {
    const text =
      'Axiom of choice. The axiom states that every family of nonempty sets has a choice function. ' +
      'Equation (3) follows, and a group of logicians long rejected it.';
    expect(decisions(text, none)).toEqual([
      ['Axiom', false],
      ['Equation', false],
    ]);
    // Even on a page with other mentions: a capitalised word opening a sentence, with only "group" nearby.
    expect(decisions(text, threatPage)).toEqual([
      ['Axiom', false],
      ['Equation', false],
    ]);
  });

  it('rejects Cobalt on a chemistry page', () => {
    const text = 'Cobalt is a hard, lustrous metal. Cobalt compounds give glass a deep blue colour and the element is part of vitamin B12.';
    expect(decisions(text, none)).toEqual([
      ['Cobalt', false],
      ['Cobalt', false],
    ]);
  });

  it('rejects a sentence-initial dictionary word even on a threat page', () => {
    const text = 'Calendar apps are popular with small teams. Every group keeps a shared calendar for the campaign season.';
    expect(decisions(text, threatPage)).toEqual([['Calendar', false]]);
  });
});

describe('acceptCommonMatch on threat reports', () => {
  it('accepts Sandworm next to strong threat words', () => {
    const text = 'In 2022, Sandworm deployed Industroyer2 against a Ukrainian energy provider and wiped hosts with CaddyWiper malware.';
    expect(decisions(text, none)).toEqual([['Sandworm', true]]);
  });

  it('accepts with ordinary threat words only once the page has unambiguous mentions', () => {
    const text = 'Investigators linked the outage to Sandworm, which targeted the grid again in October.';
    expect(decisions(text, none)).toEqual([['Sandworm', false]]);
    expect(decisions(text, { strongMentions: 1 })).toEqual([['Sandworm', false]]);
    expect(decisions(text, { strongMentions: 2 })).toEqual([['Sandworm', true]]);
  });

  it('accepts a mid-sentence dictionary word on a threat page with an ordinary threat word', () => {
    const text = 'The attackers abused Calendar events to stage the next step.';
    expect(decisions(text, threatPage)).toEqual([['Calendar', true]]);
    expect(decisions(text, none)).toEqual([['Calendar', false]]);
  });

  it('accepts a sentence-initial name when strong threat words are near', () => {
    const text = 'Lazarus is a North Korean state-sponsored group behind many cryptocurrency heists.';
    expect(decisions(text, none)).toEqual([['Lazarus', true]]);
  });

  it('accepts a common name of an entity the page already names unambiguously', () => {
    const text = 'Turla (Snake / Secret Blizzard)';
    expect(decisions(text, { strongMentions: 1, entityIds: new Set(['G0010']) })).toEqual([['Snake', true]]);
    expect(decisions(text, { strongMentions: 1, entityIds: new Set(['G0034']) })).toEqual([['Snake', false]]);
  });

  it('accepts a name-shaped common name in a heading once the page has unambiguous mentions', () => {
    const heading = 'Turla (Snake / Secret Blizzard)';
    const start = heading.indexOf('Secret Blizzard');
    const match: Match = { start, end: start + 15, text: 'Secret Blizzard', kind: 'actor', ids: ['G0010'], common: true };
    expect(acceptCommonMatch(match, heading, { strongMentions: 2 })).toBe(true);
    expect(acceptCommonMatch(match, heading, { strongMentions: 1 })).toBe(false);
    // A single word still needs a threat word nearby.
    expect(decisions('Wer ist Sandworm?', { strongMentions: 5 })).toEqual([['Sandworm', false]]);
  });

  it('refuses a word inside another proper noun, even next to threat words', () => {
    const text = 'Researchers unveiled the malware at the annual Security Analyst Summit. Snake James Elliott spoke about phishing.';
    expect(decisions(text, threatPage)).toEqual([['Snake', false]]);
  });

  it('uses the match offsets inside the surrounding text, or finds the nearest occurrence', () => {
    const text = 'Cobalt is a metal. '.repeat(30) + 'The Cobalt gang used phishing.';
    const [match] = matcher.findAll('Cobalt').map((m) => ({ ...m, start: text.lastIndexOf('Cobalt'), end: text.lastIndexOf('Cobalt') + 6 }));
    expect(acceptCommonMatch(match!, text, none)).toBe(true);
    expect(acceptCommonMatch({ ...match!, start: 0, end: 6 }, text, none)).toBe(false);
    expect(acceptCommonMatch({ ...match!, start: text.length - 5, end: text.length + 1 }, text, none)).toBe(true);
  });
});

describe('acceptCommonMatch: indicators, weak names and known entities', () => {
  const match = (text: string, paragraph: string, ids: string[]): Match => {
    const start = paragraph.indexOf(text);
    return { start, end: start + text.length, text, kind: 'actor', ids, common: true };
  };

  it('takes an indicator written out nearby (IP address, defanged domain, hash) as threat context', () => {
    const p = 'At 07:41 the host beaconed to Tor exit 185.220.101.42 twice.';
    expect(acceptCommonMatch({ ...match('Tor', p, ['S0183']), kind: 'software' }, p, none)).toBe(true);
    const q = 'Payloads came from Sandworm at update[.]example[.]org last week.';
    expect(acceptCommonMatch(match('Sandworm', q, ['G0034']), q, none)).toBe(true);
    const plain = 'We took the night train to Tor and walked the old town.';
    expect(acceptCommonMatch({ ...match('Tor', plain, ['S0183']), kind: 'software' }, plain, none)).toBe(false);
  });

  it('refuses a single ordinary word that names only ETDA/MISP clusters, even on a threat page', () => {
    const p = 'Hackers fighting over the sandworms of Dune, the malware-themed novel.';
    expect(acceptCommonMatch(match('Dune', p, ['etda-f6519188']), p, threatPage)).toBe(false);
  });

  it('accepts such a word when the page already names that entity unambiguously', () => {
    const p = 'Dune returned this spring.';
    expect(acceptCommonMatch(match('Dune', p, ['etda-f6519188']), p, { strongMentions: 1, entityIds: new Set(['etda-f6519188']) })).toBe(true);
  });

  it('accepts a multi-word name with an ordinary threat word nearby, without page evidence', () => {
    const p = 'This is not the first time that Diamond Sleet has used a supply chain attack.';
    expect(acceptCommonMatch(match('Diamond Sleet', p, ['G0032']), p, none)).toBe(true);
    const q = 'We ordered the Diamond Sleet cocktail at the bar downtown.';
    expect(acceptCommonMatch(match('Diamond Sleet', q, ['G0032']), q, none)).toBe(false);
  });
});
