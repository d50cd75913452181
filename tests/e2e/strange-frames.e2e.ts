import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtensions, type LaunchedWithOthers } from './harness/launch-with-extensions';
import { contentScriptFrames, fixturePagesDir, mentionReport, recordPageErrors } from './harness/page-probes';
import { serveFolder, type StaticServer } from './harness/static-server';
import { waitForAnnotations } from './harness/wait-for-annotations';

const otherExtensionDir = join(fixturePagesDir, 'strange/other-extension');

/** Serves one PDF as application/pdf (the static server has no PDF content type). */
async function servePdf(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = readFileSync(file);
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/report.pdf`,
    close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

const frameNamed = (page: Page, name: string): Frame => {
  const frame = page.frames().find((f) => f.name() === name);
  if (!frame) throw new Error(`No frame named ${name}: ${page.frames().map((f) => f.name() || f.url()).join(', ')}`);
  return frame;
};

const bodyText = (frame: Frame) => frame.evaluate(() => document.body.textContent);

describe('frames, templates, SVG, other extensions and PDF', () => {
  let extension: LaunchedWithOthers;
  let server: StaticServer;
  let crossServer: StaticServer;

  beforeAll(async () => {
    extension = await launchWithExtensions([otherExtensionDir]);
    server = await serveFolder(fixturePagesDir);
    crossServer = await serveFolder(fixturePagesDir); // another port: another origin
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
    await crossServer?.close();
  });

  describe('a page with frames, a template and SVG text', () => {
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      page = await extension.context.newPage();
      errors = recordPageErrors(page);
      await page.goto(`${server.origin}/strange/frames.html?cross=${encodeURIComponent(`${crossServer.origin}/strange/frame-content.html`)}`);
      await page.waitForFunction(() => (window as unknown as { __page: { lateAdded: boolean } }).__page.lateAdded);
      await waitForAnnotations(page, { atLeast: 2 });
      // Frames are annotated by the top document's annotator (readable ones) or their own.
      for (const name of ['blank', 'srcdoc', 'nested', 'cross', 'late']) {
        await frameNamed(page, name).waitForFunction(() => document.querySelector('ti-mention'), null, { timeout: 10_000 });
      }
      await page.waitForTimeout(500); // and settled
    });

    afterAll(() => page?.close());

    it('runs the content script in the page and its frames', async () => {
      // The positive control for the other-extension and PDF tests below.
      const frames = await contentScriptFrames(page, extension.extensionOrigin);
      console.info(`[strange] TI Lens content script worlds on the frames page: ${frames.length} (${page.frames().length} frames)`);
      expect(frames).toContain(page.url());
    });

    it('annotates the top document, but not its template or SVG text, which stay as they were', async () => {
      expect((await mentionReport(page)).texts).toEqual(['APT28', 'T1059']);
      const state = await page.evaluate(() => {
        const w = window as unknown as { __page: { svgText: string; templateText: string } };
        const tpl = document.getElementById('tpl') as HTMLTemplateElement;
        return {
          svgKept: document.getElementById('svg')!.textContent === w.__page.svgText,
          templateKept: tpl.content.textContent === w.__page.templateText,
          templateMentions: tpl.content.querySelectorAll('ti-mention').length,
          svgMentions: document.querySelectorAll('svg ti-mention').length,
        };
      });
      expect(state).toEqual({ svgKept: true, templateKept: true, templateMentions: 0, svgMentions: 0 });
    });

    it('annotates about:blank frames filled by script (also one added later), srcdoc frames, nested ones and cross-origin ones', async () => {
      const expected: Record<string, [string[], string]> = {
        blank: [['APT28', 'T1059.001'], 'In about:blank: APT28 used T1059.001.'],
        srcdoc: [['G0007', 'Mimikatz'], 'In srcdoc: G0007 ran Mimikatz.'],
        nested: [['T1566.001'], 'Nested srcdoc: T1566.001'],
        cross: [['APT28', 'T1059'], '\nCross-origin frame: APT28 used T1059.\n\n\n'],
        late: [['Sandworm Team', 'BlackEnergy'], 'Late about:blank frame: Sandworm Team and BlackEnergy.'],
      };
      for (const [name, [mentions, text]] of Object.entries(expected)) {
        const frame = frameNamed(page, name);
        const report = await mentionReport(frame);
        expect(report.texts, name).toEqual(mentions);
        expect(report.nested, name).toBe(0);
        expect(report.malformed, name).toBe(0);
        expect(await bodyText(frame), name).toBe(text);
      }
      // The srcdoc's own template stays untouched.
      expect(await frameNamed(page, 'srcdoc').evaluate(() => document.querySelector('template')!.content.querySelectorAll('ti-mention').length)).toBe(0);
    });

    it('annotates a sandboxed srcdoc frame (opaque origin) with its own content script, text intact', async () => {
      const frame = frameNamed(page, 'sandboxed');
      await expect.poll(async () => (await mentionReport(frame)).count, { timeout: 5000 }).toBe(1);
      const report = await mentionReport(frame);
      expect(report.texts).toEqual(['APT28']);
      expect(report.nested).toBe(0);
      // Its hover card loads there too (the card UI is imported into the frame).
      await frame.locator('ti-mention').hover();
      await frame.locator('ti-lens-card').waitFor({ state: 'attached', timeout: 5000 });
      expect(await bodyText(frame)).toBe('Sandboxed srcdoc: APT28');
      expect(errors).toEqual([]);
    });
  });

  it("does not run on another extension's pages, and nothing breaks there", async () => {
    const [other] = extension.others;
    const page = await extension.context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(`chrome-extension://${other!.extensionId}/page.html`);
    await page.waitForTimeout(2000); // document_idle has long passed: the content script would have run
    expect(await contentScriptFrames(page, extension.extensionOrigin)).toEqual([]);
    for (const frame of page.frames()) expect((await mentionReport(frame)).count, frame.url()).toBe(0);
    expect(await page.evaluate(() => document.body.textContent === (window as unknown as { __page: { text: string } }).__page.text)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a PDF without annotating or breaking anything (skipped when headless Chromium has no PDF viewer)', async (context) => {
    const pdf = await servePdf(join(fixturePagesDir, 'strange/report.pdf'));
    const page = await extension.context.newPage();
    const errors = recordPageErrors(page);
    try {
      const response = await page.goto(pdf.url).catch((error: Error) => error);
      if (response instanceof Error) {
        // "Download is starting": no PDF viewer in this Chromium.
        console.info(`[strange] PDF: no viewer (${response.message.split('\n')[0]}): skipped`);
        context.skip();
        return;
      }
      await page.waitForTimeout(2000);
      const frames = page.frames().map((f) => f.url());
      // Chromium's PDF viewer is a component extension framed into the PDF's page.
      const viewer = frames.some((url) => url.startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'));
      console.info(`[strange] PDF: viewer ${viewer ? 'present' : 'absent'}; frames ${JSON.stringify(frames)}; top document ${JSON.stringify((await page.content()).slice(0, 300))}`);
      if (!viewer) {
        context.skip();
        return;
      }
      // The content script may run in the page that frames the viewer (it has no text), never in the viewer.
      const worlds = await contentScriptFrames(page, extension.extensionOrigin);
      console.info(`[strange] PDF: TI Lens content script in ${JSON.stringify(worlds)}`);
      expect(worlds.filter((url) => url.startsWith('chrome-extension://'))).toEqual([]);
      expect((await mentionReport(page)).count).toBe(0);
      for (const frame of page.frames().slice(1)) {
        // The viewer's own frames may refuse evaluation: then there is nothing the page can see either.
        const count = await mentionReport(frame).then((r) => r.count, () => 0);
        expect(count, frame.url()).toBe(0);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await pdf.close();
    }
  });
});
