// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSourceTree } from '../../fixtures/data/source-tree';
import { ENTERPRISE_FILE, bundle20, group } from '../../fixtures/data/stix';

const repo = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(repo, 'node_modules/.bin/tsx');

/**
 * Runs `tsx data/cli/compile.ts` (what `npm run data:compile` runs) in a scratch working
 * folder, so its output (data/generated under the cwd) never touches the repository's.
 */
function compile(cwd: string, sourcesDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, TI_SOURCES_DIR: sourcesDir };
  return spawnSync(tsx, [path.join(repo, 'data/cli/compile.ts')], { cwd, env, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run data:compile (data/cli/compile.ts)', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'ti-cli-'));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it('exits 1 and names the file when a source is truncated', async () => {
    await writeSourceTree(path.join(cwd, 'sources'));
    const file = path.join(cwd, 'sources', ENTERPRISE_FILE);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));

    const run = compile(cwd, 'sources');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('Source data error: attack/enterprise-attack.json: is not valid JSON');
    expect(await readdir(cwd)).toEqual(['sources']);
  });

  it('exits 1 and names the file and the object when an object has no name', async () => {
    await writeSourceTree(path.join(cwd, 'sources'), {
      [ENTERPRISE_FILE]: JSON.stringify(bundle20([group('G0001', 'Axiom', []), { ...group('G0002', 'x', []), name: '' }])),
    });
    const run = compile(cwd, path.join(cwd, 'sources'));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('Source data error: attack/enterprise-attack.json (intrusion-set--g0002): object without a name');
  });

  it('exits 0, prints the counts and writes the artefacts when the sources are good', async () => {
    await writeSourceTree(path.join(cwd, 'sources'));
    const run = compile(cwd, 'sources');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Compiling the threat-intel index from ${path.join(cwd, 'sources')}`);
    expect(run.stdout).toMatch(/actors: \d+ \(3 with an ATT&CK group\)/);
    expect((await readdir(path.join(cwd, 'data/generated'))).sort()).toEqual(expect.arrayContaining(['eval-aliases.json', 'matcher-table.json', 'public']));
  });
});
