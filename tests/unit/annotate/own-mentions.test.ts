import { afterEach, describe, expect, test } from 'vitest';
import { isOwnMention, publishOwnMentions } from '~/utils/annotate/own-mentions';
import { appendSrcdocFrame, mentions, setBody, startSession, type Session } from './fixtures';

let session: Session | undefined;
afterEach(() => session?.controller.abort());

describe('own mentions', () => {
  test("the annotator's mentions are its own; a look-alike the page wrote is not", async () => {
    setBody('<p>APT28 and <ti-mention data-ti-kind="actor" data-ti-id="G0007" tabindex="0">forged</ti-mention></p>');
    session = startSession();
    await session.annotator.whenIdle();
    const [ours, forged] = mentions();
    expect(ours!.textContent).toBe('APT28');
    expect(isOwnMention(ours!)).toBe(true);
    expect(isOwnMention(forged!)).toBe(false);
    expect(session.annotator.isOwnMention(ours!)).toBe(true);
    expect(session.annotator.isOwnMention(forged!)).toBe(false);
    // A copy of our mention (same tag, attributes and text) is the page's.
    const copy = ours!.cloneNode(true) as Element;
    document.body.append(copy);
    expect(isOwnMention(copy)).toBe(false);
    // Other elements never are.
    expect(isOwnMention(document.body)).toBe(false);
  });

  test('known in frames the parent annotates (their hover cards run in the frame)', async () => {
    setBody('');
    const frame = await appendSrcdocFrame('<p>Mimikatz</p>');
    session = startSession();
    await session.annotator.whenIdle();
    const inFrame = mentions(frame.contentDocument!);
    expect(inFrame).toHaveLength(1);
    expect(isOwnMention(inFrame[0]!)).toBe(true);
  });

  test('forgotten when the annotator stops', async () => {
    setBody('<p>APT28</p>');
    session = startSession();
    await session.annotator.whenIdle();
    const [ours] = mentions();
    session.controller.abort();
    expect(isOwnMention(ours!)).toBe(false);
  });

  test('a newer annotator takes over the document; the older one stopping does not unpublish it', () => {
    const older = new AbortController();
    const newer = new AbortController();
    const el = document.createElement('ti-mention');
    publishOwnMentions(document, () => false, older.signal);
    publishOwnMentions(document, (e) => e === el, newer.signal);
    older.abort();
    expect(isOwnMention(el)).toBe(true);
    newer.abort();
    expect(isOwnMention(el)).toBe(false);
  });
});
