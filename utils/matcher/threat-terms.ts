/**
 * The words that make text around a common name ("Sandworm", "Lazarus", "Cobalt") read as
 * threat intelligence. The single place to tune the context policy's vocabulary.
 *
 * Terms are whole words; hyphenated words are also tried part by part ("cyber-espionage").
 * A term written with upper-case letters ("APT", "RAT", "C2") matches only exactly as written,
 * so "an apt remark" and "a rat" do not count; the others match in any case.
 */

/** One of these near a match is enough: they rarely occur outside security writing. */
export const STRONG_THREAT_TERMS: readonly string[] = [
  'APT', 'APTs', 'C2', 'C&C', 'IOC', 'IOCs', 'TTP', 'TTPs', 'RAT', 'RATs', 'MITRE',
  'malware', 'ransomware', 'spyware', 'infostealer', 'infostealers', 'stealer', 'keylogger', 'rootkit',
  'botnet', 'botnets', 'backdoor', 'backdoors', 'backdoored',
  'cyber', 'cyberattack', 'cyberattacks', 'cyberespionage', 'cybercrime', 'cybercriminal',
  'cybercriminals', 'cybersecurity', 'infosec',
  'hacker', 'hackers', 'hacking', 'hacked',
  'phishing', 'spearphishing', 'spear-phishing',
  'nation-state', 'state-sponsored', 'state-backed', 'zero-day', 'exfiltration', 'exfiltrated',
  'threat actor', 'threat actors', 'threat group', 'threat groups', 'threat intelligence',
  'intrusion set', 'APT group', 'hacking group',
];

/**
 * Ordinary words that also fill threat reports ("group", "campaign", "attack"). They count
 * only when the page already has unambiguous mentions: a Dune review has "attack", "actors"
 * and "espionage" too.
 */
export const WEAK_THREAT_TERMS: readonly string[] = [
  'threat', 'threats', 'actor', 'actors', 'group', 'groups', 'gang', 'campaign', 'campaigns',
  'attributed', 'attribution', 'compromise', 'compromised', 'breach', 'breached',
  'adversary', 'adversaries', 'intrusion', 'intrusions', 'exploit', 'exploits', 'exploited',
  'exploitation', 'espionage', 'payload', 'payloads', 'loader', 'implant', 'implants', 'wiper',
  'trojan', 'attack', 'attacks', 'attacker', 'attackers', 'targeted', 'targeting', 'operators',
  'vulnerability', 'vulnerabilities', 'sanctions', 'indicted', 'operation', 'deployed', 'variant',
  'beacon', 'beacons', 'alias', 'aliases', 'aka', 'tracked', 'linked', 'advisory', 'hacktivist',
  'hacktivists',
  // The same ordinary threat words in the other languages of vendor and news reports.
  'Gruppe', 'Gruppen', 'Angriff', 'Angriffe', 'Spionage', 'Schadsoftware', 'Sabotage',
  'grupa', 'grupy', 'atak', 'ataki', 'skupina', 'útok', 'útoky', 'ryhmä', 'hyökkäys', 'hyökkäykset',
];

/** Word beginnings that are strong in any language and compound: "Cyberangriffe", "Hackergruppe", "Malware-Samples". */
export const STRONG_THREAT_PREFIXES: readonly string[] = [
  'cyber', 'kyber', 'hacker', 'hakker', 'haker', 'malware', 'ransomware', 'spyware', 'botnet', 'phishing', 'backdoor',
];

/**
 * Indicators written out in the text: an IPv4 address, a defanged domain or URL, an MD5/SHA-1/
 * SHA-256 hash. Security writing is the only place they sit next to names.
 */
export const INDICATOR_PATTERN = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\[\.\]|\bhxxps?:|\b[a-f0-9]{32}(?:[a-f0-9]{8}|[a-f0-9]{32})?\b/i;

/** Token shapes that are strong evidence on their own: "APT28", "UNC2452", "CVE-2024-3400", "T1059". */
export const STRONG_TOKEN_PATTERN = /^(?:(?:APT|FIN|UNC|TA|DEV|Storm-?)\d{2,4}|CVE-\d{4}-\d{4,}|T\d{4})$/;
