// Parameterized designs for the generator benchmark: a priority encoder of N inputs (the
// VT-i fault-priority generator with an N-row table) and a chain of N instances of a 64-bit
// register-plus-adder module.
import type { PriorityRow } from '../../arch/priority.js';
import { defineModule, type HdlModule } from '../../hdl/dsl/index.js';
import { vtiFaultPrio } from '../../hdl/vti/fault-prio.js';

export function encoderTable(n: number): PriorityRow[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `row${i}`,
    title: `row ${i}`,
    vector: (i * 0x100) & 0x7f00,
    isrCode: i & 0xffff,
    kind: i % 3 === 0 ? 'interrupt' : i % 3 === 1 ? 'fault' : 'trap',
    access: 'none',
    whenIcOff: 'itself',
  }));
}

export function encoder(n: number): HdlModule {
  // The prefix shape: the benchmark's 'prefix' style (vti_fault_prio's default shape is chosen for 56 rows).
  return vtiFaultPrio({ table: encoderTable(n), structure: 'prefix' });
}

export function regAdd(): HdlModule {
  return defineModule(
    'regadd',
    (m) => {
      m.clock();
      m.reset();
      const d = m.input('d', 64);
      const q = m.output('q', 64);
      const r = m.reg('acc', 64, { init: 0 });
      r.set(r.add(d));
      q.set(r.xor(d));
    },
    { doc: '64-bit accumulator stage' },
  );
}

export function chain(n: number): HdlModule {
  const stage = regAdd();
  return defineModule(
    'chain',
    (m) => {
      const clk = m.clock();
      const rst = m.reset();
      let v = m.input('d', 64) as import('../../hdl/dsl/index.js').Value;
      for (let i = 0; i < n; i++) v = m.instance(`u${i}`, stage, { clk, rst, d: v }).q!;
      m.output('q', 64).set(v);
    },
    { doc: `chain of ${n} regadd stages` },
  );
}
