import { afterEach, describe, expect, test } from 'vitest';
import { collectScreenText, type ScreenDiscoveries } from '~/utils/content/screen-text';
import { appendSrcdocFrame, setBody } from '../annotate/fixtures';
import { accessibleFrameDocument } from '~/utils/annotate/frames';

const LIMITS = { maxChars: 10_000, maxNodes: 1_000 };

function discoveries() {
  const shadowRoots: ShadowRoot[] = [];
  const frames: Element[] = [];
  const found: ScreenDiscoveries = {
    onShadowRoot: (root) => void shadowRoots.push(root),
    onFrame: (frame) => {
      frames.push(frame);
      return accessibleFrameDocument(frame);
    },
  };
  return { found, shadowRoots, frames };
}

afterEach(() => document.body.replaceChildren());

describe('collectScreenText', () => {
  test('one string per text node, so text from neighbouring nodes is never glued into one word', () => {
    setBody('<p>see</p><p>Turla<b>APT</b>28</p>');
    const { texts, complete } = collectScreenText([document.body], LIMITS, discoveries().found);
    expect(complete).toBe(true);
    expect(texts).toEqual(['see', 'Turla', 'APT', '28']);
  });

  test('leaves out script, style, form fields and SVG by their tag, but keeps text it cannot rule out', () => {
    setBody(
      '<script>var apt = "APT28"</script><style>.x{}</style><textarea>APT29</textarea><svg><text>APT30</text></svg>' +
        '<div contenteditable>typed APT31</div><p>plain APT32</p>',
    );
    const { texts } = collectScreenText([document.body], LIMITS, discoveries().found);
    // The editable area is kept: the annotator skips it by selector, and extra text only makes a screening say "maybe".
    expect(texts).toEqual(['typed APT31', 'plain APT32']);
  });

  test('skips single characters, which can hold no mention', () => {
    setBody('<p>a</p>\n<p>ok</p>');
    expect(collectScreenText([document.body], LIMITS, discoveries().found).texts).toEqual(['ok']);
  });

  test('walks open shadow roots and reports them', () => {
    setBody('<p>light</p><div id="host"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.append(document.createElement('p'));
    root.firstChild!.textContent = 'in the shadow: Turla';
    const seen = discoveries();
    const { texts } = collectScreenText([document.body], LIMITS, seen.found);
    expect(texts).toEqual(['light', 'in the shadow: Turla']);
    expect(seen.shadowRoots).toEqual([root]);
  });

  test('walks the document of a frame it can read, and not the frame element\'s fallback', async () => {
    setBody('<p>top</p>');
    const frame = await appendSrcdocFrame('<p>inside the frame: APT28</p>');
    const seen = discoveries();
    const { texts } = collectScreenText([document.body], LIMITS, seen.found);
    expect(seen.frames).toEqual([frame]);
    expect(texts).toContain('inside the frame: APT28');
    expect(texts[0]).toBe('top');
  });

  test('takes added nodes as roots: a text node, an element, and nothing inside a skipped element', () => {
    setBody('<p id="p">x</p><script id="s"></script>');
    const p = document.getElementById('p')!;
    const added = document.createTextNode('added APT28');
    p.append(added);
    const inScript = document.createTextNode('var x = "APT29"');
    document.getElementById('s')!.append(inScript);
    const div = document.createElement('div');
    div.textContent = 'added element';
    document.body.append(div);
    expect(collectScreenText([added, inScript, div], LIMITS, discoveries().found).texts).toEqual(['added APT28', 'added element']);
  });

  test('says it is incomplete past its limits, so that the page is not ruled out on part of its text', () => {
    setBody(`<p>${'word '.repeat(100)}</p><p>more</p>`);
    expect(collectScreenText([document.body], { maxChars: 100, maxNodes: 1000 }, discoveries().found).complete).toBe(false);
    setBody('<p>ab</p>'.repeat(50));
    expect(collectScreenText([document.body], { maxChars: 10_000, maxNodes: 20 }, discoveries().found).complete).toBe(false);
    expect(collectScreenText([document.body], { maxChars: 10_000, maxNodes: 200 }, discoveries().found).complete).toBe(true);
  });
});
