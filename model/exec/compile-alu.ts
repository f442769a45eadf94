// Semantics of the integer ALU, compare, shift/deposit, test-bit and register-move
// instructions, compiled to closures over the machine's typed arrays (no BigInt).
import { prSlot } from './rotate.js';
import type { Insn } from '../decode/insn.js';
import { OUT, hiOf, loOf, lt64, ltu64, mask64, shl64, shr64s, shr64u } from './int64.js';
import { CONT, type Exec, type Machine } from './machine.js';

type Rel = (alo: number, ahi: number, blo: number, bhi: number) => boolean;

const REL64: Record<string, Rel> = {
  eq: (a, b, c, d) => a === c && b === d,
  ne: (a, b, c, d) => a !== c || b !== d,
  lt: (a, b, c, d) => lt64(a, b, c, d),
  le: (a, b, c, d) => !lt64(c, d, a, b),
  gt: (a, b, c, d) => lt64(c, d, a, b),
  ge: (a, b, c, d) => !lt64(a, b, c, d),
  ltu: (a, b, c, d) => ltu64(a, b, c, d),
};
const REL32: Record<string, Rel> = {
  eq: (a, _b, c) => a === c,
  ne: (a, _b, c) => a !== c,
  lt: (a, _b, c) => (a | 0) < (c | 0),
  le: (a, _b, c) => (a | 0) <= (c | 0),
  gt: (a, _b, c) => (a | 0) > (c | 0),
  ge: (a, _b, c) => (a | 0) >= (c | 0),
  ltu: (a, _b, c) => a >>> 0 < c >>> 0,
};

/** Ops whose closure evaluates its own qualifying predicate (the .unc compare types). */
export function handlesOwnQp(ins: Insn): boolean {
  return (ins.op === 'cmp' || ins.op === 'cmpi' || ins.op === 'tbit' || ins.op === 'tnat') && ins.sub.endsWith('unc');
}

/** Writes a compare's predicate targets from its outcome (true/false) and whether it read a NaT. */
type PredWrite = (m: Machine, c: boolean, nat: number) => number;

/**
 * Predicate-writing tail shared by cmp/tbit/tnat (SDM "compare types"): none/unc write the
 * result and its complement (both 0 on NaT), and: clear both if false or NaT, or: set both
 * if true, or.andcm: p1 ← 1, p2 ← 0 if true.
 */
function predWriter(ctype: string, p1: number, p2: number, qp: number, unc: boolean): PredWrite {
  // The normal and unc types write both targets: naming the same predicate twice is an
  // Illegal Operation (SDM cmp/tbit/tnat).
  if ((ctype === '' || ctype === 'unc') && p1 === p2) return (m) => m.fault('illegal_op');
  switch (ctype) {
    case '':
    case 'unc':
      if (unc)
        return (m, c, nat) => {
          const P = m.pr;
          if (!P[qp]) {
            P[p1] = 0;
            P[p2] = 0;
            P[0] = 1;
            return CONT;
          }
          if (nat) {
            P[p1] = 0;
            P[p2] = 0;
          } else {
            P[p1] = c ? 1 : 0;
            P[p2] = c ? 0 : 1;
          }
          P[0] = 1;
          return CONT;
        };
      return (m, c, nat) => {
        const P = m.pr;
        if (nat) {
          P[p1] = 0;
          P[p2] = 0;
        } else {
          P[p1] = c ? 1 : 0;
          P[p2] = c ? 0 : 1;
        }
        P[0] = 1;
        return CONT;
      };
    case 'and':
      return (m, c, nat) => {
        const P = m.pr;
        if (nat || !c) {
          P[p1] = 0;
          P[p2] = 0;
          P[0] = 1;
        }
        return CONT;
      };
    case 'or':
      return (m, c, nat) => {
        const P = m.pr;
        if (!nat && c) {
          P[p1] = 1;
          P[p2] = 1;
          P[0] = 1;
        }
        return CONT;
      };
    case 'or.andcm':
      return (m, c, nat) => {
        const P = m.pr;
        if (!nat && c) {
          P[p1] = 1;
          P[p2] = 0;
          P[0] = 1;
        }
        return CONT;
      };
  }
  throw new Error(`compare type ${ctype}`);
}

export function compileAlu(ins: Insn): Exec | null {
  const { r1, r2, r3 } = ins;
  const iLo = loOf(BigInt.asUintN(64, ins.imm)),
    iHi = hiOf(BigInt.asUintN(64, ins.imm));
  switch (ins.op) {
    case 'add':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const lo = L[r2]! + L[r3]!;
        H[r1] = H[r2]! + H[r3]! + (lo > 0xffffffff ? 1 : 0);
        L[r1] = lo;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'add1':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const lo = L[r2]! + L[r3]! + 1;
        H[r1] = H[r2]! + H[r3]! + (lo > 0xffffffff ? 1 : 0);
        L[r1] = lo;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'sub':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const a = L[r2]!,
          b = L[r3]!;
        H[r1] = H[r2]! - H[r3]! - (a < b ? 1 : 0);
        L[r1] = a - b;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'sub1':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const a = L[r2]!,
          b = L[r3]! + 1;
        H[r1] = H[r2]! - H[r3]! - (a < b ? 1 : 0);
        L[r1] = a - b;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'addi':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const lo = iLo + L[r3]!;
        H[r1] = iHi + H[r3]! + (lo > 0xffffffff ? 1 : 0);
        L[r1] = lo;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'subi':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const b = L[r3]!;
        H[r1] = iHi - H[r3]! - (iLo < b ? 1 : 0);
        L[r1] = iLo - b;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'and':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = L[r2]! & L[r3]!;
        H[r1] = H[r2]! & H[r3]!;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'andcm':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = L[r2]! & ~L[r3]!;
        H[r1] = H[r2]! & ~H[r3]!;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'or':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = L[r2]! | L[r3]!;
        H[r1] = H[r2]! | H[r3]!;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'xor':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = L[r2]! ^ L[r3]!;
        H[r1] = H[r2]! ^ H[r3]!;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'andi':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = iLo & L[r3]!;
        H[r1] = iHi & H[r3]!;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'andcmi':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = iLo & ~L[r3]!;
        H[r1] = iHi & ~H[r3]!;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'ori':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = iLo | L[r3]!;
        H[r1] = iHi | H[r3]!;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'xori':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = iLo ^ L[r3]!;
        H[r1] = iHi ^ H[r3]!;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'shladd':
    case 'shladdp4': {
      const n = ins.n1,
        p4 = ins.op === 'shladdp4';
      // The count is 1-4: the shift inlined on the halves (shladd is a hot address computation).
      if (!p4 && n >= 1 && n <= 4)
        return (m: Machine) => {
          const L = m.grLo,
            H = m.grHi,
            N = m.nat;
          const sLo = L[r2]!,
            lo = ((sLo << n) >>> 0) + L[r3]!;
          H[r1] = ((H[r2]! << n) | (sLo >>> (32 - n))) + H[r3]! + (lo > 0xffffffff ? 1 : 0);
          L[r1] = lo;
          N[r1] = N[r2]! | N[r3]!;
          return CONT;
        };
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        shl64(L[r2]!, H[r2]!, n);
        const lo = OUT.lo + L[r3]!;
        const nat = N[r2]! | N[r3]!;
        if (p4) {
          H[r1] = ((L[r3]! >>> 30) & 3) << 29;
          L[r1] = lo;
        } else {
          H[r1] = OUT.hi + H[r3]! + (lo > 0xffffffff ? 1 : 0);
          L[r1] = lo;
        }
        N[r1] = nat;
        return CONT;
      };
    }
    case 'addp4':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const lo = L[r2]! + L[r3]!;
        H[r1] = ((L[r3]! >>> 30) & 3) << 29;
        L[r1] = lo;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'addp4i':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const lo = iLo + L[r3]!;
        H[r1] = ((L[r3]! >>> 30) & 3) << 29;
        L[r1] = lo;
        N[r1] = N[r3]!;
        return CONT;
      };
    case 'cmp':
    case 'cmpi': {
      const dot = ins.sub.indexOf('.');
      const rel = dot < 0 ? ins.sub : ins.sub.slice(0, dot),
        ctype = dot < 0 ? '' : ins.sub.slice(dot + 1);
      const f = (ins.n1 === 4 ? REL32 : REL64)[rel]!;
      const w = predWriter(ctype, ins.p1, ins.p2, ins.qp, ctype === 'unc');
      if (ins.op === 'cmpi') return (m: Machine) => w(m, f(iLo, iHi, m.grLo[r3]!, m.grHi[r3]!), m.nat[r3]!);
      return (m: Machine) => w(m, f(m.grLo[r2]!, m.grHi[r2]!, m.grLo[r3]!, m.grHi[r3]!), m.nat[r2]! | m.nat[r3]!);
    }
    case 'tbit':
    case 'tnat': {
      const nz = ins.sub.startsWith('nz'),
        ctype = ins.sub.replace(/^n?z\.?/, '');
      const w = predWriter(ctype, ins.p1, ins.p2, ins.qp, ctype === 'unc');
      if (ins.op === 'tnat') return (m: Machine) => w(m, (m.nat[r3]! === 1) === nz, 0);
      const pos = ins.n1;
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const bit = pos < 32 ? (L[r3]! >>> pos) & 1 : (H[r3]! >>> (pos - 32)) & 1;
        return w(m, (bit === 1) === nz, N[r3]!);
      };
    }
    case 'shl':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const big = H[r3]! !== 0 || L[r3]! > 63;
        shl64(L[r2]!, H[r2]!, big ? 64 : L[r3]!);
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'shru':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const big = H[r2]! !== 0 || L[r2]! > 63;
        shr64u(L[r3]!, H[r3]!, big ? 64 : L[r2]!);
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'shr':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        const big = H[r2]! !== 0 || L[r2]! > 63;
        shr64s(L[r3]!, H[r3]!, big ? 64 : L[r2]!);
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    case 'extr': {
      const pos = ins.n1,
        len = Math.min(ins.n2, 64 - pos),
        signed = ins.sub === 's';
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        shl64(L[r3]!, H[r3]!, 64 - pos - len);
        if (signed) shr64s(OUT.lo, OUT.hi, 64 - len);
        else shr64u(OUT.lo, OUT.hi, 64 - len);
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = N[r3]!;
        return CONT;
      };
    }
    case 'depz':
    case 'depzi':
    case 'dep':
    case 'depi': {
      const pos = ins.n1,
        len = ins.n2;
      mask64(0, Math.min(len, 64));
      const fLo = OUT.lo,
        fHi = OUT.hi;
      shl64(fLo, fHi, pos);
      const mLo = OUT.lo,
        mHi = OUT.hi;
      if (ins.op === 'depzi' || ins.op === 'depi') {
        shl64(iLo & fLo, iHi & fHi, pos);
        const vLo = OUT.lo,
          vHi = OUT.hi;
        if (ins.op === 'depzi')
          return (m: Machine) => {
            const L = m.grLo,
              H = m.grHi,
              N = m.nat;
            L[r1] = vLo;
            H[r1] = vHi;
            N[r1] = 0;
            return CONT;
          };
        return (m: Machine) => {
          const L = m.grLo,
            H = m.grHi,
            N = m.nat;
          L[r1] = (L[r3]! & ~mLo) | vLo;
          H[r1] = (H[r3]! & ~mHi) | vHi;
          N[r1] = N[r3]!;
          return CONT;
        };
      }
      if (ins.op === 'depz')
        return (m: Machine) => {
          const L = m.grLo,
            H = m.grHi,
            N = m.nat;
          shl64(L[r2]! & fLo, H[r2]! & fHi, pos);
          L[r1] = OUT.lo;
          H[r1] = OUT.hi;
          N[r1] = N[r2]!;
          return CONT;
        };
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        shl64(L[r2]!, H[r2]!, pos);
        const nat = N[r2]! | N[r3]!;
        L[r1] = (L[r3]! & ~mLo) | (OUT.lo & mLo);
        H[r1] = (H[r3]! & ~mHi) | (OUT.hi & mHi);
        N[r1] = nat;
        return CONT;
      };
    }
    case 'shrp': {
      const n = ins.n1;
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        shr64u(L[r3]!, H[r3]!, n);
        const aLo = OUT.lo,
          aHi = OUT.hi;
        if (n === 0) {
          L[r1] = aLo;
          H[r1] = aHi;
        } else {
          shl64(L[r2]!, H[r2]!, 64 - n);
          L[r1] = aLo | OUT.lo;
          H[r1] = aHi | OUT.hi;
        }
        N[r1] = N[r2]! | N[r3]!;
        return CONT;
      };
    }
    case 'zxt':
    case 'sxt': {
      const bits = ins.n1 * 8,
        signed = ins.op === 'sxt';
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        shl64(L[r3]!, H[r3]!, 64 - bits);
        if (signed) shr64s(OUT.lo, OUT.hi, 64 - bits);
        else shr64u(OUT.lo, OUT.hi, 64 - bits);
        L[r1] = OUT.lo;
        H[r1] = OUT.hi;
        N[r1] = N[r3]!;
        return CONT;
      };
    }
    case 'movl':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = iLo;
        H[r1] = iHi;
        N[r1] = 0;
        return CONT;
      };
    case 'mov_from_pr':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        let lo = 0,
          hi = 0;
        // As if CFM.rrb.pr were 0: physical predicate order.
        for (let i = 0; i < 32; i++) lo |= m.pr[prSlot(m, i)]! << i;
        for (let i = 0; i < 32; i++) hi |= m.pr[prSlot(m, 32 + i)]! << i;
        L[r1] = lo;
        H[r1] = hi;
        N[r1] = 0;
        return CONT;
      };
    case 'mov_to_pr':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r2]) return m.fault('reg_nat');
        for (let i = 1; i < 64; i++) {
          const mb = i < 32 ? (iLo >>> i) & 1 : (iHi >>> (i - 32)) & 1;
          if (mb) m.pr[prSlot(m, i)] = i < 32 ? (L[r2]! >>> i) & 1 : (H[r2]! >>> (i - 32)) & 1;
        }
        return CONT;
      };
    case 'mov_to_br':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        if (N[r2]) return m.fault('reg_nat');
        m.brLo[ins.b1] = L[r2]!;
        m.brHi[ins.b1] = H[r2]!;
        return CONT;
      };
    case 'mov_from_br':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = m.brLo[ins.b2]!;
        H[r1] = m.brHi[ins.b2]!;
        N[r1] = 0;
        return CONT;
      };
    case 'mov_from_ip':
      return (m: Machine) => {
        const L = m.grLo,
          H = m.grHi,
          N = m.nat;
        L[r1] = m.ipLo;
        H[r1] = m.ipHi;
        N[r1] = 0;
        return CONT;
      };
  }
  return null;
}
