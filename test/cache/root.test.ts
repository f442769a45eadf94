// The caches' root and the Verilator cache's place in it: $VTI_VERILATOR_CACHE, else
// verilator/ below $VTI_CACHE_DIR, else .cache/verilator; VTI_CACHE_DIR=off gives a temporary
// folder (a model must be a file to load). A long build's progress lines (heartbeat).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheSubdir, cachingOff } from '../../cache/root.js';
import { defaultCacheDir } from '../../sim/verilator/cache.js';
import { heartbeat } from '../../sim/verilator/heartbeat.js';

const saved = { all: process.env.VTI_CACHE_DIR, verilator: process.env.VTI_VERILATOR_CACHE };
afterEach(() => {
  for (const [k, v] of [
    ['VTI_CACHE_DIR', saved.all],
    ['VTI_VERILATOR_CACHE', saved.verilator],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.useRealTimers();
});

describe('cache folders', () => {
  it('VTI_CACHE_DIR is the root of every cache; VTI_VERILATOR_CACHE overrides the models', () => {
    delete process.env.VTI_VERILATOR_CACHE;
    process.env.VTI_CACHE_DIR = 'caches';
    expect(cacheSubdir('report')).toBe(resolve('caches', 'report'));
    expect(defaultCacheDir()).toBe(resolve('caches', 'verilator'));
    process.env.VTI_VERILATOR_CACHE = 'models';
    expect(defaultCacheDir()).toBe(resolve('models'));
  });

  it('VTI_CACHE_DIR=off: no cache folder; models go to a temporary folder', () => {
    delete process.env.VTI_VERILATOR_CACHE;
    process.env.VTI_CACHE_DIR = 'off';
    expect(cachingOff()).toBe(true);
    expect(cacheSubdir('report')).toBeUndefined();
    const tmp = defaultCacheDir();
    expect(tmp).not.toContain(join('.cache', 'verilator'));
    expect(existsSync(tmp)).toBe(true);
    expect(defaultCacheDir()).toBe(tmp);
  });
});

describe('build heartbeat', () => {
  it('silent for 2 s, then one line every 5 s with phase, time and estimate; nothing after stop', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const beat = heartbeat('the Verilator model of vti_core', (l) => lines.push(l), 60_000);
    beat.phase('verilating');
    vi.advanceTimersByTime(1900);
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(200);
    beat.phase('compiling the C++');
    vi.advanceTimersByTime(5000);
    expect(lines).toEqual([
      'building the Verilator model of vti_core: verilating, 2 s of about 60 s (the last build)',
      'building the Verilator model of vti_core: compiling the C++, 7 s of about 60 s (the last build)',
    ]);
    beat.stop();
    vi.advanceTimersByTime(20_000);
    expect(lines).toHaveLength(2);
  });
});
