// Caches that heal: a damaged model.node (truncated, emptied, deleted, altered) is found by its
// manifest before it is loaded and rebuilt with one line saying so; two processes meeting the
// same damage rebuild it once; a cache folder that cannot be written falls back to a temporary
// one. Each load runs in a child process: a damaged shared library must never be mapped into
// the test's own process (that is the SIGBUS this guards against).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../../sim/verilator/cache.js';

const CHILD = fileURLToPath(new URL('./cache-heal-child.ts', import.meta.url));
const nonce = `${process.pid}${Date.now()}`.slice(-9);
const shared = defaultCacheDir(); // the runtime and headers are reused from here: only the probe is built
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vti-heal-'));
  temps.push(d);
  return d;
};

interface ChildRun {
  readonly y: number;
  readonly built: boolean;
  readonly dir: string;
  /** The stderr lines about the cache (progress lines of a slow build left out). */
  readonly notices: string[];
}

function load(cacheDir: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD, nonce, cacheDir],
      { encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`child failed: ${err.message}\n${stderr}`));
        const notices = stderr.split('\n').filter((l) => l.startsWith('vti: ') && !l.startsWith('vti: building '));
        resolve({ ...(JSON.parse(stdout) as Omit<ChildRun, 'notices'>), notices });
      },
    );
  });
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('a damaged Verilator model is rebuilt, with one line', () => {
  let model = '';
  const DAMAGED = /^vti: the Verilator model of heal_probe in .* is damaged \((.*)\): rebuilding it$/;

  it('builds, then loads from the cache silently', async () => {
    const first = await load(shared);
    temps.push(first.dir);
    expect(first).toMatchObject({ y: 41, built: true, notices: [] });
    model = join(first.dir, 'model.node');
    expect(JSON.parse(readFileSync(join(first.dir, 'manifest.json'), 'utf8'))['model.node'].size).toBe(
      statSync(model).size,
    );
    expect(await load(shared)).toMatchObject({ y: 41, built: false, notices: [] });
  });

  const damages: [string, () => void, RegExp][] = [
    [
      'truncated',
      () => truncateSync(model, Math.floor(statSync(model).size / 2)),
      /model\.node has \d+ bytes, \d+ were built/,
    ],
    ['emptied', () => truncateSync(model, 0), /model\.node has 0 bytes/],
    ['deleted', () => unlinkSync(model), /model\.node is missing/],
    [
      'altered',
      () => {
        const b = readFileSync(model);
        b[b.length >> 1] ^= 0xff;
        writeFileSync(model, b);
      },
      /model\.node differs from the one built \(sha256\)/,
    ],
  ];
  for (const [how, damage, why] of damages) {
    it(`${how}: rebuilt and working`, async () => {
      damage();
      const r = await load(shared);
      expect(r).toMatchObject({ y: 41, built: true });
      expect(r.notices).toHaveLength(1);
      expect(r.notices[0]).toMatch(DAMAGED);
      expect(r.notices[0]).toMatch(why);
      expect(await load(shared)).toMatchObject({ y: 41, built: false, notices: [] });
    });
  }

  it('two processes meeting the same damage: one rebuilds and says so, both work', async () => {
    truncateSync(model, 0);
    const [a, b] = await Promise.all([load(shared), load(shared)]);
    expect([a.y, b.y]).toEqual([41, 41]);
    expect([a.built, b.built].sort()).toEqual([false, true]);
    expect([...a.notices, ...b.notices]).toHaveLength(1);
  });

  it('a file where the cache folder should be: a temporary folder, one line, a working model', async () => {
    const blocked = join(tempDir(), 'cache');
    writeFileSync(blocked, 'not a folder');
    const r = await load(blocked);
    expect(r.y).toBe(41);
    expect(r.notices).toEqual([
      expect.stringMatching(
        /^vti: cache folder .*cache is not writable \(a file is in the way\); using .* for this run$/,
      ),
    ]);
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
  });
});
