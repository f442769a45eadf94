// hdl/vti/compare-logic.ts: the unsigned comparisons vti_core's operand checks write as plain
// logic (no carry chain) agree with the numbers, exhaustively over 5-bit operands, against
// another operand and against every constant on either side.
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate } from '../../../hdl/dsl/index.js';
import { compareLogic } from '../../../hdl/vti/compare-logic.js';
import { createSimulator } from '../../../sim/jssim/sim.js';

const W = 5;
const OPS = ['ugt', 'ult', 'uge', 'ule'] as const;
const truth = {
  ugt: (a: number, b: number) => a > b,
  ult: (a: number, b: number) => a < b,
  uge: (a: number, b: number) => a >= b,
  ule: (a: number, b: number) => a <= b,
};

function harness(k: number) {
  return defineModule(`cmp_${k}`, (m) => {
    const a = m.input('a', W);
    const b = m.input('b', W);
    const c = compareLogic(m);
    for (const op of OPS) {
      m.output(`${op}_ab`, 1).set(c[op](a, b));
      m.output(`${op}_ak`, 1).set(c[op](a, k));
      m.output(`${op}_ka`, 1).set(c[op](k, a));
    }
  });
}

describe('compareLogic', () => {
  it('agrees with <, <=, >, >= on every pair of 5-bit values and every constant', () => {
    let checked = 0;
    for (const k of [0, 1, 15, 16, 30, 31]) {
      const sim = createSimulator(elaborate(harness(k)).design);
      for (let a = 0; a < 2 ** W; a++)
        for (let b = 0; b < 2 ** W; b++) {
          sim.poke('a', a);
          sim.poke('b', b);
          sim.eval();
          for (const op of OPS) {
            expect(sim.peek(`${op}_ab`), `${a} ${op} ${b}`).toBe(truth[op](a, b) ? 1n : 0n);
            expect(sim.peek(`${op}_ak`), `${a} ${op} ${k}`).toBe(truth[op](a, k) ? 1n : 0n);
            expect(sim.peek(`${op}_ka`), `${k} ${op} ${a}`).toBe(truth[op](k, a) ? 1n : 0n);
            checked += 3;
          }
        }
    }
    expect(checked).toBe(6 * 32 * 32 * 12);
  });
  it('rejects a constant that does not fit and operands of different widths', () => {
    expect(() =>
      elaborate(defineModule('bad_k', (m) => m.output('y', 1).set(compareLogic(m).ugt(m.input('a', 3), 8)))),
    ).toThrow(/8 is not a 3-bit constant/);
    expect(() =>
      elaborate(
        defineModule('bad_w', (m) => m.output('y', 1).set(compareLogic(m).ugt(m.input('a', 3), m.input('b', 4)))),
      ),
    ).toThrow(/widths 3 and 4/);
  });
});
