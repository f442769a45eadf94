// Source locations through eDSL call paths of different depths (hdl/dsl/loc.ts collects a few
// frames first and more only when the eDSL calls itself deeper): every node names the line of
// the user's code that made it, whether the eDSL reached it in one frame (`a.add(b)`), three
// (`a.bit(i)`: bit → bits) or more (`m.named`: named → set → assign).
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, HdlError, lit, mux } from '../../hdl/dsl/index.js';

const FILE = 'test/hdl/loc-depth.test.ts';

/** The line number of the caller (to pin locations without hard-coding line numbers). */
function lineHere(): number {
  const line = new Error().stack!.split('\n')[2]!;
  return Number(/:(\d+):\d+\)?$/.exec(line)![1]);
}

describe('source locations at every eDSL call depth', () => {
  it('name the user line for a method, a bit select, a named wire and its assignment', () => {
    const at: Record<string, number> = {};
    const mod = defineModule('locs', (m) => {
      const a = m.input('a', 8);
      at.add = lineHere() + 1;
      const sum = a.add(a);
      at.bit = lineHere() + 1;
      const b3 = a.bit(3);
      at.named = lineHere() + 1;
      const w = m.named('w', sum);
      m.output('y', 8).set(w);
      m.output('z', 1).set(b3);
    });
    const ir = elaborate(mod).design.modules[0]!;
    const exprLine = (op: string) => ir.exprs.find((e) => e.op === op)!.loc;
    expect(exprLine('add')).toMatchObject({ file: FILE, line: at.add });
    expect(exprLine('slice')).toMatchObject({ file: FILE, line: at.bit });
    expect(ir.signals.find((s) => s.name === 'w')!.loc).toMatchObject({ file: FILE, line: at.named });
    const assignW = ir.processes
      .flatMap((p) => p.body)
      .find((s) => s.kind === 'assign' && ir.signals[s.target]!.name === 'w')!;
    expect(assignW.loc).toMatchObject({ file: FILE, line: at.named });
  });

  // The rule of DEFERRED in hdl/dsl/loc.ts: a literal takes the location of its first user.
  it('locate a literal at the line of its first user, a case value at its case, an unused one at its module', () => {
    const at: Record<string, number> = {};
    at.module = lineHere() + 1;
    const mod = defineModule('lits', (m) => {
      const s = m.input('s', 1);
      const x = m.input('x', 4);
      const early = m.lit(9, 4); // made here, first used two lines below
      m.lit(7, 4); // never used
      at.mux = lineHere() + 1;
      const y = mux(s, early, x);
      at.inline = lineHere() + 1;
      const z = x.add(lit(3, 4));
      const q = m.output('q', 4);
      q.set(0);
      at.case = lineHere() + 1;
      m.switch(x, (c) => c.is(m.lit(5, 4), () => q.set(1)));
      m.output('y', 4).set(y);
      m.output('z', 4).set(z);
    });
    const ir = elaborate(mod).design.modules[0]!;
    const litLine = (hex: string) => ir.exprs.find((e) => e.op === 'const' && e.value === hex)!.loc;
    expect(litLine('9')).toMatchObject({ file: FILE, line: at.mux });
    expect(litLine('3')).toMatchObject({ file: FILE, line: at.inline });
    expect(litLine('5')).toMatchObject({ file: FILE, line: at.case });
    expect(litLine('7')).toMatchObject({ file: FILE, line: at.module });
  });

  it('report a literal that does not fit at the line that made it', () => {
    let line = 0;
    const mod = defineModule('bad_lit', (m) => {
      const x = m.input('x', 4);
      line = lineHere() + 1;
      const big = m.lit(300, 4);
      m.output('y', 4).set(x.and(big));
    });
    try {
      elaborate(mod);
      expect.unreachable('a 4-bit literal of 300 must be reported');
    } catch (e) {
      expect(e).toBeInstanceOf(HdlError);
      const d = (e as HdlError).diagnostics.find((x) => x.message.includes('does not fit'))!;
      expect(d.loc).toMatchObject({ file: FILE, line });
    }
  });
});
