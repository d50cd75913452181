// @vitest-environment node
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArtifacts } from '../../../data/build-artifacts';
import { SourceError } from '../../../data/source-error';
import { ETDA_FILE, MISP_FILE } from '../../fixtures/data/cards';
import { writeSourceTree } from '../../fixtures/data/source-tree';
import { ENTERPRISE_FILE } from '../../fixtures/data/stix';

describe('buildArtifacts', () => {
  let root: string;
  let sources: string;
  let outDir: string;
  const previous = '{"previous":"build"}';

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ti-artifacts-'));
    sources = path.join(root, 'sources');
    outDir = path.join(root, 'generated');
    await mkdir(path.join(outDir, 'public/details'), { recursive: true });
    await writeFile(path.join(outDir, 'matcher-table.json'), previous);
    await writeFile(path.join(outDir, 'public/details/actor-0.json'), previous);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('replaces the previous output with the new artefacts', async () => {
    await writeSourceTree(sources);
    const counts = await buildArtifacts(sources, outDir);
    expect(counts).toMatch(/^actors: \d+ \(3 with an ATT&CK group\)/);
    const table = JSON.parse(await readFile(path.join(outDir, 'matcher-table.json'), 'utf8'));
    expect(table.entities).toContain('G0001');
    const manifest = JSON.parse(await readFile(path.join(outDir, 'public/details/manifest.json'), 'utf8'));
    for (const name of Object.values(manifest.files as Record<string, string[]>).flat()) {
      expect(JSON.parse(await readFile(path.join(outDir, 'public', name), 'utf8'))).toBeInstanceOf(Array);
    }
    expect(JSON.parse(await readFile(path.join(outDir, 'eval-aliases.json'), 'utf8'))).toHaveProperty('G0001');
    expect(await readdir(root)).toEqual(['generated', 'sources']);
  });

  it.each([
    ['a truncated bundle', ENTERPRISE_FILE, (t: string) => t.slice(0, t.length / 2), /attack\/enterprise-attack\.json: is not valid JSON/],
    ['a missing file', MISP_FILE, null, /misp\/threat-actor\.json: missing in/],
    ['a card without names', ETDA_FILE, (t: string) => t.replace(/"names": \[[^\]]*\]/, '"names": []'), /etda\/threat-group-cards\.json \(card "Axiom, Group 72"\): card without names/],
  ] as const)('fails on %s and leaves the previous output untouched', async (_what, file, breakIt, message) => {
    await writeSourceTree(sources);
    if (breakIt) await writeFile(path.join(sources, file), breakIt(await readFile(path.join(sources, file), 'utf8')));
    else await rm(path.join(sources, file));

    const error = await buildArtifacts(sources, outDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(message);

    expect(await readFile(path.join(outDir, 'matcher-table.json'), 'utf8')).toBe(previous);
    expect(await readFile(path.join(outDir, 'public/details/actor-0.json'), 'utf8')).toBe(previous);
    expect((await readdir(outDir)).sort()).toEqual(['matcher-table.json', 'public']);
    expect(await readdir(root)).toEqual(['generated', 'sources']);
  });
});
