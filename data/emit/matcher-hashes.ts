/**
 * The matcher table's `nameHashes`: what the content script would otherwise derive from the
 * names at every page load, computed here by the matcher's own functions (name-keys.ts,
 * hash-set.ts), never by a copy of them. Layout and the runtime's checks: utils/matcher/name-hashes.ts.
 */
import { CONTINUATION_WORDS, KeyHashTable, type PrefixSink } from '../../utils/matcher/hash-set';
import { isNeverAnnotated, NAME_HASHES_FORMAT, NAME_HASHES_HEADER_BYTES, prefixRulesFingerprint } from '../../utils/matcher/name-hashes';
import { addNamePrefixes, nameKey } from '../../utils/matcher/name-keys';
import type { NameEntry, NameHashes } from '../../utils/matcher/table';

/** Records what addNamePrefixes finds: prefix flags by hash; continuations go to the runtime's own filter. */
class PrefixRecorder implements PrefixSink {
  readonly flags = new Map<number, number>();
  readonly filter = new KeyHashTable(0);
  addFlags(h: number, flags: number): void {
    this.flags.set(h, (this.flags.get(h) ?? 0) | flags);
  }
  addContinuation(h: number, code: number, nextCode: number): void {
    this.filter.addContinuation(h, code, nextCode);
  }
}

/** The precomputed name hashes of `names` (deterministic: every list sorted or in table order). */
export function emitNameHashes(names: readonly NameEntry[]): NameHashes {
  const recorder = new PrefixRecorder();
  const skipped: number[] = [];
  const fullKeyHashes: number[] = [];
  const keyOfHash = new Map<number, string>();
  let hashesIdentifyKeys = true;
  names.forEach(([surface, flags], i) => {
    const h = isNeverAnnotated(flags) ? undefined : addNamePrefixes(recorder, surface);
    fullKeyHashes.push(h ?? 0);
    if (h === undefined) {
      skipped.push(i);
      return;
    }
    const key = nameKey(surface);
    if ((keyOfHash.get(h) ?? key) !== key) hashesIdentifyKeys = false;
    keyOfHash.set(h, key);
  });

  const byFlags: number[][] = [[], [], []];
  for (const [h, flags] of recorder.flags) byFlags[flags - 1]!.push(h);
  for (const list of byFlags) list.sort((a, b) => (a >>> 0) - (b >>> 0));

  const bytes: number[] = [];
  const push32 = (v: number) => bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const list of byFlags) push32(list.length);
  push32(names.length);
  push32(hashesIdentifyKeys ? 1 : 0);
  push32(prefixRulesFingerprint());
  push32(CONTINUATION_WORDS);
  push32(skipped.length);
  if (bytes.length !== NAME_HASHES_HEADER_BYTES) throw new Error('nameHashes: the header does not match utils/matcher/name-hashes.ts');
  for (const list of byFlags) list.forEach(push32);
  skipped.forEach(push32);
  fullKeyHashes.forEach(push32);
  recorder.filter.continuationWords.forEach(push32);
  return { format: NAME_HASHES_FORMAT, data: Buffer.from(bytes).toString('base64') };
}
