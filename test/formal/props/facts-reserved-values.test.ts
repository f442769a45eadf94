// The spec facts' Reserved Register/Field term covers the reserved *values* of a mov to cr that
// vti_core checks (docs/vti_core.md, "What the core decides"): IPSR.ri and ISR.ei = 3, PTA.size
// below 15, a valid IFS whose frame marker no alloc makes, TPR{15:8}. The oracle is the
// emulator's own statement of them (model/exec/reserved-values.ts, interrupt-crs.ts), written
// apart from formal/props/facts.ts. Seen through aboveVirt: for a mov to cr at cpl 0 with
// PSR.ic = 0 and nothing else pending, the only condition above Virtualization is the
// reserved-field fault.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../arch/config.js';
import { CR, CR_RESERVED_MASK } from '../../../arch/cr.js';
import { ICLASS } from '../../../arch/iclass.js';
import { PRIORITY_TABLE } from '../../../arch/priority.js';
import { PSR_RESERVED_MASK } from '../../../arch/psr.js';
import { type FactEvent, specFacts } from '../../../formal/props/facts.js';
import { defineModule, elaborate } from '../../../hdl/dsl/index.js';
import { interruptCrReserved } from '../../../model/exec/interrupt-crs.js';
import { reservedCrValue } from '../../../model/exec/reserved-values.js';
import { createEngine } from '../../../sim/engine.js';

const WIDTHS = {
  ev_valid: 1,
  iclass: 5,
  variant: 1,
  imm: 24,
  r2: 64,
  r2_nat: 1,
  cr_num: 7,
  page_ar: 3,
  page_pl: 2,
  pfs_ppl: 2,
  addr: 64,
  has_addr: 1,
  ext_int: 1,
  env_pending: PRIORITY_TABLE.length,
  vm_disabled: 1,
  vmsw_disabled: 1,
} as const satisfies Record<keyof FactEvent, number>;

const probe = defineModule('facts_probe', (m) => {
  const ev = Object.fromEntries(Object.entries(WIDTHS).map(([k, w]) => [k, m.input(k, w)])) as unknown as FactEvent;
  const psr = m.input('psr_before', 64);
  m.output('above_virt', 1).set(specFacts(m, ev, psr, DEFAULT_CONFIG).aboveVirt);
});

/** Deterministic 64-bit values (xorshift), so a failure reproduces. */
function* values(seed: bigint): Generator<bigint> {
  let x = seed;
  for (;;) {
    x ^= (x << 13n) & 0xffff_ffff_ffff_ffffn;
    x ^= x >> 7n;
    x ^= (x << 17n) & 0xffff_ffff_ffff_ffffn;
    yield x;
  }
}

/** The emulator's verdict on `mov cr[n] = v`: a reserved bit or a reserved value. */
function expectedReserved(n: number, v: bigint): boolean {
  const mask = n === CR.IPSR ? PSR_RESERVED_MASK : (CR_RESERVED_MASK[n] ?? 0n);
  return (v & mask) !== 0n || reservedCrValue(n, v) || interruptCrReserved(n, v);
}

describe('spec facts: reserved values of a mov to cr', () => {
  it('aboveVirt is the emulator’s reserved-field verdict for PTA, IFS, TPR, IPSR and ISR writes', async () => {
    const crs = [CR.PTA, CR.IFS, CR.TPR, CR.IPSR, CR.ISR] as const;
    const rows: { n: number; v: bigint }[] = [];
    const gen = values(0x9e37_79b9_7f4a_7c15n);
    for (const n of crs) {
      // Values with only the checked fields set (no reserved bits), half with random fields:
      // the reserved-value cases are then common, not drowned by reserved bits.
      const mask = n === CR.IPSR ? PSR_RESERVED_MASK : (CR_RESERVED_MASK[n] ?? 0n);
      for (let i = 0; i < 400; i++) {
        const r = gen.next().value;
        const narrow = n === CR.IFS ? (r & ((1n << 38n) - 1n)) | (((r >> 40n) & 1n) << 63n) : r & ~mask;
        rows.push({ n, v: i % 8 === 0 ? r : narrow & 0xffff_ffff_ffff_ffffn });
      }
    }
    // A few values at the edges of each rule.
    rows.push(
      { n: CR.PTA, v: 14n << 2n },
      { n: CR.PTA, v: 15n << 2n },
      { n: CR.IFS, v: (1n << 63n) | 96n },
      { n: CR.IFS, v: (1n << 63n) | 97n },
      { n: CR.IFS, v: 97n },
      { n: CR.TPR, v: 1n << 8n },
      { n: CR.TPR, v: (1n << 16n) | 0xf0n },
      { n: CR.IPSR, v: 3n << 41n },
      { n: CR.ISR, v: 3n << 41n },
      { n: CR.ISR, v: 2n << 41n },
    );
    const design = elaborate(probe).design;
    const engine = await createEngine('builtin', design);
    try {
      const count = rows.length;
      const col = (w: number, at: (i: number) => bigint) => {
        const words = Math.ceil(w / 32);
        const a = new Uint32Array(count * words);
        for (let i = 0; i < count; i++)
          for (let k = 0; k < words; k++) a[i * words + k] = Number((at(i) >> BigInt(32 * k)) & 0xffff_ffffn);
        return a;
      };
      const inputs: Record<string, Uint32Array> = {};
      for (const [k, w] of Object.entries(WIDTHS)) inputs[k] = col(w, () => 0n);
      inputs.ev_valid = col(1, () => 1n);
      inputs.iclass = col(5, () => BigInt(ICLASS.MOV_TO_CR.code));
      inputs.cr_num = col(7, (i) => BigInt(rows[i]!.n));
      inputs.r2 = col(64, (i) => rows[i]!.v);
      inputs.psr_before = col(64, () => 0n); // cpl 0, ic 0, vm 0
      const out = await engine.evalBatch(inputs, count);
      const got = (i: number) => out.above_virt![i] === 1;
      let reservedSeen = 0;
      for (let i = 0; i < count; i++) {
        const { n, v } = rows[i]!;
        const want = expectedReserved(n, v);
        if (want) reservedSeen++;
        expect(got(i), `mov cr${n} = 0x${v.toString(16)}`).toBe(want);
      }
      // Both verdicts occur often enough for the comparison to mean something.
      expect(reservedSeen).toBeGreaterThan(count / 10);
      expect(reservedSeen).toBeLessThan(count - count / 10);
    } finally {
      await engine.close();
    }
  });
});
