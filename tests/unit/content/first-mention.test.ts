import { afterEach, describe, expect, test } from 'vitest';
import { onFirstMention } from '~/utils/content/first-mention';
import { setBody } from '../annotate/fixtures';

const controllers: AbortController[] = [];
afterEach(() => {
  controllers.splice(0).forEach((c) => c.abort());
  document.body.replaceChildren();
});

const flush = () => new Promise((r) => setTimeout(r, 0));

function watch(doc: Document = document) {
  const controller = new AbortController();
  controllers.push(controller);
  let calls = 0;
  onFirstMention({ doc, MutationObserver: window.MutationObserver, signal: controller.signal, onMention: () => void calls++ });
  return { controller, calls: () => calls };
}

describe('onFirstMention', () => {
  test('a document that already holds a mention is reported at once', () => {
    setBody('<p>Seen: <ti-mention data-ti-kind="actor" data-ti-id="G0007">APT28</ti-mention></p>');
    expect(watch().calls()).toBe(1);
  });

  test('a document without mentions is not reported while the page changes', async () => {
    setBody('<p>An advert</p>');
    const watcher = watch();
    document.body.append(document.createElement('div'));
    document.querySelector('p')!.textContent = 'Another advert';
    await flush();
    expect(watcher.calls()).toBe(0);
  });

  test('the first mention written later is reported once, alone or inside an added subtree', async () => {
    setBody('<p id="p">APT28 was seen.</p>');
    const watcher = watch();
    const mention = document.createElement('ti-mention');
    mention.textContent = 'APT28';
    document.getElementById('p')!.prepend(mention);
    await flush();
    expect(watcher.calls()).toBe(1);
    const block = document.createElement('div');
    block.append(document.createElement('ti-mention'));
    document.body.append(block);
    await flush();
    expect(watcher.calls()).toBe(1);
    // A watcher started now sees the mentions already there.
    expect(watch().calls()).toBe(1);
  });

  test('a mention inside an added subtree counts', async () => {
    setBody('<p>nothing</p>');
    const watcher = watch();
    const block = document.createElement('section');
    block.append(document.createElement('p'));
    block.firstChild!.appendChild(document.createElement('ti-mention'));
    document.body.append(block);
    await flush();
    expect(watcher.calls()).toBe(1);
  });

  test('nothing is reported after the signal aborts', async () => {
    setBody('<p>nothing</p>');
    const watcher = watch();
    watcher.controller.abort();
    document.body.append(document.createElement('ti-mention'));
    await flush();
    expect(watcher.calls()).toBe(0);
  });
});
