/**
 * The key exact-name look-ups compare: lower case, letters and digits only, so
 * "APT 28", "apt-28" and "APT28" meet.
 */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower case with runs of anything but letters and digits turned into one space. */
export function looseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A prefix of an ATT&CK ID ("t15", "T1566.0", "g00"), upper-cased; undefined otherwise. */
export function attackIdPrefix(text: string): string | undefined {
  const m = /^\s*((?:t|ta|g|s|c)\d{1,4}(?:\.\d{0,3})?)\s*$/i.exec(text);
  return m?.[1]?.toUpperCase();
}
