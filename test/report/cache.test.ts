// The report's cache: a hit returns the stored text without computing; an entry truncated,
// emptied or edited on disk is recomputed (and stored again) with one line saying so; a folder
// that cannot be written falls back to a temporary one; VTI_CACHE_DIR=off means no cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache, defaultReportCacheDir, entryValue } from '../../report/cache.js';

const root = mkdtempSync(join(tmpdir(), 'vti-report-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cache in `dir` whose computation counts its calls and whose notices are collected. */
function probe(dir: string) {
  const lines: string[] = [];
  const cache = createCache(dir, (l) => lines.push(l));
  let computed = 0;
  const get = () =>
    cache.text('stats', ['vti_psr', 'v1'], async () => {
      computed++;
      return JSON.stringify({ cells: 109, computed });
    });
  return { lines, get, computed: () => computed };
}

describe('report cache', () => {
  it('computes once, then hits', async () => {
    const p = probe(join(root, 'hit'));
    expect(await p.get()).toEqual({ value: '{"cells":109,"computed":1}', hit: false });
    expect(await p.get()).toEqual({ value: '{"cells":109,"computed":1}', hit: true });
    expect(p.computed()).toBe(1);
    expect(p.lines).toEqual([]);
  });

  const damages: [string, (file: string) => void, RegExp][] = [
    ['truncated', (f) => truncateSync(f, readFileSync(f).length - 3), /\(\d+ bytes, 26 written\)/],
    ['emptied', (f) => truncateSync(f, 0), /\(empty\)/],
    ['edited', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('109', '108')), /\(content differs/],
    ['without its header', (f) => writeFileSync(f, '{"cells":109}'), /\(no valid header\)/],
  ];
  for (const [how, damage, why] of damages) {
    it(`an entry ${how} is recomputed with one line, and stored again`, async () => {
      const dir = join(root, how.replace(/\W/g, '-'));
      await probe(dir).get();
      const [file] = readdirSync(dir);
      damage(join(dir, file!));
      const p = probe(dir);
      expect(await p.get()).toEqual({ value: '{"cells":109,"computed":1}', hit: false });
      expect(p.lines).toHaveLength(1);
      expect(p.lines[0]).toMatch(/^report cache entry .*stats-v2-[0-9a-f]{32} is damaged /);
      expect(p.lines[0]).toMatch(why);
      expect(await p.get()).toMatchObject({ hit: true });
      expect(p.lines).toHaveLength(1);
    });
  }

  it('a file where the folder should be: computed and cached in a temporary folder, one line', async () => {
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, 'x');
    const p = probe(blocked);
    expect(await p.get()).toMatchObject({ hit: false });
    expect(await p.get()).toMatchObject({ hit: true });
    expect(p.lines).toEqual([
      expect.stringMatching(/^cache folder .*blocked is not writable \(a file is in the way\)/),
    ]);
  });

  it('entryValue accepts exactly what it wrote', () => {
    expect(entryValue('vti-cache 2 ' + 'a'.repeat(64) + '\nhi')).toEqual({
      problem: 'content differs from the one written (sha256)',
    });
    expect(entryValue('')).toEqual({ problem: 'empty' });
  });

  it('default folder: report/ below $VTI_CACHE_DIR, else .cache; none when it is off', () => {
    const saved = process.env.VTI_CACHE_DIR;
    try {
      delete process.env.VTI_CACHE_DIR;
      expect(defaultReportCacheDir()).toBe(join(process.cwd(), '.cache', 'report'));
      process.env.VTI_CACHE_DIR = join(root, 'all');
      expect(defaultReportCacheDir()).toBe(join(root, 'all', 'report'));
      process.env.VTI_CACHE_DIR = 'off';
      expect(defaultReportCacheDir()).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.VTI_CACHE_DIR;
      else process.env.VTI_CACHE_DIR = saved;
    }
  });
});
