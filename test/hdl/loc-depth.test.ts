// Source locations through eDSL call paths of different depths (hdl/dsl/loc.ts collects a few
// frames first and more only when the eDSL calls itself deeper): in 'expression' mode every
// node names the line of the user's code that made it, whether the eDSL reached it in one
// frame (`a.add(b)`), three (`a.bit(i)`: bit → bits) or more (`m.named`: named → set →
// assign). In the default 'statement' mode an expression names the line of the statement or
// declaration that consumes it, and a width problem still names the expression's own line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emitDesign } from '../../gen/verilog/index.js';
import {
  defineModule,
  elaborate,
  HdlError,
  lit,
  locationMode,
  mux,
  setLocationCapture,
  setLocationMode,
} from '../../hdl/dsl/index.js';

const FILE = 'test/hdl/loc-depth.test.ts';

/** The line number of the caller (to pin locations without hard-coding line numbers). */
function lineHere(): number {
  const line = new Error().stack!.split('\n')[2]!;
  return Number(/:(\d+):\d+\)?$/.exec(line)![1]);
}

describe('source locations at every eDSL call depth (expression mode)', () => {
  beforeEach(() => setLocationMode('expression'));
  afterEach(() => setLocationCapture(true));
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

/** The diagnostic whose message contains `text`, from elaborating `mod` (which must fail). */
function diagnostic(mod: Parameters<typeof elaborate>[0], text: string) {
  try {
    elaborate(mod);
  } catch (e) {
    expect(e).toBeInstanceOf(HdlError);
    const d = (e as HdlError).diagnostics.find((x) => x.message.includes(text));
    expect(d, `a diagnostic containing '${text}'`).toBeDefined();
    return d!;
  }
  return expect.unreachable(`elaboration must report '${text}'`);
}

describe('source locations in the default statement mode', () => {
  beforeEach(() => setLocationCapture(true));

  it('is the default', () => {
    expect(locationMode()).toBe('statement');
  });

  it('an expression names the line of the first statement that consumes it', () => {
    const at: Record<string, number> = {};
    at.module = lineHere() + 1;
    const mod = defineModule('stmt_locs', (m) => {
      const a = m.input('a', 8);
      const c = m.input('c', 1);
      const sum = a.add(a); // consumed three lines below
      const b3 = a.bit(3);
      const unused = a.xor(a);
      at.named = lineHere() + 1;
      const w = m.named('w', sum);
      at.y = lineHere() + 1;
      m.output('y', 8).set(w.and(sum));
      const z = m.output('z', 1);
      z.set(0);
      const shared = b3.or(c);
      at.when = lineHere() + 1;
      m.when(shared.and(c), () => {
        at.inner = lineHere() + 1;
        z.set(shared);
      });
      void unused;
    });
    const ir = elaborate(mod).design.modules[0]!;
    const exprLoc = (op: string) => ir.exprs.find((e) => e.op === op)!.loc;
    expect(exprLoc('add')).toMatchObject({ file: FILE, line: at.named });
    expect(ir.signals.find((s) => s.name === 'w')!.loc).toMatchObject({ file: FILE, line: at.named });
    // `w.and(sum)`: the and is new, `sum` was located by its first consumer already.
    expect(exprLoc('and')).toMatchObject({ file: FILE, line: at.y });
    // The condition's tree (and → or → slice) takes the when's line; `shared` is not
    // relocated by its later use inside the arm.
    expect(exprLoc('or')).toMatchObject({ file: FILE, line: at.when });
    expect(exprLoc('slice')).toMatchObject({ file: FILE, line: at.when });
    expect(exprLoc('xor')).toMatchObject({ file: FILE, line: at.module });
    expect(at.inner).toBeGreaterThan(at.when);
  });

  it('a width mismatch inside an expression names the expression, not its statement', () => {
    let line = 0;
    const mod = defineModule('stmt_width', (m) => {
      const a = m.input('a', 8);
      const b = m.input('b', 4);
      line = lineHere() + 1;
      const bad = a.add(b.zext(5) as never);
      m.output('y', 8).set(bad.xor(a));
    });
    expect(diagnostic(mod, "width mismatch in 'add'").loc).toMatchObject({ file: FILE, line });
  });

  it('a mux with sides of two widths names its own line', () => {
    let line = 0;
    const mod = defineModule('stmt_mux', (m) => {
      const s = m.input('s', 1);
      const a = m.input('a', 8);
      const b = m.input('b', 4);
      line = lineHere() + 1;
      const bad = mux(s, a, b as never);
      m.output('y', 8).set(bad);
    });
    expect(diagnostic(mod, "width mismatch in 'mux'").loc).toMatchObject({ file: FILE, line });
  });

  it("a shared temporary's Verilog comment names its first consumer's line", () => {
    let line = 0;
    const mod = defineModule('stmt_temp', (m) => {
      const a = m.input('a', 8);
      const sum = a.add(1);
      line = lineHere() + 1;
      m.output('y', 1).set(sum.bit(0));
      m.output('z', 1).set(sum.bit(7));
    });
    const v = emitDesign(elaborate(mod).design)['stmt_temp.v']!;
    expect(v).toMatch(new RegExp(`wire \\[7:0\\] _t0 = a \\+ 8'h1; // ${FILE}:${line}\\n`));
  });

  it('VTI_LOCATIONS chooses the mode and a bad value is a one-line error', () => {
    const saved = process.env.VTI_LOCATIONS;
    try {
      process.env.VTI_LOCATIONS = 'expression';
      setLocationCapture(true);
      expect(locationMode()).toBe('expression');
      process.env.VTI_LOCATIONS = 'lines';
      expect(() => setLocationCapture(true)).toThrow(
        expect.objectContaining({
          message: "VTI_LOCATIONS must be one of statement, expression, off; got 'lines'",
          userFacing: true, // the command line prints it as one line, not as an internal error
        }),
      );
    } finally {
      if (saved === undefined) delete process.env.VTI_LOCATIONS;
      else process.env.VTI_LOCATIONS = saved;
      setLocationCapture(true);
    }
  });

  it('off: nothing is located', () => {
    setLocationCapture(false);
    try {
      const mod = defineModule('stmt_off', (m) => m.output('y', 4).set(m.input('a', 4).not()));
      const ir = elaborate(mod).design.modules[0]!;
      for (const e of ir.exprs) expect(e.loc.file).toBe('<unknown>');
    } finally {
      setLocationCapture(true);
    }
  });
});
