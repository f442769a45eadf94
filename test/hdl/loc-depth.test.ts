// Source locations through eDSL call paths of different depths (hdl/dsl/loc.ts collects a few
// frames first and more only when the eDSL calls itself deeper): every node names the line of
// the user's code that made it, whether the eDSL reached it in one frame (`a.add(b)`), three
// (`a.bit(i)`: bit → bits) or more (`m.named`: named → set → assign).
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate } from '../../hdl/dsl/index.js';

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
});
