// eDSL fault injection (hdl/dsl/faults.ts): inside withFaults, the readers of a named signal
// see the fault's value; its driver, the other modules and builds outside stay as they were.
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, HdlError, withFaults } from '../../hdl/dsl/index.js';
import { createSimulator } from '../../sim/jssim/sim.js';

const gate = () =>
  defineModule('gate', (m) => {
    const a = m.input('a', 4);
    const b = m.input('b', 4);
    const both = m.named('both', a.and(b));
    m.output('y', 4).set(both.add(1));
    m.output('raw', 4).set(a);
  });

function run(design: ReturnType<typeof elaborate>['design'], a: number, b: number): [bigint, bigint] {
  const sim = createSimulator(design);
  sim.poke('a', a);
  sim.poke('b', b);
  return [sim.peek('y'), sim.peek('both')];
}

describe('withFaults', () => {
  it('readers of the faulted signal see the fault value; the signal keeps its driver', () => {
    const clean = elaborate(gate()).design;
    const faulty = withFaults(
      [{ module: 'gate', signal: 'both', value: (s) => s.original.or(s.signal('b')) }],
      () => elaborate(gate()).design,
    );
    // a = 0b1100, b = 0b1010: a & b = 0b1000; the fault gives (a & b) | b = 0b1010.
    expect(run(clean, 0b1100, 0b1010)).toEqual([0b1001n, 0b1000n]);
    expect(run(faulty, 0b1100, 0b1010)).toEqual([0b1011n, 0b1000n]);
    // Outside withFaults the same generator builds the clean design again.
    expect(run(elaborate(gate()).design, 0b1100, 0b1010)).toEqual([0b1001n, 0b1000n]);
  });

  it('a fault on a missing signal or module, or of the wrong width, is an error', () => {
    expect(() =>
      withFaults([{ module: 'gate', signal: 'bothh', value: (s) => s.original }], () => elaborate(gate())),
    ).toThrow(HdlError);
    expect(() =>
      withFaults([{ module: 'gates', signal: 'both', value: (s) => s.original }], () => elaborate(gate())),
    ).toThrow(/fault on gates\.both: no such module was built/);
    expect(() =>
      withFaults([{ module: 'gate', signal: 'both', value: (s) => s.lit(1, 1) }], () => elaborate(gate())),
    ).toThrow(/fault on 'both': the value is 1 bits, the signal 4/);
    expect(() =>
      withFaults([{ module: 'gate', signal: 'both', value: (s) => s.signal('c') }], () => elaborate(gate())),
    ).toThrow(/module 'gate' has no signal 'c'/);
  });
});
