/**
 * The key under which names are compared when merging records: case, spacing and punctuation
 * do not count ("APT 28" = "APT28" = "apt-28").
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const ATTACK_GROUP_ID = /^G\d{4}$/;

/** ATT&CK group IDs written as names ("G0001" given by MITRE on ETDA cards, MISP synonyms). */
export function isGroupId(name: string): boolean {
  return ATTACK_GROUP_ID.test(name.trim());
}

/** Group IDs named by ATT&CK URLs such as https://attack.mitre.org/groups/G0001/. */
export function groupIdsInUrls(urls: readonly string[]): string[] {
  return urls.flatMap((u) => {
    const m = /attack\.mitre\.org\/groups\/(G\d{4})\b/i.exec(u);
    return m?.[1] ? [m[1].toUpperCase()] : [];
  });
}
