// A small design written with the eDSL front end (hdl/dsl), elaborated and simulated.
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate } from '../../../hdl/dsl/index.js';
import { createSimulator } from '../../../sim/jssim/sim.js';

function build() {
  const acc = defineModule('fe_acc', (m) => {
    const x = m.input('x', 16);
    const en = m.input('en', 1);
    const r = m.reg('acc', 16, { init: 0x100 });
    m.when(en, () => r.set(r.add(x)));
    m.output('y', 16).set(r);
  });
  return defineModule('fe_top', (m) => {
    const a = m.input('a', 16);
    const mode = m.input('mode', 2);
    const u = m.instance('u', acc, { x: a, en: mode.ne(0), clk: m.clock(), rst: m.reset() });
    const w = m.wire('w', 16);
    m.switch(mode, (s) => {
      s.is(1, () => w.set(u.y!));
      s.is([2, 3], () => w.set(u.y!.xor(a)));
      s.default(() => w.set(0));
    });
    m.output('y', 16).set(w);
  });
}

describe('jssim with the eDSL front end', () => {
  it('simulates an elaborated two-level design', () => {
    const sim = createSimulator(elaborate(build()).design);
    sim.poke('rst', 1);
    sim.step();
    sim.poke('rst', 0);
    expect(sim.peek('u.acc')).toBe(0x100n);
    sim.poke('mode', 1);
    sim.poke('a', 0xfff0);
    expect(sim.peek('y')).toBe(0x100n);
    sim.step(); // acc = 0x100 + 0xfff0 wraps to 0x00f0
    expect(sim.peek('y')).toBe(0xf0n);
    sim.poke('mode', 2);
    sim.poke('a', 0x0f0f);
    expect(sim.peek('y')).toBe(0xf0n ^ 0x0f0fn);
    sim.poke('mode', 0); // disabled: holds, output 0
    sim.step(4);
    expect([sim.peek('y'), sim.peek('u.acc')]).toEqual([0n, 0xf0n]);
  });
});
