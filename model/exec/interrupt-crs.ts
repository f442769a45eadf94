// The external-interrupt control registers as mov to/from CR sees them (SDM vol 2 §5.8.3):
// their reserved fields (a write setting one → Reserved Register/Field fault), their ignored
// fields (dropped on write, read back as 0) and the side effects of reading IVR and IRR0-3
// and of writing TPR, EOI, ITM and ITV (interrupts.ts). The other CRs are plain storage.
import { CR } from '../../arch/cr.js';
import { CR_LVT, LRR_FIELD } from './lvt-layout.js';
import type { Machine } from './machine.js';

const bits = (hi: number, lo: number) => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);

/** TPR: mic 7:4, mmi 16; bits 15:8 reserved; 3:0 and 63:17 ignored. */
const TPR_KEPT = bits(7, 4) | (1n << 16n);
const TPR_RESERVED = bits(15, 8);
/** ITV, PMV, CMCV: vector 7:0, m 16; 11:8 and 15:13 reserved; 12 and 63:17 ignored. */
const VECTOR_REG_KEPT = bits(16, 0) & ~(1n << 12n);
const VECTOR_REG_RESERVED = bits(11, 8) | bits(15, 13);
/** LRR0/1 (fields in lvt-layout.ts): bits 11 and 14 are reserved. */
const LRR_RESERVED = (1n << 11n) | (1n << 14n);
/** Delivery modes an LRR may not hold (SDM: 1, 3 and 6 are reserved). */
const LRR_RESERVED_DM: readonly bigint[] = [1n, 3n, 6n];

const LRRS: readonly number[] = [CR_LVT.LRR0, CR_LVT.LRR1];
const VECTOR_REGS: readonly number[] = [CR.ITV, CR_LVT.PMV, CR_LVT.CMCV];

/** Whether writing `v` to CR `n` sets a reserved field or value of an interrupt CR. */
export function interruptCrReserved(n: number, v: bigint): boolean {
  if (n === CR.TPR) return (v & TPR_RESERVED) !== 0n;
  if (VECTOR_REGS.includes(n)) return (v & VECTOR_REG_RESERVED) !== 0n;
  if (LRRS.includes(n))
    return (
      (v & LRR_RESERVED) !== 0n ||
      LRR_RESERVED_DM.includes((v >> BigInt(LRR_FIELD.dm.lo)) & ((1n << BigInt(LRR_FIELD.dm.width)) - 1n))
    );
  return false;
}

/**
 * Writes an interrupt CR (after the fault checks) at the instruction of step `curStep`;
 * false when `n` is not one of them.
 */
export function writeInterruptCr(m: Machine, n: number, v: bigint, curStep: number): boolean {
  if (n === CR.TPR) {
    m.cr[n] = v & TPR_KEPT;
    m.ext.tprWritten();
  } else if (n === CR.EOI)
    m.ext.writeEoi(); // nothing is stored: EOI reads 0
  else if (VECTOR_REGS.includes(n) || LRRS.includes(n)) {
    m.cr[n] = v & VECTOR_REG_KEPT;
    if (n === CR.ITV) m.ext.retime(curStep);
    if (LRRS.includes(n)) m.ext.lrrWritten();
  } else if (n === CR.ITM) {
    m.cr[n] = v;
    m.ext.retime(curStep);
  } else return false;
  return true;
}

/** The value a mov from an interrupt CR reads (with IVR's acquire), or null for another CR. */
export function readInterruptCr(m: Machine, n: number): bigint | null {
  if (n === CR.IVR) return m.ext.readIvr();
  if (n === CR.EOI) return 0n;
  if (n >= CR.IRR0 && n <= CR.IRR3) return m.ext.readIrr(n - CR.IRR0);
  return null;
}
