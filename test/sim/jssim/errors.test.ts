// Bad designs and bad API use fail with one clear, located message (exact texts).
import { describe, expect, it } from 'vitest';
import type { IRDesign } from '../../../hdl/ir/types.js';
import { createSimulator } from '../../../sim/jssim/sim.js';
import { design, Mod } from './ir.js';

const where = (l: { file: string; line: number }) => `${l.file}:${l.line}`;

function small(): IRDesign {
  const m = new Mod('t');
  const clk = m.input('clk', 1),
    a = m.input('a', 8);
  const r = m.reg('r', 8, clk);
  m.sync(clk, null, m.assign(r, m.ref(a)));
  m.comb(m.assign(m.output('y', 8), m.ref(r)));
  return design(m);
}

describe('jssim API errors', () => {
  const sim = createSimulator(small());
  it('rejects pokes of unknown ports, of the clock and of values that do not fit', () => {
    expect(() => sim.poke('nope', 1)).toThrow("jssim: poke: 'nope' is not an input of 't' (inputs: a)");
    expect(() => sim.poke('y', 1)).toThrow("jssim: poke: 'y' is not an input of 't' (inputs: a)");
    expect(() => sim.poke('clk', 1)).toThrow("jssim: poke: 'clk' is the clock; step() drives it");
    expect(() => sim.poke('a', 256)).toThrow("jssim: poke: value 256 does not fit input 'a' (8 bits)");
    expect(() => sim.poke('a', -1n)).toThrow("jssim: poke: value -1 does not fit input 'a' (8 bits)");
    expect(() => sim.poke('a', 1.5)).toThrow("jssim: poke: value 1.5 for 'a' is not an integer");
  });
  it('rejects peeks of unknown signals and bad batch columns', () => {
    expect(() => sim.peek('q')).toThrow(
      "jssim: peek: no signal 'q' in 't' (signals inside instances are named 'inst.sig')",
    );
    expect(() => sim.evalBatch({ a: new Uint32Array(3) }, 4)).toThrow(
      "jssim: evalBatch: input 'a' has 3 words, needs 4 (4 × 1 word)",
    );
    expect(() => sim.stepBatch({ clk: new Uint32Array(3) }, 1)).toThrow(
      "jssim: stepBatch: 'clk' is the clock; step() drives it",
    );
    expect(() => sim.step(-1)).toThrow('jssim: step: cycle count -1 is not a non-negative integer');
    expect(() => sim.stepBatch({}, 4, { y: new Uint32Array(3) })).toThrow(
      "jssim: stepBatch: output array for 'y' must be a Uint32Array of at least 4 words",
    );
  });
  it('rejects step on a design without registers', () => {
    const m = new Mod('c');
    m.comb(m.assign(m.output('y', 1), m.ref(m.input('a', 1))));
    expect(() => createSimulator(design(m)).step()).toThrow("jssim: step: design 'c' has no clocked process");
  });
});

describe('jssim design errors', () => {
  it('supports one clock that is a top-level input', () => {
    const m = new Mod('t');
    const c1 = m.input('c1', 1),
      c2 = m.input('c2', 1);
    const r1 = m.reg('r1', 1, c1),
      r2 = m.reg('r2', 1, c2);
    m.sync(c1, null, m.assign(r1, m.ref(r2)));
    m.sync(c2, null, m.assign(r2, m.ref(r1)));
    expect(() => createSimulator(design(m))).toThrow(
      "jssim: the design has more than one clock ('c1', 'c2'); jssim simulates a single clock",
    );
    const d = new Mod('t');
    const clk = d.input('clk', 1),
      en = d.input('en', 1),
      gated = d.wire('g', 1);
    const r = d.reg('r', 1, gated);
    d.comb(d.assign(gated, d.bin('and', d.ref(clk), d.ref(en))));
    d.sync(gated, null, d.assign(r, d.un('not', d.ref(r))));
    const ir = design(d);
    const p = ir.modules[0]!.processes[1]!;
    expect(() => createSimulator(ir)).toThrow(
      `jssim: the clock of the clocked process at ${where(p.loc)} is 'g', which is not a top-level input (derived clocks are not supported)`,
    );
  });

  it('checks instances against their modules', () => {
    const leaf = new Mod('leaf');
    leaf.comb(leaf.assign(leaf.output('y', 4), leaf.ref(leaf.input('x', 4))));
    const top = new Mod('top');
    const w = top.wire('w', 4);
    top.comb(top.assign(top.output('o', 4), top.ref(w)));
    top.inst('u', 'leaf', {}, { y: w });
    let ir = design(leaf, top);
    const at = where(ir.modules[1]!.instances[0]!.loc);
    expect(() => createSimulator(ir)).toThrow(
      `jssim: instance 'u' of module 'leaf' (${at}): input port 'x' is not connected`,
    );
    ir = {
      ...ir,
      modules: [leaf.done(), { ...top.done(), instances: [{ ...ir.modules[1]!.instances[0]!, module: 'ghost' }] }],
    };
    expect(() => createSimulator(ir)).toThrow(
      `jssim: instance 'u' of module 'ghost' (${at}): module 'ghost' is not defined`,
    );
    ir = {
      ...ir,
      modules: [
        leaf.done(),
        { ...top.done(), instances: [{ ...ir.modules[1]!.instances[0]!, module: 'leaf', inputs: { x: 0, z: 0 } }] },
      ],
    };
    expect(() => createSimulator(ir)).toThrow(
      `jssim: instance 'u' of module 'leaf' (${at}): module 'leaf' has no input port 'z'`,
    );
  });

  it('rejects undriven signals, bad constants and an unknown top', () => {
    const m = new Mod('t');
    const w = m.wire('w', 2);
    m.comb(m.assign(m.output('y', 2), m.ref(w)));
    const ir = design(m);
    expect(() => createSimulator(ir)).toThrow(
      `jssim: wire 'w' is never driven (${where(ir.modules[0]!.signals[0]!.loc)})`,
    );
    expect(() => createSimulator({ ...ir, top: 'x' })).toThrow(
      "jssim: top module 'x' is not among the design's modules",
    );
    const k = new Mod('k');
    const c = k.c(8, 0);
    k.exprs[c] = { ...k.exprs[c]!, value: '1ff' } as (typeof k.exprs)[number];
    k.comb(k.assign(k.output('y', 8), c));
    const kd = design(k);
    expect(() => createSimulator(kd)).toThrow(
      `jssim: k: 'const' at ${where(kd.modules[0]!.exprs[c]!.loc)}: constant '1ff' does not fit in 8 bits`,
    );
  });
});
