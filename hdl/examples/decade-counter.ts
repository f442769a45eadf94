// Example with properties: a decimal digit (0..9) that counts when enabled and carries on the
// step from 9 to 0. The properties state what a digit is; `bug: 'wraps-at-10'` is a fault
// injected at the eDSL level (the digit reaches 10), which the assertions catch in simulation
// and in the proof.
import { defineModule, mux, past, stable } from '../dsl/index.js';

export interface DecadeCounterOptions {
  readonly bug?: 'wraps-at-10';
}

export function decadeCounter({ bug }: DecadeCounterOptions = {}) {
  const last = bug === 'wraps-at-10' ? 10 : 9;
  return defineModule(
    'decade_counter',
    (m) => {
      const clk = m.clock();
      const rst = m.reset();
      const en = m.input('en', 1);
      const digit = m.output('digit', 4);
      const carry = m.output('carry', 1);
      const q = m.reg('q', 4, { init: 0 });
      const atLast = q.eq(last);
      m.when(en, () => q.set(mux(atLast, m.lit(0, 4), q.add(1))));
      digit.set(q);
      carry.set(en.and(atLast));

      m.assert(q.ule(9), 'the digit stays within 0..9');
      m.when(past(en).and(past(q).eq(9)), () => m.assert(q.eq(0), 'a digit at 9 wraps to 0'));
      m.when(past(en).not(), () => m.assert(stable(q), 'the digit holds while not enabled'));
      m.cover(carry, 'the digit carries');
      return { clk, rst, en, digit, carry };
    },
    {
      doc: 'A decimal digit with a carry, and its properties (hdl/examples/decade-counter.ts).',
      params: { bug: bug ?? 'none' },
    },
  );
}
