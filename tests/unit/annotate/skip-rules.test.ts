import { afterEach, describe, expect, test } from 'vitest';
import { isInSkippedArea, isSkippedElement, isWorthScanning } from '~/utils/annotate/skip-rules';
import { mentions, setBody, startSession, type Session } from './fixtures';

let session: Session | undefined;
afterEach(() => session?.controller.abort());

const skippedContainers: Record<string, string> = {
  script: '<script>var x = "APT28";</script>',
  style: '<style>/* APT28 */</style>',
  noscript: '<noscript>APT28</noscript>',
  template: '<template><p>APT28</p></template>',
  textarea: '<textarea>APT28</textarea>',
  select: '<select><option>APT28</option><optgroup label="x"><option>Mimikatz</option></optgroup></select>',
  button: '<button>APT28</button>',
  contenteditable: '<div contenteditable>APT28 <b>Mimikatz</b></div>',
  'contenteditable=true': '<div contenteditable="true"><p>APT28</p></div>',
  'contenteditable=plaintext-only': '<div contenteditable="plaintext-only">APT28</div>',
  CodeMirror: '<div class="CodeMirror"><pre>APT28</pre></div>',
  'cm-editor': '<div class="cm-editor"><div class="cm-line">APT28</div></div>',
  monaco: '<div class="monaco-editor"><span>APT28</span></div>',
  ProseMirror: '<div class="ProseMirror"><p>APT28</p></div>',
  Quill: '<div class="ql-editor"><p>APT28</p></div>',
  TinyMCE: '<div class="mce-content-body"><p>APT28</p></div><div class="tox"><span>Mimikatz</span></div>',
  Lexical: '<div data-lexical-editor="true"><p>APT28</p></div>',
  'our own UI': '<div data-ti-lens-ui><p>APT28</p></div><ti-lens-card><p>APT28</p></ti-lens-card>',
  'existing mention': '<ti-mention data-ti-kind="actor" data-ti-id="G0007">APT28 Mimikatz</ti-mention>',
};

describe('skipped elements', () => {
  test.each(Object.entries(skippedContainers))('%s: nothing annotated inside', async (_name, html) => {
    setBody(`<p>before</p>${html}<p>after APT28</p>`);
    const before = document.body.textContent;
    session = startSession();
    await session.annotator.whenIdle();
    // Only the control mention in the last paragraph.
    expect(mentions().filter((m) => m.closest('p')?.textContent === 'after APT28')).toHaveLength(1);
    expect(mentions().length).toBe(html.startsWith('<ti-mention') ? 2 : 1);
    expect(document.body.textContent).toBe(before);
  });

  test('svg <style>, <script>, <title> and text are skipped', async () => {
    // Built with createElementNS: happy-dom's parser mangles <style> inside <svg>.
    setBody('<p>after APT28</p>');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    for (const tag of ['style', 'script', 'title', 'text']) {
      const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
      el.textContent = 'APT28 Mimikatz';
      svg.append(el);
    }
    document.body.prepend(svg);
    const before = document.body.textContent;
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(1);
    expect(svg.querySelector('ti-mention')).toBeNull();
    expect(document.body.textContent).toBe(before);
  });

  test('contenteditable="false" is scanned', async () => {
    setBody('<div contenteditable="false">APT28</div>');
    session = startSession();
    await session.annotator.whenIdle();
    expect(mentions()).toHaveLength(1);
  });

  test('the whole document is skipped in design mode', async () => {
    setBody('<p>APT28</p>');
    document.designMode = 'on';
    try {
      session = startSession();
      await session.annotator.whenIdle();
      expect(mentions()).toHaveLength(0);
    } finally {
      document.designMode = 'off';
    }
  });

  test('isSkippedElement checks tag names and editor selectors', () => {
    const make = (tag: string, attrs: Record<string, string> = {}) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    };
    expect(isSkippedElement(make('script'))).toBe(true);
    expect(isSkippedElement(make('input'))).toBe(true);
    expect(isSkippedElement(make('div', { contenteditable: '' }))).toBe(true);
    expect(isSkippedElement(make('div', { contenteditable: 'false' }))).toBe(false);
    expect(isSkippedElement(make('div', { class: 'x monaco-editor' }))).toBe(true);
    expect(isSkippedElement(make('div', { class: 'content' }))).toBe(false);
    expect(isSkippedElement(make('p'))).toBe(false);
  });

  test('isInSkippedArea looks through ancestors and shadow hosts', () => {
    setBody('<div class="ProseMirror"><p><b>x</b></p></div><div id="host"></div>');
    const text = document.querySelector('b')!.firstChild!;
    expect(isInSkippedArea(text)).toBe(true);
    const host = document.getElementById('host')!;
    host.setAttribute('contenteditable', 'true');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    shadow.append(inner);
    expect(isInSkippedArea(inner)).toBe(true);
  });

  test('isWorthScanning rejects whitespace-only and 1-char text', () => {
    expect(isWorthScanning('')).toBe(false);
    expect(isWorthScanning('a')).toBe(false);
    expect(isWorthScanning(' \n\t\u00a0 ')).toBe(false);
    expect(isWorthScanning('ab')).toBe(true);
    expect(isWorthScanning('  x ')).toBe(true);
  });

  test('whitespace-only and single-character text nodes never reach the matcher', async () => {
    setBody('<p> </p><p>\n\t</p><p>x</p><p>ok text</p>');
    session = startSession();
    await session.annotator.whenIdle();
    expect(session.matcher.texts).toEqual(['ok text']);
  });
});
