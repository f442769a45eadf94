// Outputs and caches go below the current working directory (or a directory the caller passes
// down), never to a place found from a module's own location: an installed package lives in
// node_modules and must not write there. Statically, no source module walks up with '..'.
import { mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outDir } from '../../cli/dirs.js';
import { defaultProgramsOutDir } from '../../programs/build.js';
import { cosimDirs } from '../../sim/cosim/dirs.js';
import { defaultCacheDir } from '../../sim/verilator/cache.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('default output and cache directories', () => {
  const home = process.cwd();
  const env = process.env.VTI_VERILATOR_CACHE;
  const root = process.env.VTI_CACHE_DIR;
  let cwd = '';
  beforeEach(() => {
    cwd = realpathSync(mkdtempSync(join(tmpdir(), 'vti-cwd-')));
    process.chdir(cwd);
    delete process.env.VTI_VERILATOR_CACHE;
    delete process.env.VTI_CACHE_DIR;
  });
  afterEach(() => {
    process.chdir(home);
    if (env !== undefined) process.env.VTI_VERILATOR_CACHE = env;
    if (root !== undefined) process.env.VTI_CACHE_DIR = root;
  });

  it('are below the current working directory, wherever the package is', () => {
    expect(outDir()).toBe(join(cwd, 'out'));
    expect(defaultProgramsOutDir()).toBe(join(cwd, 'out', 'programs'));
    expect(cosimDirs()).toEqual({
      cosim: join(cwd, 'out', 'cosim'),
      random: join(cwd, 'out', 'cosim', 'random'),
      rtlCoverage: join(cwd, 'out', 'cosim', 'rtl-coverage'),
      programs: join(cwd, 'out', 'programs'),
    });
    expect(defaultCacheDir()).toBe(join(cwd, '.cache', 'verilator'));
  });

  it('follow an outDir passed down, and $VTI_VERILATOR_CACHE for the model cache', () => {
    expect(cosimDirs('/x/run1').random).toBe('/x/run1/cosim/random');
    expect(cosimDirs('/x/run1').programs).toBe('/x/run1/programs');
    process.env.VTI_VERILATOR_CACHE = 'models';
    expect(defaultCacheDir()).toBe(join(cwd, 'models'));
  });
});

// Paths built with '..' that are not the project root: Node's own headers next to its binary.
const ALLOWED = new Set([
  'sim/verilator/build.ts',
  // Loads the emulator by file path; it leaves with the demo's move out of model/ (issue 11, item 1).
  'model/demo/emu.ts',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (['node_modules', '.git', 'out', '.cache', 'dist', 'test', 'bench'].includes(e.name)) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('no module finds the project root by counting ..', () => {
  const UP = /\b(join|resolve)\([^;]*['"]\.\.['"]/;
  it("no join/resolve with a '..' segment in the source (tests and benches aside)", () => {
    expect(UP.test("const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out');")).toBe(true);
    expect(UP.test("const dir = join(outDir, 'cosim');")).toBe(false);
    const found = sources(ROOT).flatMap((f) => {
      const rel = relative(ROOT, f);
      return readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((l, i) => (UP.test(l) ? [`${rel}:${i + 1}`] : []));
    });
    expect(found.filter((w) => !ALLOWED.has(w.split(':')[0]!))).toEqual([]);
  });
});
