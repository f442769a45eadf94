// Tiny behavioural models of the four blocks, written from the spec text (blocks.md tables,
// architecture.md §2, §3.1, §6, §7), with masks taken from spec.ts (parsed spec text). They
// produce the expected values for the iverilog-run directed vectors of the references.
import { bitsMask, M64, psrFaultMasks, psrSpec, priorityRows } from './spec.js';

const P = psrSpec();
const FAULT = psrFaultMasks();
const lo = (name: string) => BigInt(P.field[name]![1]);
const fieldMask = (name: string) => bitsMask(...P.field[name]!);

export interface PsrIn {
  op: number;
  operand: bigint;
  slot: number;
  dcrBe: number;
  dcrPp: number;
}

/** blocks.md vti_psr: the combinational outputs and the next PSR, from the current PSR. */
export function psrModel(
  psr: bigint,
  i: PsrIn,
  vmImpl: boolean,
): { next: bigint; ipsrSave: bigint; rsvFault: boolean } {
  const ipsrSave = (psr & ~fieldMask('ri')) | (BigInt(i.slot) << lo('ri'));
  const rsvFault = (i.operand & FAULT[i.op]!) !== 0n;
  if (rsvFault) return { next: psr, ipsrSave, rsvFault };
  const sp = (psr >> lo('sp')) & 1n;
  // User mask {5:1}; `up` only if sp = 0 (SUM, RUM, MOV_PSR_UM only).
  const um = sp ? bitsMask(5, 1) & ~(1n << lo('up')) : bitsMask(5, 1);
  const x = i.operand;
  let next = psr;
  switch (i.op) {
    case 1:
      next = (psr & ~bitsMask(31, 0)) | (x & bitsMask(31, 0));
      break;
    case 2:
      next = psr | (x & bitsMask(23, 0));
      break;
    case 3:
      next = psr & ~(x & bitsMask(23, 0));
      break;
    case 4:
      next = psr | (x & um);
      break;
    case 5:
      next = psr & ~(x & um);
      break;
    case 6:
      next = (psr & ~um) | (x & um);
      break;
    case 7:
      next = (psr & P.kept) | (BigInt(i.dcrBe) << lo('be')) | (BigInt(i.dcrPp) << lo('pp'));
      break;
    case 8:
      next = x & ~P.reserved & M64;
      break;
    case 9:
      next = psr & ~(1n << lo('vm'));
      break;
    case 10:
      next = psr | (1n << lo('vm'));
      break;
    case 11: {
      const cpl = (psr >> lo('cpl')) & 3n;
      if ((x & 3n) < cpl) next = (psr & ~fieldMask('cpl')) | ((x & 3n) << lo('cpl'));
      break;
    }
    case 12:
      next = psr & ~(1n << lo('bn'));
      break;
    case 13:
      next = psr | (1n << lo('bn'));
      break;
    default:
      break;
  }
  if (!vmImpl) next &= ~(1n << lo('vm'));
  return { next, ipsrSave, rsvFault };
}

export interface VmswIn {
  valid: number;
  to_vm: number;
  cpl: number;
  psr_it: number;
  psr_vm: number;
  itlb_ar: number;
  vm_disabled: number;
  vmsw_disabled: number;
}

/** architecture.md §3.1, checked in order. */
export function vmswModel(i: VmswIn, vmImpl: boolean): Record<string, number> {
  const o = { illegal_op: 0, priv_op: 0, virt_fault: 0, commit: 0 };
  if (i.valid) {
    if (!vmImpl) o.illegal_op = 1;
    else if (i.cpl !== 0) o.priv_op = 1;
    else if (!(i.psr_it === 1 && i.itlb_ar === 7) || i.vm_disabled || i.vmsw_disabled) o.virt_fault = 1;
    else o.commit = 1;
  }
  return { ...o, vm_next: o.commit ? i.to_vm : i.psr_vm };
}

export interface AddrCfg {
  IMPL_VA_MSB: number;
  IMPL_PA_MSB: number;
  GUEST_SHRINK: number;
}

const bitOf = (a: bigint, i: number) => (a >> BigInt(i)) & 1n;
/** §7 virtual: bits 60..M+1 must all equal bit M. */
const vaImplemented = (a: bigint, m: number) => {
  for (let i = m + 1; i <= 60; i++) if (bitOf(a, i) !== bitOf(a, m)) return false;
  return true;
};

export function addrModel(
  addr: bigint,
  vm: number,
  phys: number,
  c: AddrCfg,
): { unimpl: number; monitor_only: number } {
  const mVmm = c.IMPL_VA_MSB;
  const mGuest = c.IMPL_VA_MSB - c.GUEST_SHRINK;
  // §7 physical: bits 62..IMPL_PA_MSB+1 must be 0 (bit 63 is the uncacheable attribute).
  const paOk = (addr & bitsMask(62, 0) & ~bitsMask(c.IMPL_PA_MSB, 0)) === 0n;
  const unimpl = phys ? !paOk : !vaImplemented(addr, vm ? mGuest : mVmm);
  const monitor = !phys && vaImplemented(addr, mVmm) && !vaImplemented(addr, mGuest);
  return { unimpl: unimpl ? 1 : 0, monitor_only: monitor ? 1 : 0 };
}

const ROWS = priorityRows();
export const PRIO_N = ROWS.length;

/** §6: the lowest-numbered pending rank wins. */
export function prioModel(pending: bigint): Record<string, bigint> {
  for (let i = 0; i < PRIO_N; i++) {
    if ((pending >> BigInt(i)) & 1n) {
      const r = ROWS[i]!;
      return {
        valid: 1n,
        index: BigInt(i),
        onehot: 1n << BigInt(i),
        iva_offset: BigInt(r.vector),
        isr_code: BigInt(r.isrCode),
        kind: BigInt(r.kind),
      };
    }
  }
  return { valid: 0n, index: 0n, onehot: 0n, iva_offset: 0n, isr_code: 0n, kind: 0n };
}

/** Deterministic 64-bit values from a seed (xorshift32 pairs; tests only). */
export function rng(seed: number): () => bigint {
  let s = seed >>> 0 || 1;
  const next32 = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return () => (BigInt(next32()) << 32n) | BigInt(next32());
}
