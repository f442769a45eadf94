// The build cache: same spec → hit without compiling; changed text → rebuild; two
// concurrent publishers of one key → one directory, both see it complete.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildInfo, buildVerilatorModel } from '../../../sim/verilator/index.js';
import { publishDir } from '../../../sim/verilator/cache.js';
import type { ModuleSpec } from '../../../sim/verilator/spec.js';
import { columnOf, valueAt } from './helpers.js';

// A unique constant per run, so the first build is a real miss even on a warm cache.
const nonce = `${process.pid}${Date.now()}`.slice(-9);
const spec = (k: number): ModuleSpec => ({
  top: 'cache_probe',
  files: {
    'cache_probe.v': `// cache test probe, run ${nonce}
module cache_probe (input wire [31:0] x, output wire [31:0] y);
  assign y = x + 32'd${k};
endmodule
`,
  },
  ports: [
    { name: 'x', dir: 'input', width: 32 },
    { name: 'y', dir: 'output', width: 32 },
  ],
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Verilator build cache', () => {
  it('builds once, then hits the cache without compiling; changed text rebuilds', async () => {
    const m1 = await buildVerilatorModel(spec(1));
    const i1 = buildInfo(m1)!;
    dirs.push(i1.dir);
    expect(i1.built).toBe(true);
    expect(existsSync(join(i1.dir, 'model.node'))).toBe(true);
    expect(readFileSync(join(i1.dir, 'src', 'cache_probe.v'), 'utf8')).toContain(nonce);

    const m2 = await buildVerilatorModel(spec(1));
    const i2 = buildInfo(m2)!;
    expect(i2.built).toBe(false);
    expect(i2.key).toBe(i1.key);
    expect(i2.ms).toBeLessThan(300); // no verilator, no g++

    const m3 = await buildVerilatorModel(spec(2));
    const i3 = buildInfo(m3)!;
    dirs.push(i3.dir);
    expect(i3.built).toBe(true);
    expect(i3.key).not.toBe(i1.key);

    // Two instances of one cached addon are independent models.
    const [o1, o2, o3] = await Promise.all([m1, m2, m3].map((m) => m.evalBatch({ x: columnOf(32, [40n]) }, 1)));
    expect([o1, o2, o3].map((o) => valueAt(o!.y!, 32, 0))).toEqual([41n, 41n, 42n]);
    await Promise.all([m1.close(), m2.close(), m3.close()]);
  });

  it('an equal spec built from fresh objects maps to the same key', async () => {
    const a = spec(1);
    const b = { ...a, ports: a.ports.map((p) => ({ ...p })), clock: undefined };
    const m = await buildVerilatorModel(b);
    expect(buildInfo(m)!.built).toBe(false); // equal content → same key
    await m.close();
  });

  it('two concurrent publishers of one key end with one complete directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vti-cache-'));
    try {
      const final = join(root, 'key');
      const fill = (tag: string) => async (tmp: string) => {
        writeFileSync(join(tmp, 'a'), tag);
        await new Promise((r) => setTimeout(r, 20));
        writeFileSync(join(tmp, 'b'), tag);
      };
      const [r1, r2] = await Promise.all([publishDir(final, fill('one')), publishDir(final, fill('two'))]);
      expect([r1.built, r2.built].sort()).toEqual([false, true]);
      const winner = readFileSync(join(final, 'a'), 'utf8');
      expect(readFileSync(join(final, 'b'), 'utf8')).toBe(winner);
      const r3 = await publishDir(final, () => Promise.reject(new Error('must not be called')));
      expect(r3.built).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
