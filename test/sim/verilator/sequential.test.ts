// The Verilator engine on the 40-bit counter with synchronous reset. The reference
// model below is the counter's Verilog read as a state machine:
//   count' = rst ? 0 : load ? load_val : en ? count + 1 : count     (at posedge clk)
//   wrap   = en & (count == all ones)                                (combinational)
// stepBatch cycle k: inputs[k] applied with clk = 0, settle, rising edge, settle, sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildVerilatorModel, type VerilatedModel } from '../../../sim/verilator/index.js';
import { counter40 } from '../../fixtures/verilog/index.js';
import { columnOf, mask, rng, valueAt } from './helpers.js';

const ONES = mask(40);

interface Cycle {
  rst: bigint;
  en: bigint;
  load: bigint;
  loadVal: bigint;
}

function reference(cycles: Cycle[], start: bigint) {
  let count = start;
  return cycles.map((c) => {
    const before = { count, wrap: c.en & (count === ONES ? 1n : 0n) };
    count = c.rst ? 0n : c.load ? c.loadVal : c.en ? (count + 1n) & ONES : count;
    return { before, after: { count, wrap: c.en & (count === ONES ? 1n : 0n) } };
  });
}

function columns(cs: Cycle[]) {
  return {
    rst: columnOf(
      1,
      cs.map((c) => c.rst),
    ),
    en: columnOf(
      1,
      cs.map((c) => c.en),
    ),
    load: columnOf(
      1,
      cs.map((c) => c.load),
    ),
    load_val: columnOf(
      40,
      cs.map((c) => c.loadVal),
    ),
  };
}

describe('counter40 (registered, sync reset)', () => {
  let m: VerilatedModel;
  beforeAll(async () => {
    m = await buildVerilatorModel(counter40());
  });
  afterAll(async () => {
    await m?.close();
  });

  it('stepBatch matches the reference on random control sequences, before and after each edge', async () => {
    const next = rng(3);
    const n = 5000;
    const cs: Cycle[] = [];
    for (let k = 0; k < n; k++) {
      const r = next();
      // Loads near all-ones so the 40-bit wrap-around and `wrap` are reached.
      const loadVal = r & 1 ? ONES - BigInt(next() % 4) : (BigInt(next()) << 8n) & ONES;
      cs.push({
        rst: k === 0 || (r >>> 1) % 97 === 0 ? 1n : 0n,
        en: (r >>> 8) % 4 ? 1n : 0n,
        load: (r >>> 12) % 23 === 0 ? 1n : 0n,
        loadVal,
      });
    }
    const out = await m.stepBatch(columns(cs), n, { sampleBefore: true });
    const ref = reference(cs, 0n);
    let wraps = 0;
    for (let k = 0; k < n; k++) {
      expect(valueAt(out.count!, 40, k), `count after edge, cycle ${k}`).toBe(ref[k]!.after.count);
      expect(valueAt(out.wrap!, 1, k), `wrap after edge, cycle ${k}`).toBe(ref[k]!.after.wrap);
      expect(valueAt(out['count@pre']!, 40, k), `count before edge, cycle ${k}`).toBe(ref[k]!.before.count);
      expect(valueAt(out['wrap@pre']!, 1, k), `wrap before edge, cycle ${k}`).toBe(ref[k]!.before.wrap);
      if (ref[k]!.before.wrap) wraps++;
    }
    expect(wraps).toBeGreaterThan(0);
  });

  it('reset is just an input and inputs left out hold their poked values', async () => {
    m.poke('en', 1n);
    m.poke('load', 0n);
    const out = await m.stepBatch({ rst: columnOf(1, [1n, 0n, 0n, 0n, 1n, 0n]) }, 6);
    expect([0, 1, 2, 3, 4, 5].map((k) => valueAt(out.count!, 40, k))).toEqual([0n, 1n, 2n, 3n, 0n, 1n]);
  });

  it('poke/step/peek: one edge per step, wrapping past 2^40 - 1', async () => {
    m.poke('rst', 0n);
    m.poke('en', 0n);
    m.poke('load', 1n);
    m.poke('load_val', ONES - 1n);
    await m.step();
    expect(await m.peek('count')).toBe(ONES - 1n);
    m.poke('load', 0n);
    m.poke('en', 1n);
    await m.step();
    expect(await m.peek('count')).toBe(ONES);
    expect(await m.peek('wrap')).toBe(1n);
    await m.step(2);
    expect(await m.peek('count')).toBe(1n);
    m.poke('en', 0n);
    expect(await m.peek('wrap')).toBe(0n);
  });

  it('rejects driving the clock and wrong column sizes with exact messages', async () => {
    await expect(m.stepBatch({ clk: new Uint32Array(4) }, 4)).rejects.toThrow(
      "stepBatch: 'clk' is the clock; stepBatch toggles it and it cannot be driven",
    );
    await expect(m.stepBatch({ load_val: new Uint32Array(3) }, 2)).rejects.toThrow(
      "stepBatch: input 'load_val' has 3 words, needs 4 (2 × 2 words)",
    );
    expect(() => m.poke('load_val', 1n << 40n)).toThrow(
      "poke: value 1099511627776 does not fit in 'load_val' (40 bits, unsigned)",
    );
    expect(() => m.enableVcd(join(tmpdir(), 'never.vcd'))).toThrow(
      "enableVcd: model 'counter40' was built without tracing; build it with { trace: true }",
    );
  });
});

describe('counter40 with VCD tracing', () => {
  it('writes a VCD with the ports and one timestamp per half cycle', async () => {
    const m = await buildVerilatorModel(counter40(), { trace: true });
    const file = join(tmpdir(), `vti-counter40-${process.pid}.vcd`);
    try {
      m.enableVcd(file);
      const out = await m.stepBatch({ rst: columnOf(1, [1n, 0n, 0n]), en: columnOf(1, [1n, 1n, 1n]) }, 3);
      expect([0, 1, 2].map((k) => valueAt(out.count!, 40, k))).toEqual([0n, 1n, 2n]);
      await m.close();
      const vcd = readFileSync(file, 'utf8');
      expect(vcd).toContain('$enddefinitions');
      expect(vcd).toMatch(/\$var wire +40 \S+ count \[39:0\] \$end/);
      // 3 cycles = 6 half cycles at t = 0, 5, ..., 25.
      for (const t of [0, 5, 10, 15, 20, 25]) expect(vcd).toMatch(new RegExp(`^#${t}$`, 'm'));
    } finally {
      await m.close();
      if (existsSync(file)) rmSync(file);
    }
  });
});
