// vti_core on both engines: every instruction class at every cpl with vm = 0 and vm = 1,
// simultaneous faults in priority order, the dispatch sequence of §4, vmsw, rfi, external
// interrupts. Expected outcomes are derived in the test from the spec's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CR } from '../../../arch/cr.js';
import { ICLASS, type IClassName } from '../../../arch/iclass.js';
import { PRIORITY_TABLE } from '../../../arch/priority.js';
import { PSR_KEPT_MASK } from '../../../arch/psr.js';
import { portsOf } from '../../../gen/verilog/index.js';
import { vtiDesign } from '../../../gen/vti.js';
import type { Engine } from '../../../sim/engine.js';
import { bothEngines, columnsOf, valueAt, wordsOf } from './harness.js';

const design = vtiDesign('vti_core');
const top = design.modules.find((m) => m.name === 'vti_core')!;
const inputs = portsOf(top)
  .filter((p) => p.dir === 'input' && p.name !== 'clk')
  .map((p) => ({ ...p, words: wordsOf(p.width) }));
const outputs = portsOf(top).filter((p) => p.dir === 'output');
let engines: Engine[] = [];
beforeAll(async () => {
  engines = await bothEngines(design);
});
afterAll(async () => {
  for (const e of engines) await e.close();
});

type Ev = Record<string, bigint | number>;
const bit = (n: number) => 1n << BigInt(n);
const PSR = {
  ic: bit(13),
  i: bit(14),
  dt: bit(17),
  it: bit(36),
  bn: bit(44),
  vm: bit(46),
  cpl: (c: number) => BigInt(c) << 32n,
  ri: (s: number) => BigInt(s) << 41n,
};
const cls = (k: IClassName) => ICLASS[k].code;
const ev = (k: IClassName, more: Ev = {}): Ev => ({ ev_valid: 1, iclass: cls(k), ip: 0x10_0000, ...more });
/** Reset, then load PSR = psr through IPSR and rfi (both legal from the reset state: cpl 0, ic 0). */
const enter = (psr: bigint, more: Ev[] = []): Ev[] => [
  { rst: 1 },
  ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: psr }),
  ev('RFI'),
  ...more,
];

/** Runs the cycles on both engines; returns per engine the outputs after each cycle. */
async function run(cycles: Ev[]): Promise<{ engine: string; at: (i: number) => Record<string, bigint> }[]> {
  const cols = columnsOf(inputs, cycles);
  return Promise.all(
    engines.map(async (e) => {
      const out = await e.stepBatch(cols, cycles.length);
      return {
        engine: e.name,
        at: (i: number) => Object.fromEntries(outputs.map((p) => [p.name, valueAt(out[p.name]!, p.width, i)])),
      };
    }),
  );
}

const row = (name: string) => PRIORITY_TABLE.find((r) => r.name === name)!;
/** The spec's outcome for an instruction class at (cpl, vm) with well-formed operands. */
function expected(k: IClassName, cpl: number, vm: number): { vector: number; code: number } | 'completes' {
  const info = ICLASS[k];
  if (k === 'BREAK') return { vector: 0x2c00, code: 0 };
  if (k === 'VMSW') return cpl !== 0 ? { vector: 0x5400, code: 0x10 } : 'completes';
  if (info.privileged && cpl !== 0) return { vector: 0x5400, code: 0x10 };
  if (vm === 1 && ((info.virt === 'cpl0' && cpl === 0) || info.virt === 'any'))
    return { vector: row('virtualization').vector, code: 0 };
  return 'completes';
}

describe('vti_core: every class × cpl × vm', () => {
  it('raises Privileged Operation, Virtualization or completes as §3.3 says', async () => {
    const cycles: Ev[] = [];
    const cases: { k: IClassName; cpl: number; vm: number; at: number }[] = [];
    for (const k of Object.keys(ICLASS) as IClassName[])
      for (let cpl = 0; cpl < 4; cpl++)
        for (const vm of [0, 1]) {
          // Well-formed operands: DCR (legal at ic 0), zero immediates, an ar 7 page, pfs.ppl 3.
          const seq = enter(PSR.cpl(cpl) | (vm ? PSR.vm : 0n) | PSR.it, [
            ev(k, { cr_num: CR.DCR, page_ar: 7, pfs_ppl: 3, imm: k === 'BREAK' ? 5 : 0 }),
          ]);
          cases.push({ k, cpl, vm, at: cycles.length + seq.length - 1 });
          cycles.push(...seq);
        }
    for (const r of await run(cycles)) {
      for (const c of cases) {
        const o = r.at(c.at);
        const want = expected(c.k, c.cpl, c.vm);
        const what = `${r.engine}: ${c.k} at cpl ${c.cpl} vm ${c.vm}`;
        if (want === 'completes') {
          expect({ taken: o.taken, completed: o.completed }, what).toEqual({ taken: 0n, completed: 1n });
        } else {
          expect({ taken: o.taken, vector: o.intr_vector, code: o.isr! & 0xffffn }, what).toEqual({
            taken: 1n,
            vector: BigInt(want.vector),
            code: BigInt(want.code),
          });
          // §4: after any interruption cpl = 0, vm = 0, IP = IVA + vector (IVA = 0 here).
          expect({ cpl: (o.psr! >> 32n) & 3n, vm: (o.psr! >> 46n) & 1n, ip: o.next_ip }, what).toEqual({
            cpl: 0n,
            vm: 0n,
            ip: BigInt(want.vector),
          });
        }
      }
    }
  });
});

describe('vti_core: simultaneous faults in priority order', () => {
  const cases: { what: string; psr: bigint; e: Ev; vector: number; code: number }[] = [
    {
      what: 'ssm with a reserved bit at cpl 3: Privileged Operation beats Reserved Field',
      psr: PSR.cpl(3),
      e: ev('SSM', { imm: 1 << 16 }),
      vector: 0x5400,
      code: 0x10,
    },
    {
      what: 'ssm with a reserved bit at cpl 0 vm 1: Reserved Field beats Virtualization',
      psr: PSR.vm,
      e: ev('SSM', { imm: 1 << 16 }),
      vector: 0x5400,
      code: 0x30,
    },
    {
      what: 'mov psr.l with a NaT source at vm 1: Register NaT beats Virtualization',
      psr: PSR.vm,
      e: ev('MOV_TO_PSR_L', { r2_nat: 1 }),
      vector: 0x5600,
      code: 0x10,
    },
    {
      what: 'mov psr.l, NaT and reserved bits: Register NaT beats Reserved Field',
      psr: 0n,
      e: ev('MOV_TO_PSR_L', { r2_nat: 1, r2: 1 }),
      vector: 0x5600,
      code: 0x10,
    },
    {
      what: 'mov to a reserved CR at cpl 3: Illegal Operation beats Privileged Operation',
      psr: PSR.cpl(3),
      e: ev('MOV_TO_CR', { cr_num: 3 }),
      vector: 0x5400,
      code: 0x00,
    },
    {
      what: 'mov to IIP while ic = 1: Illegal Operation',
      psr: PSR.ic,
      e: ev('MOV_TO_CR', { cr_num: CR.IIP }),
      vector: 0x5400,
      code: 0x00,
    },
    {
      what: 'mov to IVR (read-only) at vm 1: Illegal Operation beats Virtualization',
      psr: PSR.vm,
      e: ev('MOV_TO_CR', { cr_num: CR.IVR }),
      vector: 0x5400,
      code: 0x00,
    },
    {
      what: 'mov to DCR with a reserved bit at vm 1: Reserved Field beats Virtualization',
      psr: PSR.vm,
      e: ev('MOV_TO_CR', { cr_num: CR.DCR, r2: bit(40) }),
      vector: 0x5400,
      code: 0x30,
    },
    {
      what: 'epc with pfs.ppl < cpl: Illegal Operation',
      psr: PSR.cpl(2),
      e: ev('EPC', { pfs_ppl: 1 }),
      vector: 0x5400,
      code: 0x00,
    },
    {
      what: 'vmsw at cpl 0 on an ar 6 page: Virtualization',
      psr: PSR.it,
      e: ev('VMSW', { page_ar: 6, variant: 1 }),
      vector: 0x6100,
      code: 0,
    },
    {
      what: 'external interrupt with psr.i beats every fault of the instruction',
      psr: PSR.i | PSR.cpl(3),
      e: ev('SSM', { ext_int: 1, imm: 1 }),
      vector: 0x3000,
      code: 0,
    },
    {
      what: 'guest load from a monitor-only address: Unimplemented Data Address',
      psr: PSR.vm | PSR.dt,
      e: ev('LOAD', { addr: 0x1000_0000_0000_0000n }),
      vector: 0x5400,
      code: 0x30,
    },
    {
      what: 'environment Data TLB fault while ic = 0 becomes Data Nested TLB',
      psr: 0n,
      e: ev('LOAD', { env_pending: bit(PRIORITY_TABLE.findIndex((r) => r.name === 'data_tlb')) }),
      vector: 0x1400,
      code: 0,
    },
  ];
  it('dispatches the winner of each pair', async () => {
    const cycles: Ev[] = [];
    const at: number[] = [];
    for (const c of cases) {
      const s = enter(c.psr, [c.e]);
      at.push(cycles.length + s.length - 1);
      cycles.push(...s);
    }
    for (const r of await run(cycles))
      cases.forEach((c, i) => {
        const o = r.at(at[i]!);
        expect({ vector: o.intr_vector, code: o.isr! & 0xffffn }, `${r.engine}: ${c.what}`).toEqual({
          vector: BigInt(c.vector),
          code: BigInt(c.code),
        });
      });
  });
  it('lets the VMM (vm = 0) reach the monitor-only address that the guest may not', async () => {
    for (const r of await run(enter(PSR.dt, [ev('LOAD', { addr: 0x1000_0000_0000_0000n })])))
      expect(r.at(3).completed, r.engine).toBe(1n);
  });
  it('rejects the reserved values of PTA, IFS and TPR on mov to cr, and accepts their neighbours', async () => {
    // A frame marker: sof 6:0, sol 13:7, sor 17:14 (groups of 8), rrb.gr 24:18, rrb.fr 31:25, rrb.pr 37:32.
    const fm = (f: { sof?: number; sol?: number; sor8?: number; gr?: number; fr?: number; pr?: number }) =>
      BigInt(f.sof ?? 0) |
      (BigInt(f.sol ?? 0) << 7n) |
      (BigInt(f.sor8 ?? 0) << 14n) |
      (BigInt(f.gr ?? 0) << 18n) |
      (BigInt(f.fr ?? 0) << 25n) |
      (BigInt(f.pr ?? 0) << 32n);
    const v = bit(63);
    const writes: { what: string; cr: number; r2: bigint; reserved: boolean }[] = [
      { what: 'PTA.size 14 (VHPT below 32 KiB)', cr: CR.PTA, r2: 14n << 2n, reserved: true },
      { what: 'PTA.size 15', cr: CR.PTA, r2: 15n << 2n, reserved: false },
      { what: 'IFS valid, sof 96', cr: CR.IFS, r2: v | fm({ sof: 96, sol: 96 }), reserved: false },
      { what: 'IFS valid, sof 97', cr: CR.IFS, r2: v | fm({ sof: 97 }), reserved: true },
      { what: 'IFS not valid, sof 97', cr: CR.IFS, r2: fm({ sof: 97 }), reserved: false },
      { what: 'IFS valid, sol > sof', cr: CR.IFS, r2: v | fm({ sof: 4, sol: 5 }), reserved: true },
      { what: 'IFS valid, sor 16 > sof 8', cr: CR.IFS, r2: v | fm({ sof: 8, sor8: 2 }), reserved: true },
      { what: 'IFS valid, rrb.gr 7 < sor 8', cr: CR.IFS, r2: v | fm({ sof: 8, sor8: 1, gr: 7 }), reserved: false },
      { what: 'IFS valid, rrb.gr 8 = sor 8', cr: CR.IFS, r2: v | fm({ sof: 8, sor8: 1, gr: 8 }), reserved: true },
      { what: 'IFS valid, rrb.gr 1 without rotating part', cr: CR.IFS, r2: v | fm({ sof: 8, gr: 1 }), reserved: true },
      { what: 'IFS valid, rrb.fr 95, rrb.pr 47', cr: CR.IFS, r2: v | fm({ fr: 95, pr: 47 }), reserved: false },
      { what: 'IFS valid, rrb.fr 96', cr: CR.IFS, r2: v | fm({ fr: 96 }), reserved: true },
      { what: 'IFS valid, rrb.pr 48', cr: CR.IFS, r2: v | fm({ pr: 48 }), reserved: true },
      { what: 'TPR bit 8', cr: CR.TPR, r2: bit(8), reserved: true },
      { what: 'TPR mic and mmi', cr: CR.TPR, r2: 0xf0n | bit(16), reserved: false },
    ];
    const cycles: Ev[] = [];
    const at: number[] = [];
    for (const w of writes) {
      const s = enter(0n, [ev('MOV_TO_CR', { cr_num: w.cr, r2: w.r2 })]);
      at.push(cycles.length + s.length - 1);
      cycles.push(...s);
    }
    for (const r of await run(cycles))
      writes.forEach((w, i) => {
        const o = r.at(at[i]!);
        const seen = o.taken === 1n ? { vector: o.intr_vector, code: o.isr! & 0xffffn } : 'completes';
        expect(seen, `${r.engine}: ${w.what}`).toEqual(w.reserved ? { vector: 0x5400n, code: 0x30n } : 'completes');
      });
  });
});

describe('vti_core: dispatch, vmsw, rfi', () => {
  it('writes IPSR/IIP/ISR/IFA/IIB and the interruption PSR when ic = 1 (§4)', async () => {
    const psr = PSR.ic | PSR.dt | PSR.vm | PSR.bn | PSR.i;
    const bundle = (0x0123_4567_89ab_cdefn << 64n) | 0xfedc_ba98_7654_3210n;
    const iva = 0xa000_0000_0001_7fffn;
    const cycles: Ev[] = [
      { rst: 1 },
      ev('MOV_TO_CR', { cr_num: CR.IVA, r2: iva }), // VMM at cpl 0, vm 0: completes
      ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: psr }),
      ev('RFI'),
      ev('LOAD', { addr: 0x1000_0000_0000_0000n, slot: 2, ip: 0x4_2230, bundle }), // guest: monitor-only address
    ];
    for (const r of await run(cycles)) {
      const o = r.at(4);
      expect(o.taken, r.engine).toBe(1n);
      expect(o.ipsr, r.engine).toBe(psr | PSR.ri(2)); // PSR with ri ← slot
      expect(o.iip, r.engine).toBe(0x4_2230n);
      expect(o.ifa, r.engine).toBe(0x1000_0000_0000_0000n);
      expect([o.iib0, o.iib1], r.engine).toEqual([bundle & ((1n << 64n) - 1n), bundle >> 64n]);
      // ISR: code 0x30, ei = slot 2, ni = 0 (ic was 1), r = 1 (a load)
      expect(o.isr, r.engine).toBe(0x30n | (2n << 41n) | bit(34));
      expect(o.psr, r.engine).toBe(psr & PSR_KEPT_MASK); // be/pp from DCR (0); cpl, vm, ic, i, bn → 0
      expect(o.next_ip, r.engine).toBe(0xa000_0000_0001_0000n | 0x5400n); // IVA{63:15} ∥ offset
      expect(o.iva, r.engine).toBe(iva);
    }
  });

  it('turns a guest kernel mov to IVA into a Virtualization fault that leaves IVA alone', async () => {
    for (const r of await run(enter(PSR.vm, [ev('MOV_TO_CR', { cr_num: CR.IVA, r2: 0x8000 })]))) {
      expect([r.at(3).intr_vector, r.at(3).iva, r.at(3).completed], r.engine).toEqual([0x6100n, 0n, 0n]);
    }
  });

  it('writes only ISR when ic = 0 (ni = 1)', async () => {
    for (const r of await run(enter(0n, [ev('BREAK', { imm: 9, slot: 1 })]))) {
      const o = r.at(3);
      expect([o.isr, o.iip, o.iim, o.ipsr], r.engine).toEqual([bit(39) | (1n << 41n), 0n, 0n, 0n]);
    }
  });

  it('commits vmsw.0 on an ar = 7 page without an interruption, and vmsw.1 back', async () => {
    const cycles = enter(PSR.vm | PSR.it, [
      ev('VMSW', { variant: 0, page_ar: 7 }),
      ev('VMSW', { variant: 1, page_ar: 7 }),
    ]);
    for (const r of await run(cycles)) {
      expect([r.at(3).taken, (r.at(3).psr! >> 46n) & 1n, r.at(3).redirect], r.engine).toEqual([0n, 0n, 0n]);
      expect([r.at(4).taken, (r.at(4).psr! >> 46n) & 1n], r.engine).toEqual([0n, 1n]);
    }
  });

  it('rfi into a guest: PSR ← IPSR (vm 1, cpl 0), IP ← IIP with slot IPSR.ri', async () => {
    const cycles: Ev[] = [
      { rst: 1 },
      ev('MOV_TO_CR', { cr_num: CR.IIP, r2: 0x20_0010 }),
      ev('MOV_TO_CR', { cr_num: CR.IPSR, r2: PSR.vm | PSR.ic | PSR.ri(1) }),
      ev('RFI'),
    ];
    for (const r of await run(cycles)) {
      const o = r.at(3);
      expect([o.psr, o.redirect, o.next_ip, o.next_slot], r.engine).toEqual([
        PSR.vm | PSR.ic | PSR.ri(1),
        1n,
        0x20_0010n,
        1n,
      ]);
    }
  });

  it('updates IIPA with each instruction completed while ic = 1', async () => {
    for (const r of await run(enter(PSR.ic, [ev('OTHER', { ip: 0x5550 }), ev('OTHER', { ip: 0x5560 })])))
      expect(r.at(4).iipa, r.engine).toBe(0x5560n);
  });

  it('reads PSR without vm (mov r1 = psr reads {36:35} and {31:0})', async () => {
    for (const r of await run(enter(PSR.it | PSR.dt | PSR.cpl(0), [ev('MOV_FROM_PSR')])))
      expect([r.at(3).rd_valid, r.at(3).rd_value], r.engine).toEqual([1n, PSR.it | PSR.dt]);
  });

  it('br.ret to a less privileged frame demotes cpl to PFS.ppl, never promotes', async () => {
    const cycles = enter(PSR.cpl(1) | PSR.it, [
      ev('BRANCH', { variant: 1, pfs_ppl: 3 }),
      ev('BRANCH', { variant: 1, pfs_ppl: 0 }),
      ev('BRANCH', { variant: 0, pfs_ppl: 0 }),
    ]);
    for (const r of await run(cycles)) {
      expect(
        [3, 4, 5].map((i) => (r.at(i).psr! >> 32n) & 3n),
        r.engine,
      ).toEqual([3n, 3n, 3n]);
      expect(r.at(3).psr! & PSR.it, r.engine).toBe(PSR.it); // the rest of the PSR is kept
      expect(r.at(3).taken, r.engine).toBe(0n);
    }
  });
});
