import type { PageEvidence } from '~/utils/matcher/context-policy';
import type { Match, TextMatcher } from '~/utils/matcher/matcher';
import { NameFlag, type AnnotationKind, type MatcherTable } from '~/utils/matcher/table';
import { startAnnotator, type Annotator, type AnnotatorOptions } from '~/utils/annotate/annotator';

/** One name the fake matcher knows. */
export interface FakeName {
  name: string;
  kind: AnnotationKind;
  ids: string[];
  common?: boolean;
}

export const fakeNames: FakeName[] = [
  { name: 'APT28', kind: 'actor', ids: ['G0007'] },
  { name: 'Fancy Bear', kind: 'actor', ids: ['G0007'] },
  { name: 'Lazarus Group', kind: 'actor', ids: ['G0032'] },
  { name: 'Lazarus', kind: 'actor', ids: ['G0032', 'etda-lazarus'], common: true },
  { name: 'Mimikatz', kind: 'software', ids: ['S0002'] },
  { name: 'T1059', kind: 'technique', ids: ['T1059'] },
  { name: 'T1059.001', kind: 'technique', ids: ['T1059.001'] },
  { name: 'Operation Dream Job', kind: 'campaign', ids: ['C0022'] },
  { name: 'TA0001', kind: 'tactic', ids: ['TA0001'] },
  { name: 'Axiom', kind: 'actor', ids: ['G0001'], common: true },
];

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * A tiny matcher with the real interface: exact, case-sensitive names on word boundaries,
 * longest first, sorted and non-overlapping. Counts its calls.
 */
export function createFakeMatcher(names: readonly FakeName[] = fakeNames): TextMatcher & { calls: number; texts: string[] } {
  const byLength = [...names].sort((a, b) => b.name.length - a.name.length);
  const matcher = {
    calls: 0,
    texts: [] as string[],
    findAll(text: string): Match[] {
      matcher.calls++;
      matcher.texts.push(text);
      const out: Match[] = [];
      let i = 0;
      while (i < text.length) {
        const hit = isWordChar(text[i - 1])
          ? undefined
          : byLength.find((n) => text.startsWith(n.name, i) && !isWordChar(text[i + n.name.length]));
        if (hit) {
          out.push({ start: i, end: i + hit.name.length, text: hit.name, kind: hit.kind, ids: hit.ids, common: hit.common ?? false });
          i += hit.name.length;
        } else i++;
      }
      return out;
    },
  };
  return matcher;
}

/** Fake context policy: a common name needs 2 strong mentions or "threat" nearby. Checks its inputs. */
export function createFakePolicy() {
  const policy = {
    calls: 0,
    badOffsets: 0,
    accept(match: Match, surroundingText: string, evidence: PageEvidence): boolean {
      policy.calls++;
      if (surroundingText.slice(match.start, match.end) !== match.text) policy.badOffsets++;
      return evidence.strongMentions >= 2 || /threat/i.test(surroundingText);
    },
  };
  return policy;
}

export interface Session {
  annotator: Annotator;
  controller: AbortController;
  matcher: ReturnType<typeof createFakeMatcher>;
  policy: ReturnType<typeof createFakePolicy>;
}

/** Starts an annotator on `doc` with the fakes and short timings; `afterEach` should abort. */
export function startSession(doc: Document = document, options: Partial<AnnotatorOptions> = {}): Session {
  const controller = new AbortController();
  const matcher = createFakeMatcher();
  const policy = createFakePolicy();
  const annotator = startAnnotator(doc, {
    matcher,
    acceptCommonMatch: policy.accept,
    signal: controller.signal,
    debounceMs: 20,
    ...options,
  });
  return { annotator, controller, matcher: (options.matcher as typeof matcher | undefined) ?? matcher, policy };
}

/** Builds DOM from trusted test markup (the one place tests parse HTML). */
export function setBody(html: string, doc: Document = document): void {
  doc.body.innerHTML = html;
}

export function mentions(root: ParentNode = document): Element[] {
  return [...root.querySelectorAll('ti-mention')];
}

export function mentionTexts(root: ParentNode = document): string[] {
  return mentions(root).map((m) => m.textContent ?? '');
}

/** Appends a srcdoc iframe to the body and waits for happy-dom to load it. */
export async function appendSrcdocFrame(html: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = html;
  document.body.append(frame);
  await new Promise((r) => setTimeout(r, 30));
  return frame;
}

/** A small hand-written table in the compiler's format (not the generated one). */
export const smallTable: MatcherTable = {
  version: 1,
  entities: ['G0007', 'G0032', 'S0002', 'G0001', 'C0022'],
  entityKinds: 'aasac',
  names: [
    ['APT28', NameFlag.Primary, [0]],
    ['Fancy Bear', 0, [0]],
    ['Lazarus Group', NameFlag.Primary, [1]],
    ['Lazarus', NameFlag.Common, [1]],
    ['Mimikatz', NameFlag.Primary, [2]],
    ['Axiom', NameFlag.Primary | NameFlag.Common, [3]],
    ['Operation Dream Job', NameFlag.Primary, [4]],
  ],
  ids: { technique: ['T1059', 'T1059.001', 'T1003'], group: ['G0007'], software: ['S0002'], campaign: ['C0022'], tactic: ['TA0001'] },
};
