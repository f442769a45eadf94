// Directed vectors from the spec tables, run through each hand-written reference with Icarus:
// every PSR op row and reserved-field bit, every vmsw input combination (so every ordering
// case), address-check boundaries for several configurations, and priority rows alone and in
// pairs. Expected values come from models.ts (spec text), never from the references.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIverilog, type Port } from './iverilog.js';
import {
  addrModel,
  type AddrCfg,
  PRIO_N,
  prioModel,
  psrModel,
  type PsrIn,
  rng,
  vmswModel,
  type VmswIn,
} from './models.js';
import { bitsMask, M64, psrFaultMasks, psrSpec } from './spec.js';

const ref = (n: string) => readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8');
const hex = (v: bigint) => '0x' + v.toString(16);

describe('ref_vti_psr directed vectors', () => {
  const P = psrSpec();
  const FAULT = psrFaultMasks();
  const inputs: Port[] = [
    { name: 'rst', width: 1 },
    { name: 'op', width: 4 },
    { name: 'operand', width: 64 },
    { name: 'slot', width: 2 },
    { name: 'dcr_be', width: 1 },
    { name: 'dcr_pp', width: 1 },
  ];
  const outputs: Port[] = [
    { name: 'psr', width: 64 },
    { name: 'ipsr_save', width: 64 },
    { name: 'rsv_fault', width: 1 },
  ];
  const bit = (f: string) => 1n << BigInt(P.field[f]![1]);

  function vectors(): (PsrIn & { rst: number })[] {
    const r = rng(7);
    const v: (PsrIn & { rst: number })[] = [];
    const push = (op: number, operand: bigint, extra: Partial<PsrIn & { rst: number }> = {}) =>
      v.push({
        rst: 0,
        op,
        operand: operand & M64,
        slot: Number(r() & 3n),
        dcrBe: Number(r() & 1n),
        dcrPp: Number(r() & 1n),
        ...extra,
      });
    const setState = (s: bigint) => push(8, s); // RFI loads a whole PSR
    push(0, 0n, { rst: 1 });
    // Every op row from random states, operands random and (for fault ops) legal-only.
    for (let op = 0; op < 16; op++) {
      for (let k = 0; k < 8; k++) {
        setState(r());
        push(op, k % 2 ? r() : r() & ~FAULT[op]!);
      }
    }
    // Reserved-field cases: each operand bit alone, for every op that has a fault rule.
    for (let op = 1; op <= 6; op++) {
      setState(r());
      for (let b = 0; b < 64; b++) push(op, 1n << BigInt(b));
    }
    // `up` only if sp = 0, for SUM/RUM/MOV_PSR_UM, and not for SSM/RSM/MOV_PSR_L.
    for (const sp of [0n, bit('sp')]) {
      for (const [op, operand, up0] of [
        [4, bit('up'), 0n],
        [5, bit('up'), bit('up')],
        [6, bit('up'), 0n],
        [6, 0n, bit('up')],
        [2, bit('up'), 0n],
        [3, bit('up'), bit('up')],
        [1, bit('up') | sp, 0n],
      ] as const) {
        setState(sp | up0);
        push(op, operand);
      }
    }
    // EPC: every operand{1:0} against every cpl.
    for (let cpl = 0n; cpl < 4n; cpl++)
      for (let x = 0n; x < 4n; x++) {
        setState(cpl << 32n);
        push(11, x | (r() & ~3n));
      }
    // RFI with ri = 3 and with every reserved bit set; INTERRUPT from all-ones defined bits.
    push(8, 3n << 41n);
    push(8, M64);
    push(7, 0n, { dcrBe: 1, dcrPp: 0 });
    setState(M64);
    push(7, 0n, { dcrBe: 0, dcrPp: 1 });
    // A reset in the middle of a run.
    setState(r());
    push(0, 0n, { rst: 1 });
    push(0, 0n);
    return v;
  }

  for (const vmImpl of [true, false]) {
    it(`matches the spec model on every op row and reserved bit (VM_IMPLEMENTED=${vmImpl ? 1 : 0})`, () => {
      const vec = vectors();
      const out = runIverilog({
        source: ref('ref_vti_psr'),
        top: 'ref_vti_psr',
        params: { VM_IMPLEMENTED: vmImpl ? 1 : 0 },
        inputs,
        outputs,
        clocked: true,
        vectors: vec.map((x) => ({
          rst: BigInt(x.rst),
          op: BigInt(x.op),
          operand: x.operand,
          slot: BigInt(x.slot),
          dcr_be: BigInt(x.dcrBe),
          dcr_pp: BigInt(x.dcrPp),
        })),
      });
      expect(vec.length).toBeGreaterThan(500);
      let psr: bigint | null = null; // unknown before the first reset
      const bad: string[] = [];
      vec.forEach((x, k) => {
        const got = out[k]!;
        if (psr !== null) {
          const m = psrModel(psr, x, vmImpl);
          const exp = { psr, ipsr_save: m.ipsrSave, rsv_fault: m.rsvFault ? 1n : 0n };
          for (const [n, e] of Object.entries(exp)) {
            if (got[n] !== e)
              bad.push(
                `vector ${k} op ${x.op} operand ${hex(x.operand)} psr ${hex(psr)}: ${n} = ${hex(got[n]!)}, spec ${hex(e)}`,
              );
          }
          psr = x.rst ? 0n : m.next;
        } else if (x.rst) psr = 0n;
      });
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});

describe('ref_vti_vmsw exhaustive vectors (every ordering case of architecture.md §3.1)', () => {
  const names = ['valid', 'to_vm', 'cpl', 'psr_it', 'psr_vm', 'itlb_ar', 'vm_disabled', 'vmsw_disabled'] as const;
  const widths: Record<string, number> = { cpl: 2, itlb_ar: 3 };
  const inputs: Port[] = names.map((name) => ({ name, width: widths[name] ?? 1 }));
  const outputs: Port[] = ['illegal_op', 'priv_op', 'virt_fault', 'commit', 'vm_next'].map((name) => ({
    name,
    width: 1,
  }));
  for (const vmImpl of [true, false]) {
    it(`all 2048 input combinations (VM_IMPLEMENTED=${vmImpl ? 1 : 0})`, () => {
      const vec: VmswIn[] = [];
      for (let n = 0; n < 2048; n++) {
        let rest = n;
        const take = (w: number) => {
          const x = rest & ((1 << w) - 1);
          rest >>= w;
          return x;
        };
        const o = Object.fromEntries(inputs.map((p) => [p.name, take(p.width)])) as unknown as VmswIn;
        vec.push(o);
      }
      const out = runIverilog({
        source: ref('ref_vti_vmsw'),
        top: 'ref_vti_vmsw',
        params: { VM_IMPLEMENTED: vmImpl ? 1 : 0 },
        inputs,
        outputs,
        vectors: vec.map((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, BigInt(x)]))),
      });
      const bad: string[] = [];
      vec.forEach((v, k) => {
        const e = vmswModel(v, vmImpl);
        for (const [n, x] of Object.entries(e))
          if (out[k]![n] !== BigInt(x)) bad.push(`${JSON.stringify(v)}: ${n} = ${out[k]![n]}, spec ${x}`);
        if (v.valid) expect(e.illegal_op + e.priv_op + e.virt_fault + e.commit).toBe(1);
      });
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});

describe('ref_vti_addr_check boundary vectors (architecture.md §7)', () => {
  const configs: AddrCfg[] = [
    { IMPL_VA_MSB: 60, IMPL_PA_MSB: 62, GUEST_SHRINK: 1 },
    { IMPL_VA_MSB: 51, IMPL_PA_MSB: 31, GUEST_SHRINK: 1 },
    { IMPL_VA_MSB: 55, IMPL_PA_MSB: 40, GUEST_SHRINK: 3 },
    { IMPL_VA_MSB: 60, IMPL_PA_MSB: 50, GUEST_SHRINK: 10 },
  ];
  const inputs: Port[] = [
    { name: 'addr', width: 64 },
    { name: 'vm', width: 1 },
    { name: 'phys', width: 1 },
  ];
  const outputs: Port[] = [
    { name: 'unimpl', width: 1 },
    { name: 'monitor_only', width: 1 },
  ];
  for (const c of configs) {
    it(`va ${c.IMPL_VA_MSB} pa ${c.IMPL_PA_MSB} shrink ${c.GUEST_SHRINK}`, () => {
      const r = rng(c.IMPL_VA_MSB * 100 + c.IMPL_PA_MSB);
      const addrs: bigint[] = [0n, M64];
      for (let b = 0; b < 64; b++) addrs.push(1n << BigInt(b), M64 ^ (1n << BigInt(b)));
      // Around each boundary M: sign-extended both ways, and with the bit above M flipped.
      for (const m of [c.IMPL_VA_MSB, c.IMPL_VA_MSB - c.GUEST_SHRINK, c.IMPL_PA_MSB]) {
        const ext = m <= 60 ? bitsMask(60, m) : 0n; // no sign extension above a PA boundary
        const low = bitsMask(m - 1, 0);
        for (const region of [0n, bitsMask(63, 61), 5n << 61n]) {
          addrs.push(
            region | ext,
            region | ext | low,
            region | low,
            region | (ext ^ (1n << BigInt(m))),
            region | (1n << BigInt(m + 1)),
          );
        }
      }
      for (let k = 0; k < 16; k++) addrs.push(r());
      const vec: { addr: bigint; vm: bigint; phys: bigint }[] = [];
      for (const addr of addrs) for (const vm of [0n, 1n]) for (const phys of [0n, 1n]) vec.push({ addr, vm, phys });
      const out = runIverilog({
        source: ref('ref_vti_addr_check'),
        top: 'ref_vti_addr_check',
        params: { ...c },
        inputs,
        outputs,
        vectors: vec,
      });
      const bad: string[] = [];
      vec.forEach((v, k) => {
        const e = addrModel(v.addr, Number(v.vm), Number(v.phys), c);
        for (const [n, x] of Object.entries(e))
          if (out[k]![n] !== BigInt(x))
            bad.push(`addr ${hex(v.addr)} vm ${v.vm} phys ${v.phys}: ${n} = ${out[k]![n]}, spec ${x}`);
      });
      expect(vec.length).toBeGreaterThan(400);
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }
});

describe('ref_vti_fault_prio (architecture.md §6)', () => {
  it('every row alone, every pair of rows, none, and random sets', () => {
    const N = PRIO_N;
    expect(N).toBe(56);
    const pend: bigint[] = [0n];
    for (let i = 0; i < N; i++) pend.push(1n << BigInt(i));
    for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) pend.push((1n << BigInt(i)) | (1n << BigInt(j)));
    const r = rng(3);
    for (let k = 0; k < 64; k++) pend.push(r() & bitsMask(N - 1, 0) & r());
    const W = Math.ceil(Math.log2(N));
    const out = runIverilog({
      source: ref('ref_vti_fault_prio'),
      top: 'ref_vti_fault_prio',
      inputs: [{ name: 'pending', width: N }],
      outputs: [
        { name: 'valid', width: 1 },
        { name: 'index', width: W },
        { name: 'onehot', width: N },
        { name: 'iva_offset', width: 15 },
        { name: 'isr_code', width: 16 },
        { name: 'kind', width: 2 },
      ],
      vectors: pend.map((pending) => ({ pending })),
    });
    const bad: string[] = [];
    pend.forEach((p, k) => {
      const e = prioModel(p);
      for (const [n, x] of Object.entries(e))
        if (out[k]![n] !== x) bad.push(`pending ${hex(p)}: ${n} = ${hex(out[k]![n]!)}, spec ${hex(x)}`);
    });
    expect(pend.length).toBe(1 + 56 + 1540 + 64);
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
