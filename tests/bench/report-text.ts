/**
 * Threat-report-like paragraphs generated from a hand-written vocabulary, the table's own
 * names and IDs, ordinary prose and indicators (URLs, defanged domains, file paths, hashes).
 */
import type { MatcherTable } from '../../utils/matcher/table';
import { pick, seededRandom } from './timing';

const TEMPLATES = [
  'In {month} {year}, {actor} targeted {sector} organizations in {country} using {software}.',
  'The campaign attributed to {actor} relied on spearphishing attachments ({technique}) and a custom {malwareType}.',
  'Analysts observed {software} beacons communicating with {domain} over HTTPS every {n} seconds.',
  '{actor}, also known as {actor2} and {actor3}, has been active since at least {year}.',
  'The loader decrypts the payload with a hard-coded RC4 key and injects it into {process} ({technique}).',
  'Researchers at {vendor} linked the intrusion to {actor} based on overlapping infrastructure and code reuse.',
  'Once inside, the operators used {software} for credential dumping ({technique}) and moved laterally with {software2}.',
  'The dropper writes {path} and creates a scheduled task named {word} for persistence ({technique}).',
  'Indicators of compromise include {hash}, {defanged} and {url}.',
  'According to the advisory, {actor}’s tooling overlaps with that of {actor2}, although the exact relationship remains unclear.',
  'The group exploited {cve} in internet-facing appliances before deploying {software}.',
  'Command and control traffic was tunnelled through legitimate cloud services such as {cloud}.',
  '{vendor} tracks this cluster as {actor}; other vendors use the names {actor2} or {actor3}.',
  'Victims received a lure document about {topic} that dropped {software} ({technique}).',
  'Mitigations such as application allow-listing and multi-factor authentication reduce the impact of {technique} and {technique2}.',
];

/** Report prose without names, IDs or indicators: most of a real report. */
const FILLER = [
  'The report was published on {month} {n}, {year}, and updated a week later with additional detections.',
  'Our team reviewed the logs of {n} hosts and found no further evidence of lateral movement.',
  'The initial access vector remains unknown, but the timeline suggests a compromised VPN account without multi-factor authentication.',
  'Defenders should review scheduled tasks, new services and unusual outbound connections on domain controllers.',
  'The attackers staged the collected archives in a temporary folder before uploading them in small chunks overnight.',
  'Several samples were compiled only hours before they were deployed, which suggests an active development team.',
  'Most of the infrastructure was rented from small hosting providers and paid for with cryptocurrency.',
  'We assess with moderate confidence that the activity supports intelligence collection rather than financial gain.',
  'The configuration is encrypted with a single-byte XOR key and stored in the resource section of the binary.',
  'Network defenders can hunt for the beaconing pattern by looking for regular connections with identical payload sizes.',
  'The victims include ministries, research institutes and a regional utility, all of which have been notified.',
  'After the disclosure, the operators rotated their servers and changed the encryption routine within two weeks.',
  'Readers can subscribe to the newsletter to receive weekly summaries of new research and upcoming webinars.',
  'The conference will take place in {country} next spring, with talks on cloud security, identity and incident response.',
  'Please contact the helpdesk if you have questions about your account, billing or the privacy policy.',
  'Quarterly revenue grew by {n} percent, driven by strong demand for managed detection and response services.',
];

const VOCAB = {
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  sector: ['government', 'defense', 'energy', 'telecommunications', 'healthcare', 'financial', 'aerospace', 'education', 'logistics', 'media'],
  country: ['Ukraine', 'Germany', 'the United States', 'South Korea', 'Japan', 'Taiwan', 'Poland', 'Israel', 'Saudi Arabia', 'Vietnam'],
  malwareType: ['backdoor', 'downloader', 'loader', 'remote access trojan', 'wiper', 'infostealer', 'implant', 'web shell'],
  process: ['explorer.exe', 'svchost.exe', 'rundll32.exe', 'msiexec.exe', 'notepad.exe'],
  vendor: ['Mandiant', 'Microsoft', 'CrowdStrike', 'ESET', 'Kaspersky', 'Proofpoint', 'Secureworks', 'Recorded Future', 'Talos'],
  word: ['OneDriveUpdate', 'GoogleUpdateTaskMachine', 'WindowsDefenderScan', 'AdobeSync', 'EdgeUpdater'],
  cloud: ['Dropbox', 'OneDrive', 'Google Drive', 'Telegram', 'Slack', 'GitHub'],
  topic: ['NATO exercises', 'energy prices', 'a job offer', 'COVID-19 vaccination', 'a diplomatic reception', 'tax refunds'],
};

function hex(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(random() * 16)];
  return s;
}

/**
 * Paragraphs totalling about `targetChars` characters. `templateShare` is the share of
 * sentences that name actors, software or techniques: 0.25 gives about the mention density
 * of the security pages of the dev corpus (~4,000 matches per MB); 0.7 is a dense stress case.
 */
export function reportParagraphs(table: MatcherTable, targetChars = 8_000_000, templateShare = 0.25, seed = 42): string[] {
  const random = seededRandom(seed);
  const names = table.names.map(([surface]) => surface);
  const ids = [...table.ids.technique];
  const name = () => pick(random, names);
  const host = () => `${pick(random, ['update', 'cdn', 'mail', 'secure', 'login', 'static'])}-${hex(random, 4)}.${pick(random, ['com', 'net', 'org', 'info', 'xyz'])}`;
  const fill = (template: string) =>
    template.replace(/\{(\w+?)\d?\}/g, (_, slot: string) => {
      switch (slot) {
        case 'actor':
        case 'software':
          return name();
        case 'technique':
          return ids.length > 0 ? pick(random, ids) : 'T1059';
        case 'year':
          return String(2010 + Math.floor(random() * 16));
        case 'n':
          return String(1 + Math.floor(random() * 120));
        case 'domain':
          return host();
        case 'defanged':
          return `hxxps://${host().replace('.', '[.]')}/${hex(random, 6)}`;
        case 'url':
          return `https://${host()}/api/v2/${name().replace(/\s+/g, '-').toLowerCase()}`;
        case 'path':
          return `C:\\ProgramData\\${name().replace(/\s+/g, '')}\\${hex(random, 6)}.dll`;
        case 'hash':
          return hex(random, 64);
        case 'cve':
          return `CVE-${2015 + Math.floor(random() * 10)}-${1000 + Math.floor(random() * 50000)}`;
        default:
          return pick(random, VOCAB[slot as keyof typeof VOCAB] ?? ['data']);
      }
    });
  const paragraphs: string[] = [];
  let total = 0;
  while (total < targetChars) {
    const sentences = 3 + Math.floor(random() * 6);
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) parts.push(fill(random() < templateShare ? pick(random, TEMPLATES) : pick(random, FILLER)));
    const paragraph = parts.join(' ');
    paragraphs.push(paragraph);
    total += paragraph.length + 1;
  }
  return paragraphs;
}
