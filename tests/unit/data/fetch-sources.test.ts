// @vitest-environment node
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFile, fetchSources, planDownloads } from '../../../data/cli/fetch-sources';
import { SourceError } from '../../../data/source-error';
import { type SourceSpec, sourceSpecs } from '../../../data/source-manifest';
import { writeSourceTree } from '../../fixtures/data/source-tree';

const noNetwork = (url: string): Promise<Response> => {
  throw new Error(`the network was touched: ${url}`);
};

describe('planDownloads', () => {
  it('plans every file of data/sources.json into <cache>/<file> from its url', () => {
    const plan = planDownloads(sourceSpecs, '/repo/.cache/sources');
    expect(plan.map((d) => d.file)).toEqual(sourceSpecs.flatMap((s) => s.files.map((f) => f.file)));
    expect(plan).toContainEqual({
      file: 'attack/enterprise-attack.json',
      url: sourceSpecs[0]!.files[0]!.url,
      target: path.resolve('/repo/.cache/sources/attack/enterprise-attack.json'),
    });
    for (const d of plan) expect(d.url).toMatch(/^https:\/\//);
    expect(new Set(plan.map((d) => d.target)).size).toBe(plan.length);
  });

  it('refuses a file that would land outside the cache folder, or a non-https url', () => {
    const spec = (file: string, url = 'https://example.com/x.json'): SourceSpec => ({ ...sourceSpecs[0]!, files: [{ file, url, format: 'x' }] });
    expect(() => planDownloads([spec('../../etc/passwd')], '/repo/.cache/sources')).toThrow(/leaves the cache folder/);
    expect(() => planDownloads([spec('a.json', 'http://example.com/a.json')], '/c')).toThrow(/no https url/);
  });
});

describe('fetchSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ti-fetch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('with TI_SOURCES_DIR set, downloads and copies nothing and says where the build reads', async () => {
    await writeSourceTree(path.join(dir, 'shared'));
    const lines: string[] = [];
    await fetchSources({ env: { TI_SOURCES_DIR: 'shared' }, cwd: dir, fetch: noNetwork, log: (l) => lines.push(l) });
    expect(lines[0]).toBe(`TI_SOURCES_DIR is set: the build reads the sources from ${path.join(dir, 'shared')}; nothing is downloaded.`);
    expect(lines).toContain(`  misp/producer.json: read from ${path.join(dir, 'shared/misp/producer.json')}`);
    expect(await readdir(dir)).toEqual(['shared']);
  });

  it('with TI_SOURCES_DIR set and a file missing there, fails naming it (still offline)', async () => {
    await writeSourceTree(path.join(dir, 'shared'), { 'etda/threat-group-cards.json': null });
    const error = await fetchSources({ env: { TI_SOURCES_DIR: path.join(dir, 'shared') }, cwd: dir, fetch: noNetwork, log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(`etda/threat-group-cards.json: missing in ${path.join(dir, 'shared')} (TI_SOURCES_DIR)`);
  });

  it('without TI_SOURCES_DIR, downloads every planned file into .cache/sources (fetch stubbed)', async () => {
    const asked: string[] = [];
    const fake = async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ url }), { status: 200 });
    };
    await fetchSources({ env: {}, cwd: dir, fetch: fake, log: () => {} });
    const plan = planDownloads(sourceSpecs, path.join(dir, '.cache/sources'));
    expect(asked).toEqual(plan.map((d) => d.url));
    for (const d of plan) expect(JSON.parse(await readFile(d.target, 'utf8'))).toEqual({ url: d.url });
  });
});

describe('downloadFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ti-download-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const planned = () => ({ file: 'misp/threat-actor.json', url: 'https://example.com/threat-actor.json', target: path.join(dir, 'misp/threat-actor.json') });

  it('fails naming the file on an HTTP error, and leaves the previous copy in place', async () => {
    await writeSourceTree(dir);
    const before = await readFile(planned().target, 'utf8');
    const error = await downloadFile(planned(), async () => new Response('nope', { status: 404, statusText: 'Not Found' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe('misp/threat-actor.json: download failed from https://example.com/threat-actor.json: HTTP 404 Not Found');
    expect(await readFile(planned().target, 'utf8')).toBe(before);
    expect(await readdir(path.join(dir, 'misp'))).not.toContainEqual(expect.stringMatching(/download/));
  });

  it('fails naming the file on a network error or a truncated body, writing nothing', async () => {
    const offline = await downloadFile(planned(), async () => {
      throw new TypeError('fetch failed');
    }).catch((e: Error) => e.message);
    expect(offline).toBe('misp/threat-actor.json: download failed from https://example.com/threat-actor.json: fetch failed');
    const cut = await downloadFile(planned(), async () => new Response('{"values": [', { status: 200 })).catch((e: Error) => e.message);
    expect(cut).toMatch(/^misp\/threat-actor\.json: download from .* is not valid JSON/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes the body through a temporary file and returns its size', async () => {
    await writeFile(path.join(dir, 'old'), 'x');
    const bytes = await downloadFile(planned(), async () => new Response('{"values":[]}', { status: 200 }));
    expect(bytes).toBe(13);
    expect(await readFile(planned().target, 'utf8')).toBe('{"values":[]}');
    expect(await readdir(path.join(dir, 'misp'))).toEqual(['threat-actor.json']);
  });
});
