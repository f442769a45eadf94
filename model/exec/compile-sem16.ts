// The 16-byte accesses (SDM vol 3 ld, st, cmpxchg): ld16 / st16 move GR r1/r2 and ar.csd as
// one 16-byte-aligned quantity; cmp8xchg16 compares the 8 bytes at r3 (8-aligned) with
// ar.ccv and, when equal, stores r2 and ar.csd as st16 would at r3 aligned down to 16 (as
// Ski does; the SDM's 16-byte store of AR[CSD]:GR[r2]). The 8 bytes
// at the lower address always pair with the GR; PSR.be reverses the bytes within each 8-byte
// half (as Ski does; see model/README.md, PSR.be).
import type { Insn } from '../decode/insn.js';
import { dataLoad, dataStore } from './data-access.js';
import { OUT, toBig } from './int64.js';
import { CONT, ISR_R, ISR_W, type Exec, type Machine } from './machine.js';
import { PA, READ, READ_WRITE, WRITE, xlateData } from './xlate.js';

const CSD = 25,
  CCV = 32;

export function compileSem16(ins: Insn): Exec | null {
  const { r1, r2, r3 } = ins;
  switch (ins.op) {
    case 'ld16':
      // The target is named before ar.csd ("r0,ar.csd=[r3]"), out of compile.ts's r0= check.
      if (r1 === 0) return (m: Machine) => m.fault('illegal_op');
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r3]) return m.fault('reg_nat', { isr: ISR_R });
        const aLo = L[r3]!,
          aHi = H[r3]!;
        if (!xlateData(m, aLo, aHi, 16, READ)) return 2;
        if (aLo & 15) return m.fault('unaligned_data', { ifa: toBig(aLo, aHi), isr: ISR_R });
        const pLo = PA.lo,
          pHi = PA.hi;
        dataLoad(m, pLo, pHi, 8);
        const gLo = OUT.lo,
          gHi = OUT.hi;
        dataLoad(m, pLo + 8, pHi, 8);
        m.arLo[CSD] = OUT.lo;
        m.arHi[CSD] = OUT.hi;
        L[r1] = gLo;
        H[r1] = gHi;
        N[r1] = 0;
        return CONT;
      };
    case 'st16':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r3] || N[r2]) return m.fault('reg_nat', { isr: ISR_W });
        const aLo = L[r3]!,
          aHi = H[r3]!;
        if (!xlateData(m, aLo, aHi, 16, WRITE)) return 2;
        if (aLo & 15) return m.fault('unaligned_data', { ifa: toBig(aLo, aHi), isr: ISR_W });
        const pLo = PA.lo,
          pHi = PA.hi;
        dataStore(m, pLo, pHi, 8, L[r2]!, H[r2]!);
        dataStore(m, pLo + 8, pHi, 8, m.arLo[CSD]!, m.arHi[CSD]!);
        return CONT;
      };
    case 'cmp8xchg16':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r3] || N[r2]) return m.fault('reg_nat', { isr: ISR_R | ISR_W });
        const aLo = L[r3]!,
          aHi = H[r3]!;
        // Read and write rights, and 8-byte alignment whatever PSR.ac (xlateData, as every semaphore).
        if (!xlateData(m, aLo, aHi, 8, READ_WRITE)) return 2;
        const pLo = PA.lo,
          pHi = PA.hi;
        dataLoad(m, pLo, pHi, 8);
        const oLo = OUT.lo,
          oHi = OUT.hi;
        if (oLo === m.arLo[CCV] && oHi === m.arHi[CCV]) {
          // The 16 aligned bytes are stored as st16 stores them, whichever half r3 names.
          const base = (pLo & ~15) >>> 0;
          dataStore(m, base, pHi, 8, L[r2]!, H[r2]!);
          dataStore(m, base + 8, pHi, 8, m.arLo[CSD]!, m.arHi[CSD]!);
        }
        L[r1] = oLo;
        H[r1] = oHi;
        N[r1] = 0;
        return CONT;
      };
  }
  return null;
}
