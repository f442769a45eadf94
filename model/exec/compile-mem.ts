// Integer loads and stores of 1, 2, 4, 8 bytes (plain, .acq, .rel, with post-increment),
// in the byte order of PSR.be (data-access.ts). Checks in priority order: Register NaT Consumption on the address (and the
// stored value), then the translation faults of xlate.ts.
import type { Insn } from '../decode/insn.js';
import { OUT, loOf, hiOf } from './int64.js';
import { dataLoad, dataStore } from './data-access.js';
import { CONT, ISR_R, ISR_W, type Exec, type Machine } from './machine.js';
import { PA, READ, WRITE, xlateData } from './xlate.js';

/** r3 += (incLo, incHi), 64-bit, in the GR halves L/H. */
export function postInc(L: Uint32Array, H: Uint32Array, r3: number, incLo: number, incHi: number): void {
  const lo = L[r3]! + incLo;
  H[r3] = H[r3]! + incHi + (lo > 0xffffffff ? 1 : 0);
  L[r3] = lo;
}

/** What the memory instructions compile from: r1-r3,
 *  the access size (n1) and the immediate (post-increment) as two 32-bit halves. */
export function memOperands(ins: Insn) {
  const imm = BigInt.asUintN(64, ins.imm);
  return {
    r1: ins.r1,
    r2: ins.r2,
    r3: ins.r3,
    size: ins.n1,
    iLo: loOf(imm),
    iHi: hiOf(imm),
  };
}

export function compileMem(ins: Insn): Exec | null {
  const { r1, r2, r3, size, iLo, iHi } = memOperands(ins);
  switch (ins.op) {
    case 'ld':
    case 'ld_postimm':
    case 'ld_postreg': {
      const post = ins.op !== 'ld';
      // Post-increment of r0, or of the load's own target, is an Illegal Operation.
      if (post && (r3 === 0 || r3 === r1)) return (m: Machine) => m.fault('illegal_op');
      const reg = ins.op === 'ld_postreg';
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        // NaT Consumption by a memory access reports its kind in ISR.r/w. Only the address is
        // consumed: a NaT increment register passes its NaT on to r3 (SDM ld; Ski agrees).
        if (N[r3]) return m.fault('reg_nat', { isr: ISR_R });
        if (!xlateData(m, L[r3]!, H[r3]!, size, READ)) return 2;
        dataLoad(m, PA.lo, PA.hi, size);
        if (post) {
          if (reg) {
            postInc(L, H, r3, L[r2]!, H[r2]!);
            N[r3] = N[r2]!;
          } else postInc(L, H, r3, iLo, iHi);
        }
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = 0;
        return CONT;
      };
    }
    case 'st':
    case 'st_postimm': {
      const post = ins.op === 'st_postimm';
      if (post && r3 === 0) return (m: Machine) => m.fault('illegal_op');
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r3] || N[r2]) return m.fault('reg_nat', { isr: ISR_W });
        if (!xlateData(m, L[r3]!, H[r3]!, size, WRITE)) return 2;
        dataStore(m, PA.lo, PA.hi, size, L[r2]!, H[r2]!);
        if (post) postInc(L, H, r3, iLo, iHi);
        return CONT;
      };
    }
  }
  return null;
}
