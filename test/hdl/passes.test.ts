// Each check pass's message, pinned by exact text, with the user's source line.
import { describe, expect, it } from 'vitest';
import { cat, defineModule, elaborate, HdlError, mux, type HdlModule } from '../../hdl/dsl/index.js';

const FILE = 'test/hdl/passes.test.ts';

/** Elaborates and returns the formatted diagnostics (errors throw HdlError). */
function problems(mod: HdlModule): string[] {
  try {
    return elaborate(mod).warnings.map((d) => `${d.loc.line}: ${d.severity}: ${d.message}`);
  } catch (e) {
    if (!(e instanceof HdlError)) throw e;
    for (const d of e.diagnostics) expect(d.loc.file).toBe(FILE);
    return e.diagnostics.map((d) => `${d.loc.line}: ${d.severity}: ${d.message}`);
  }
}

/** The line number of the caller (to pin locations without hard-coding line numbers). */
function lineHere(): number {
  const line = new Error().stack!.split('\n')[2]!;
  return Number(/:(\d+):\d+\)?$/.exec(line)![1]);
}

describe('width pass', () => {
  it('names both sides of a binary operator and the TypeScript line', () => {
    let at = 0;
    const m = defineModule('w1', (m) => {
      const a = m.input('a', 8);
      const b = m.input('b', 4);
      const y = m.output('y', 8);
      at = lineHere() + 1;
      y.set(a.add(b));
    });
    expect(problems(m)).toEqual([`${at}: error: width mismatch in 'add': left 'a' is 8 bits, right 'b' is 4 bits`]);
  });

  it('reports an assignment of the wrong width, naming target and value', () => {
    let at = 0;
    const m = defineModule('w2', (m) => {
      const a = m.input('a', 8);
      const y = m.output('y', 4);
      at = lineHere() + 1;
      y.set(a.xor(a));
    });
    expect(problems(m)).toEqual([
      `${at}: error: width mismatch in assignment to 'y': target is 4 bits, value 'a ^ a' is 8 bits`,
    ]);
  });

  it('reports mux arms and select of the wrong widths, and collects every problem before failing', () => {
    let at = 0;
    const m = defineModule('w3', (m) => {
      const s = m.input('s', 2);
      const a = m.input('a', 8);
      const b = m.input('b', 7);
      const y = m.output('y', 8);
      at = lineHere() + 1;
      y.set(mux(s as never, a, b));
    });
    expect(problems(m)).toEqual([
      `${at}: error: mux select 's' must be 1 bit, got 2 bits`,
      `${at}: error: width mismatch in 'mux': 'a' is 8 bits, 'b' is 7 bits`,
    ]);
  });

  it('reports a constant that does not fit, a bad slice and an instance port of the wrong width', () => {
    const child = defineModule('child', (m) => {
      const i = m.input('i', 4);
      m.output('o', 4).set(i);
    });
    let at = 0;
    const m = defineModule('w4', (m) => {
      const a = m.input('a', 8);
      const y = m.output('y', 8);
      at = lineHere() + 1;
      y.set(a.and(300));
      m.output('z', 4).set(m.instance('u', child, { i: a }).o!);
    });
    expect(problems(m)).toEqual([
      `${at}: error: constant 300 does not fit in 8 bits`,
      `${at + 1}: error: width mismatch at instance 'u' input 'i': port is 4 bits, connected 'a' is 8 bits`,
    ]);
  });
});

describe('driver pass', () => {
  it('reports undriven outputs and wires at their declarations', () => {
    let at = 0;
    const m = defineModule('d1', (m) => {
      at = lineHere() + 1;
      m.output('y', 1);
      m.wire('w', 3);
    });
    expect(problems(m)).toEqual([
      `${at}: error: output 'y' is never driven`,
      `${at + 1}: error: wire 'w' is never driven`,
    ]);
  });

  it('reports multiple drivers with both locations, and partly driven signals', () => {
    let at = 0;
    const m = defineModule('d2', (m) => {
      const a = m.input('a', 4);
      const y = m.output('y', 4);
      const z = m.output('z', 4);
      at = lineHere() + 1;
      y.set(a);
      m.when(a.bit(0), () => y.set(0)).otherwise(() => y.set(1));
      z.slice(1, 0).set(a.bits(1, 0));
    });
    // y's two top-level statements are merged into one process (last assignment wins), which is
    // legal; z's upper bits are never driven.
    expect(problems(m)).toEqual([`${at - 2}: error: bits 3:2 of output 'z' are never driven`]);
  });

  it('reports an instance output that is also assigned as two drivers', () => {
    const child = defineModule('child2', (m) => {
      m.output('o', 1).set(m.input('i', 1));
    });
    let at = 0;
    const m = defineModule('d3', (m) => {
      const a = m.input('a', 1);
      const outs = m.instance('u', child, { i: a });
      at = lineHere() + 1;
      (outs.o as ReturnType<typeof m.wire>).set(a);
      m.output('y', 1).set(outs.o!);
    });
    const p = problems(m);
    expect(p).toEqual([
      `${at}: error: 'u_o' has multiple drivers: instance 'u' at ${FILE}:${at - 2}, assignment at ${FILE}:${at}`,
    ]);
  });

  it('reports an assignment to an input and a register that is never assigned', () => {
    let at = 0;
    const m = defineModule('d4', (m) => {
      const a = m.input('a', 1);
      at = lineHere() + 1;
      a.set(1);
      const r = m.reg('r', 2, { init: 0 });
      m.output('y', 2).set(r);
    });
    expect(problems(m)).toEqual([
      `${at}: error: assignment to input port 'a'`,
      `${at + 1}: error: register 'r' is never assigned`,
    ]);
  });
});

describe('latch pass', () => {
  it('reports a combinational signal not assigned on every path', () => {
    let at = 0;
    const m = defineModule('l1', (m) => {
      const c = m.input('c', 1);
      const y = m.output('y', 4);
      at = lineHere() + 1;
      m.when(c, () => y.set(1));
    });
    expect(problems(m)).toEqual([
      `${at}: error: incomplete assignment: 'y' not assigned on every path of this combinational block (would infer a latch); assign a default first`,
    ]);
  });

  it('accepts a default before the when, a full switch without default, and names missing bits', () => {
    let at = 0;
    const m = defineModule('l2', (m) => {
      const c = m.input('c', 2);
      const y = m.output('y', 4);
      const z = m.output('z', 4);
      y.set(0);
      m.when(c.bit(0), () => y.set(1));
      at = lineHere() + 1;
      m.switch(c, (s) => {
        s.is([0, 1], () => z.set(2));
        s.is(2, () => z.set(3));
        s.is(3, () => z.slice(1, 0).set(1));
      });
    });
    expect(problems(m)).toEqual([
      `${at}: error: incomplete assignment: bits 3:2 of 'z' not assigned on every path of this combinational block (would infer a latch); assign a default first`,
    ]);
  });
});

describe('loop pass', () => {
  it('prints the loop with each signal and its location', () => {
    let at = 0;
    const m = defineModule('c1', (m) => {
      const a = m.input('a', 1);
      at = lineHere() + 1;
      const x = m.wire('x', 1);
      const y = m.wire('y', 1);
      x.set(y.and(a));
      y.set(x.or(a));
      m.output('o', 1).set(y);
    });
    expect(problems(m)).toEqual([
      `${at}: error: combinational loop: x -> y -> x (x at ${FILE}:${at}, y at ${FILE}:${at + 1})`,
    ]);
  });

  it('follows combinational paths through instances but not through registers', () => {
    const pass = defineModule('pass', (m) => {
      m.output('o', 1).set(m.input('i', 1));
    });
    const flop = defineModule('flop', (m) => {
      const r = m.reg('r', 1, { init: 0 });
      r.set(m.input('d', 1));
      m.output('q', 1).set(r);
    });
    let at = 0;
    const looped = defineModule('c2', (m) => {
      at = lineHere() + 1;
      const w = m.wire('w', 1);
      const o = m.instance('u', pass, { i: w }).o!;
      w.set(o.not());
      m.output('y', 1).set(w);
    });
    expect(problems(looped)).toEqual([
      `${at}: error: combinational loop: w -> u_o -> w (w at ${FILE}:${at}, u_o at ${FILE}:${at + 1})`,
    ]);
    const fine = defineModule('c3', (m) => {
      m.clock();
      m.reset();
      const w = m.wire('w', 1);
      const q = m.instance('u', flop, { clk: m.clock(), rst: m.reset(), d: w }).q!;
      w.set(q.not());
      m.output('y', 1).set(w);
    });
    expect(problems(fine)).toEqual([]);
  });
});

describe('names pass', () => {
  it('reports duplicates with the first declaration and renames keywords predictably', () => {
    let at = 0;
    const m = defineModule('n1', (m) => {
      at = lineHere() + 1;
      const a = m.input('reg', 1);
      const b = m.input('logic', 1);
      m.input('reg_', 1);
      m.output('y', 1).set(cat(a, b).orR());
      m.output('y', 1).set(a);
    });
    expect(problems(m)).toEqual([
      `${at + 4}: error: duplicate name 'y' (first declared at ${FILE}:${at + 3})`,
      `${at}: warning: 'reg' is a Verilog/SystemVerilog keyword: renamed to 'reg__'`,
      `${at + 1}: warning: 'logic' is a Verilog/SystemVerilog keyword: renamed to 'logic_'`,
    ]);
  });

  it('renames keyword ports in the IR that backends read', () => {
    const m = defineModule('n2', (m) => {
      m.output('output', 1).set(m.input('wire', 1));
    });
    const { design, warnings } = elaborate(m);
    expect(warnings.map((w) => w.message)).toEqual([
      "'output' is a Verilog/SystemVerilog keyword: renamed to 'output_'",
      "'wire' is a Verilog/SystemVerilog keyword: renamed to 'wire_'",
    ]);
    expect(design.modules[0]!.signals.map((s) => s.name)).toEqual(['output_', 'wire_']);
  });
});
