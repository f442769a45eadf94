// Floating-point instructions as closures (SDM vol 3, the F-unit and the FP M-unit forms):
// arithmetic through model/fp (exact soft-float), moves and memory formats, compares and
// classes, status-field control. Checks in priority order: Illegal Operation (f0/f1 as a
// target, p1 = p2), Disabled FP-Register (PSR.dfl for f2-f31, PSR.dfh for f32-f127; ISR.code
// bit 0/1 says which), Register NaT Consumption, data translation, then the FP fault (ISR.code
// V/D/Z/SWA bits 0-3) before any write, or after the write the FP trap (ISR.code bit 0 with
// O/U/I/FPA in bits 11-14; bits 7-10 are the parallel forms' high half). FPSR is ar.fpsr (AR 40);
// writing f2-f127 sets PSR.mfl/mfh.
import type { Insn } from '../decode/insn.js';
import { roundEnv, type PrecisionCompleter } from '../fp/env.js';
import { type RoundEnv, TRAP_O, TRAP_U } from '../fp/round.js';
import { fmaReg, isFault, type FpOutcome } from '../fp/fma.js';
import {
  clearFlags,
  flagsOf,
  orFlags,
  RC_ZERO,
  reservedControls,
  SF0_TD,
  sfControlBits,
  sfControls,
  withControlBits,
} from '../fp/fpsr.js';
import {
  doubleToReg,
  expToReg,
  extendedToReg,
  integerToReg,
  regToDouble,
  regToExp,
  regToExtended,
  regToSingle,
  regToSpill,
  singleToReg,
  spillToReg,
} from '../fp/mem-format.js';
import {
  fclassReg,
  fcmpReg,
  fprcpaHalf,
  fprsqrtaHalf,
  fcvtToInt,
  fcvtXf,
  frcpaReg,
  frsqrtaReg,
  minMaxReg,
  xmaReg,
  type FcmpRel,
  type MinMax,
} from '../fp/ops.js';
import { EXP_INTEGER, FR0, fpReg, isNatVal, MASK64, NATVAL, type FpReg } from '../fp/reg.js';
import { jump } from './compile-br.js';
import { frPhys } from './rotate.js';
import { deferSpeculative, speculativeIsr } from './compile-spec.js';
import { OUT, hiOf, loOf, toBig } from './int64.js';
import { fpByteOrder } from './data-access.js';
import { CONT, ISR_R, ISR_W, type Exec, type Machine } from './machine.js';
import { PA, READ, WRITE, xlateData } from './xlate.js';

const AR_FPSR = 40;
const PSR_MFL = 1n << 4n,
  PSR_MFH = 1n << 5n,
  PSR_DFL_BIT = 18n,
  PSR_DFH_BIT = 19n;

/** Physical FR of a logical one: f32-f127 rotate by CFM.rrb.fr. */
export const frIndex = (m: Machine, r: number): number => frPhys(m, r);
export const readFr = (m: Machine, r: number): FpReg => m.fr[frIndex(m, r)]!;
export function writeFr(m: Machine, r: number, v: FpReg): void {
  m.fr[frIndex(m, r)] = v;
  const bit = r < 32 ? PSR_MFL : PSR_MFH;
  if ((m.psr & bit) === 0n) m.psr |= bit;
}

const fpsrOf = (m: Machine): bigint => toBig(m.arLo[AR_FPSR]!, m.arHi[AR_FPSR]!);
function setFpsr(m: Machine, v: bigint): void {
  m.arLo[AR_FPSR] = loOf(v);
  m.arHi[AR_FPSR] = hiOf(v);
}

/** Disabled FP-Register check over the FRs an instruction names: the ISR.code, or 0. */
function disabledCode(m: Machine, regs: readonly number[]): number {
  const dfl = (m.psr >> PSR_DFL_BIT) & 1n,
    dfh = (m.psr >> PSR_DFH_BIT) & 1n;
  if (!dfl && !dfh) return 0;
  let code = 0;
  for (const r of regs) {
    if (r >= 32 && dfh) code |= 2;
    else if (r >= 2 && r < 32 && dfl) code |= 1;
  }
  return code;
}

const ENV_CACHE = new Map<string, RoundEnv>();
/** roundEnv for a status field, cached by completer, the field's control bits and the traps. */
function cachedEnv(kind: PrecisionCompleter, fpsr: bigint, sf: number): RoundEnv {
  const key = `${kind}${sfControlBits(fpsr, sf)}.${Number(fpsr & 0x3fn)}`;
  let env = ENV_CACHE.get(key);
  if (!env) {
    env = roundEnv(kind, sfControls(fpsr, sf));
    ENV_CACHE.set(key, env);
  }
  return env;
}

/** Ends an FP computation: the FP fault, or the write, the status flags and the FP trap. */
function finish(m: Machine, sf: number, o: FpOutcome, write: (r: FpReg) => void): number {
  if (isFault(o)) return m.fault('fp_fault', { isr: BigInt(o.fault) });
  write(o.r);
  if (o.flags) setFpsr(m, orFlags(fpsrOf(m), sf, o.flags));
  if (o.trap) m.pendingTraps |= 1 | (o.trap << 11);
  return CONT;
}

/**
 * A parallel (two-single) operation: each 32-bit half of the operands' significands as a single,
 * `op` on the high then the low pair, the two single results packed (exponent 0x1003E). Faults:
 * ISR.code bits 0-3 for the high half, 4-7 for the low; trap bits 11-14 high, 7-10 low (as Ski).
 */
function parallel(
  m: Machine,
  sf: number,
  f1: number,
  regs: FpReg[],
  op: (x: FpReg[]) => FpOutcome,
  pack: (r: FpReg) => bigint = regToSingle,
): number {
  if (regs.some(isNatVal)) {
    writeFr(m, f1, NATVAL);
    return CONT;
  }
  const half = (sh: bigint) => op(regs.map((r) => singleToReg((r.m >> sh) & 0xffffffffn)));
  const hi = half(32n),
    lo = half(0n);
  if (isFault(hi) || isFault(lo)) {
    const code = (isFault(hi) ? hi.fault : 0) | ((isFault(lo) ? lo.fault : 0) << 4);
    return m.fault('fp_fault', { isr: BigInt(code) });
  }
  const packHalf = (o: { r: FpReg; trap: number }) =>
    pack === regToSingle && o.trap & (TRAP_O | TRAP_U) ? wrappedSingle(o.r) : pack(o.r);
  const v = intReg((packHalf(hi) << 32n) | packHalf(lo));
  writeFr(m, f1, v);
  const flags = hi.flags | lo.flags;
  if (flags) setFpsr(m, orFlags(fpsrOf(m), sf, flags));
  if (hi.trap || lo.trap) m.pendingTraps |= 1 | (((hi.trap << 4) | lo.trap) << 7);
  return CONT;
}

/**
 * A parallel half's result when its overflow/underflow trap is enabled: the single with its
 * biased exponent wrapped in 8 bits (the unbounded exponent + 127, modulo 256), so that the
 * trap handler can rescale it (as Ski; the scalar forms wrap in 17 bits).
 */
function wrappedSingle(r: FpReg): bigint {
  const exp = BigInt((r.e - 0xffff + 127) & 0xff);
  return (BigInt(r.s) << 31n) | (exp << 23n) | ((r.m >> 40n) & 0x7fffffn);
}

/** The classes compile-fp.ts handles whose qualifying predicate the closure tests itself (.unc). */
export function fpHandlesOwnQp(ins: Insn): boolean {
  return (ins.op === 'fcmp' || ins.op === 'fclass') && ins.n1 === 1;
}

export function compileFp(ins: Insn): Exec | null {
  const body = fpBody(ins);
  if (!body) return null;
  const { regs, access, targetFr } = body;
  const exec = body.exec;
  if (targetFr !== undefined && targetFr <= 1) return (m: Machine) => m.fault('illegal_op');
  if ((ins.op === 'fcmp' || ins.op === 'fclass') && ins.p1 === ins.p2) return (m: Machine) => m.fault('illegal_op');
  const accessIsr = access === 'r' ? ISR_R : access === 'w' ? ISR_W : 0n;
  // A speculative load's fault reports ISR.sp (and ed), as its translation faults do.
  const speculative = SPECULATIVE_LOADS.has(ins.op) && (ins.n1 === KIND_S || ins.n1 === KIND_SA);
  return (m: Machine) => {
    const code = disabledCode(m, regs);
    if (code) return m.fault('disabled_fp', { isr: BigInt(code) | accessIsr | (speculative ? speculativeIsr(m) : 0n) });
    return exec(m);
  };
}

interface Body {
  exec: Exec;
  /** Every FR the instruction names (for the Disabled FP-Register check). */
  regs: number[];
  access?: 'r' | 'w';
  /** The FR written, when f0/f1 there is an Illegal Operation. */
  targetFr?: number;
}

const lo32 = (v: bigint) => v & 0xffffffffn,
  hi32 = (v: bigint) => v >> 32n;
const intReg = (m64: bigint): FpReg => fpReg(0, EXP_INTEGER, m64 & MASK64);

/** fcvt.fx[u][.trunc] and fpcvt.fx[u][.trunc] (both named fcvt.* in sub): signed result, round toward zero. */
const fcvtForm = (sub: string) => ({ signed: !sub.startsWith('fcvt.fxu'), trunc: sub.endsWith('.trunc') });

/** f1 = op(f2, f3) for the operations that cannot fault: NaTVal in either source gives NaTVal. */
function natPassingPair(r1: number, r2: number, r3: number, op: (a: FpReg, b: FpReg) => FpReg): Body {
  return {
    regs: [r1, r2, r3],
    targetFr: r1,
    exec: (m: Machine) => {
      const a = readFr(m, r2),
        b = readFr(m, r3);
      writeFr(m, r1, isNatVal(a) || isNatVal(b) ? NATVAL : op(a, b));
      return CONT;
    },
  };
}

function bitsOp(sub: string, a: bigint, b: bigint): bigint {
  switch (sub) {
    case 'fand':
      return a & b;
    case 'fandcm':
      return a & ~b & MASK64;
    case 'for':
      return a | b;
    case 'fxor':
      return a ^ b;
    // fswap: f2's left single and f3's right single, concatenated, then swapped.
    case 'fswap':
      return (lo32(b) << 32n) | hi32(a);
    case 'fswap.nl':
      return ((lo32(b) ^ 0x80000000n) << 32n) | hi32(a);
    case 'fswap.nr':
      return (lo32(b) << 32n) | (hi32(a) ^ 0x80000000n);
    case 'fmix.l':
      return (hi32(a) << 32n) | hi32(b);
    case 'fmix.r':
      return (lo32(a) << 32n) | lo32(b);
    case 'fmix.lr':
      return (hi32(a) << 32n) | lo32(b);
    case 'fsxt.l':
      return ((a >> 63n ? 0xffffffffn : 0n) << 32n) | hi32(b);
    case 'fsxt.r':
      return (((a >> 31n) & 1n ? 0xffffffffn : 0n) << 32n) | lo32(b);
  }
  throw new Error(`internal: FP bit operation '${sub}'`);
}

function fpBody(ins: Insn): Body | null {
  const { r1, r2, r3, n2: sf } = ins;
  switch (ins.op) {
    case 'fma':
    case 'fms':
    case 'fnma': {
      const f4 = ins.n3,
        kind = ins.sub as PrecisionCompleter;
      const opts = { negC: ins.op === 'fms', negProduct: ins.op === 'fnma', cIsF0: r2 === 0 };
      return {
        regs: [r1, r2, r3, f4],
        targetFr: r1,
        exec: (m: Machine) => {
          const env = cachedEnv(kind, fpsrOf(m), sf);
          return finish(m, sf, fmaReg(readFr(m, r3), readFr(m, f4), readFr(m, r2), env, opts), (v) =>
            writeFr(m, r1, v),
          );
        },
      };
    }
    case 'fpma':
    case 'fpms':
    case 'fpnma': {
      const f4 = ins.n3;
      const opts = { negC: ins.op === 'fpms', negProduct: ins.op === 'fpnma', cIsF0: r2 === 0 };
      return {
        regs: [r1, r2, r3, f4],
        targetFr: r1,
        exec: (m: Machine) => {
          const env = cachedEnv('simd', fpsrOf(m), sf);
          return parallel(m, sf, r1, [readFr(m, r3), readFr(m, f4), readFr(m, r2)], (x) =>
            fmaReg(x[0]!, x[1]!, r2 === 0 ? FR0 : x[2]!, env, opts),
          );
        },
      };
    }
    case 'fpminmax': {
      const op = ins.sub.replace('fp', 'f') as MinMax;
      return {
        regs: [r1, r2, r3],
        targetFr: r1,
        exec: (m: Machine) => {
          const traps = sfControls(fpsrOf(m), sf).traps;
          return parallel(m, sf, r1, [readFr(m, r2), readFr(m, r3)], (x) => minMaxReg(op, x[0]!, x[1]!, traps));
        },
      };
    }
    case 'fpcmp': {
      // neq/nlt/nle/ord are the complements of eq/lt/le/unord (same exceptions).
      const rel = ins.sub,
        neg = rel === 'neq' || rel === 'nlt' || rel === 'nle' || rel === 'ord';
      const base = (
        rel === 'neq' ? 'eq' : rel === 'nlt' ? 'lt' : rel === 'nle' ? 'le' : rel === 'ord' ? 'unord' : rel
      ) as FcmpRel;
      return {
        regs: [r1, r2, r3],
        targetFr: r1,
        exec: (m: Machine) => {
          const traps = sfControls(fpsrOf(m), sf).traps;
          return parallel(
            m,
            sf,
            r1,
            [readFr(m, r2), readFr(m, r3)],
            (x) => {
              const o = fcmpReg(base, x[0]!, x[1]!, traps);
              if ('fault' in o) return o;
              return { r: fpReg(0, 0, (o.res === true) !== neg ? 0xffffffffn : 0n), flags: o.flags, trap: 0 };
            },
            (r) => r.m,
          );
        },
      };
    }
    case 'fpcvt_fx': {
      const { signed, trunc } = fcvtForm(ins.sub);
      return {
        regs: [r1, r2],
        targetFr: r1,
        exec: (m: Machine) => {
          const c = sfControls(fpsrOf(m), sf);
          return parallel(
            m,
            sf,
            r1,
            [readFr(m, r2)],
            (x) => fcvtToInt(x[0]!, signed, trunc ? RC_ZERO : c.rc, c.traps, 32),
            (r) => r.m,
          );
        },
      };
    }
    case 'fprcpa':
    case 'fprsqrta': {
      // p2 = 1 only when both halves give a refinable approximation.
      const p2 = ins.p2,
        recip = ins.op === 'fprcpa';
      return {
        regs: recip ? [r1, r2, r3] : [r1, r3],
        targetFr: r1,
        exec: (m: Machine) => {
          const traps = sfControls(fpsrOf(m), sf).traps;
          const nat = isNatVal(readFr(m, r3)) || (recip && isNatVal(readFr(m, r2)));
          let pred = true;
          const r = parallel(m, sf, r1, recip ? [readFr(m, r2), readFr(m, r3)] : [readFr(m, r3)], (x) => {
            const a = recip ? fprcpaHalf(x[0]!, x[1]!, traps) : fprsqrtaHalf(x[0]!, traps);
            pred &&= a.pred;
            return a.out;
          });
          if (r === CONT && p2) m.pr[p2] = pred && !nat ? 1 : 0;
          return r;
        },
      };
    }
    case 'fpmerge': {
      const sub = ins.sub;
      return natPassingPair(r1, r2, r3, (a, b) => {
        // Per single: sign (and for .se the exponent) from f2, the rest from f3.
        const keep = sub === 'fpmerge.se' ? 0xff800000ff800000n : 0x8000000080000000n;
        const v = (a.m & keep) | (b.m & ~keep & MASK64);
        return intReg(sub === 'fpmerge.ns' ? v ^ 0x8000000080000000n : v);
      });
    }
    case 'xma': {
      const f4 = ins.n3,
        kind = ins.sub as 'l' | 'h' | 'hu';
      return {
        regs: [r1, r2, r3, f4],
        targetFr: r1,
        exec: (m: Machine) => (writeFr(m, r1, xmaReg(kind, readFr(m, r3), readFr(m, f4), readFr(m, r2))), CONT),
      };
    }
    case 'fselect': {
      const f4 = ins.n3;
      return {
        regs: [r1, r2, r3, f4],
        targetFr: r1,
        exec: (m: Machine) => {
          const a = readFr(m, r3),
            b = readFr(m, f4),
            c = readFr(m, r2);
          const nat = isNatVal(a) || isNatVal(b) || isNatVal(c);
          writeFr(m, r1, nat ? NATVAL : intReg((a.m & c.m) | (b.m & ~c.m)));
          return CONT;
        },
      };
    }
    case 'fcmp': {
      const rel = ins.sub as FcmpRel,
        unc = ins.n1 === 1,
        { p1, p2, qp } = ins;
      return {
        regs: [r2, r3],
        exec: (m: Machine) => {
          const P = m.pr;
          if (unc && qp && !P[qp]) {
            if (p1) P[p1] = 0;
            if (p2) P[p2] = 0;
            return CONT;
          }
          const c = sfControls(fpsrOf(m), sf);
          const o = fcmpReg(rel, readFr(m, r2), readFr(m, r3), c.traps);
          if ('fault' in o) return m.fault('fp_fault', { isr: BigInt(o.fault) });
          if (p1) P[p1] = o.res === true ? 1 : 0;
          if (p2) P[p2] = o.res === false ? 1 : 0;
          if (o.flags) setFpsr(m, orFlags(fpsrOf(m), sf, o.flags));
          return CONT;
        },
      };
    }
    case 'fclass': {
      const cls = Number(ins.imm),
        unc = ins.n1 === 1,
        { p1, p2, qp } = ins;
      return {
        regs: [r2],
        exec: (m: Machine) => {
          const P = m.pr;
          if (unc && qp && !P[qp]) {
            if (p1) P[p1] = 0;
            if (p2) P[p2] = 0;
            return CONT;
          }
          const res = fclassReg(readFr(m, r2), cls);
          if (p1) P[p1] = res ? 1 : 0;
          if (p2) P[p2] = res ? 0 : 1;
          return CONT;
        },
      };
    }
    case 'frcpa':
    case 'frsqrta': {
      const p2 = ins.p2;
      return {
        regs: ins.op === 'frcpa' ? [r1, r2, r3] : [r1, r3],
        targetFr: r1,
        exec: (m: Machine) => {
          const traps = sfControls(fpsrOf(m), sf).traps;
          const a =
            ins.op === 'frcpa' ? frcpaReg(readFr(m, r2), readFr(m, r3), traps) : frsqrtaReg(readFr(m, r3), traps);
          const r = finish(m, sf, a.out, (v) => writeFr(m, r1, v));
          if (r === CONT && p2) m.pr[p2] = a.pred ? 1 : 0;
          return r;
        },
      };
    }
    case 'fminmax':
      return {
        regs: [r1, r2, r3],
        targetFr: r1,
        exec: (m: Machine) => {
          const traps = sfControls(fpsrOf(m), sf).traps;
          return finish(m, sf, minMaxReg(ins.sub as MinMax, readFr(m, r2), readFr(m, r3), traps), (v) =>
            writeFr(m, r1, v),
          );
        },
      };
    case 'fcvt_fx': {
      const { signed, trunc } = fcvtForm(ins.sub);
      return {
        regs: [r1, r2],
        targetFr: r1,
        exec: (m: Machine) => {
          const c = sfControls(fpsrOf(m), sf);
          return finish(m, sf, fcvtToInt(readFr(m, r2), signed, trunc ? RC_ZERO : c.rc, c.traps), (v) =>
            writeFr(m, r1, v),
          );
        },
      };
    }
    case 'fcvt_xf':
      return { regs: [r1, r2], targetFr: r1, exec: (m: Machine) => (writeFr(m, r1, fcvtXf(readFr(m, r2))), CONT) };
    case 'fmerge': {
      const sub = ins.sub;
      return natPassingPair(r1, r2, r3, (a, b) => {
        if (sub === 'fmerge.s') return fpReg(a.s, b.e, b.m);
        if (sub === 'fmerge.ns') return fpReg(a.s ^ 1, b.e, b.m);
        return fpReg(a.s, a.e, b.m);
      });
    }
    case 'fbits': {
      const sub = ins.sub;
      return natPassingPair(r1, r2, r3, (a, b) =>
        sub === 'fpack' ? intReg((regToSingle(a) << 32n) | regToSingle(b)) : intReg(bitsOp(sub, a.m, b.m)),
      );
    }
    case 'fsetc': {
      const amask = ins.n1,
        omask = ins.n3;
      return {
        regs: [],
        exec: (m: Machine) => {
          // sf.controls = (sf0.controls & amask7) | omask7 (SDM fsetc: from sf0 whatever sf);
          // a reserved result (pc = 01, or td in sf0) is a Reserved Register/Field fault.
          const f = fpsrOf(m),
            controls = (sfControlBits(f, 0) & amask) | omask;
          if (reservedControls(controls) || (sf === 0 && controls & SF0_TD)) return m.fault('reserved_reg_field');
          setFpsr(m, withControlBits(f, sf, controls));
          return CONT;
        },
      };
    }
    case 'chk_s':
    case 'chk_a':
    case 'invala': {
      // The FR forms (the GR forms are compile-spec.ts's). Decoded at bundle address 0: imm
      // is the recovery code's displacement from the bundle.
      if (ins.sub !== 'fr') return null;
      const disp = ins.imm,
        branch = (m: Machine) => {
          const t = BigInt.asUintN(64, toBig(m.ipLo, m.ipHi) + disp);
          return jump(m, loOf(t), hiOf(t));
        };
      // chk.s f2 branches on NaTVal (and is subject to the Disabled FP-Register fault).
      if (ins.op === 'chk_s') return { regs: [r2], exec: (m: Machine) => (isNatVal(readFr(m, r2)) ? branch(m) : CONT) };
      if (ins.op === 'invala')
        return { regs: [], exec: (m: Machine) => (m.alat.invalidateRegister('fr', frPhys(m, r1)), CONT) };
      const clear = ins.mn === 'chk.a.clr';
      return { regs: [], exec: (m: Machine) => (m.alat.check('fr', frPhys(m, r1), clear) ? CONT : branch(m)) };
    }
    case 'fclrf':
      return { regs: [], exec: (m: Machine) => (setFpsr(m, clearFlags(fpsrOf(m), sf)), CONT) };
    case 'fchkf': {
      // Decoded at bundle address 0: imm is the displacement from the bundle.
      const disp = ins.imm;
      return {
        regs: [],
        exec: (m: Machine) => {
          const f = fpsrOf(m);
          const flags = flagsOf(f, sf);
          const pending = (flags & ~Number(f & 0x3fn)) | (flags & ~flagsOf(f, 0));
          if (!pending) return CONT;
          const t = BigInt.asUintN(64, toBig(m.ipLo, m.ipHi) + disp);
          return jump(m, loOf(t), hiOf(t));
        },
      };
    }
  }
  return compileFpMem(ins);
}

const SIZE: Record<string, number> = { s: 4, d: 8, '8': 8, e: 10, spill: 16 };

/** r3 += inc (64-bit). */
function postInc(m: Machine, r3: number, inc: bigint): void {
  const v = BigInt.asUintN(64, toBig(m.grLo[r3]!, m.grHi[r3]!) + inc);
  m.grLo[r3] = loOf(v);
  m.grHi[r3] = hiOf(v);
}

/** The physical address of the last loadBytes (an advanced load's ALAT entry). */
let loadedPa = 0n;

/** Reads `size` bytes at a translated address (two 8-byte halves at most): [low 8, high 8].
 *  `isr`: extra ISR bits of a fault (a speculative load's sp/ed). */
function loadBytes(
  m: Machine,
  lo: number,
  hi: number,
  size: number,
  isr = 0n,
  element = size,
): [bigint, bigint] | null {
  const first = Math.min(size, 8);
  if (!xlateData(m, lo, hi, size > 8 ? 16 : size, READ, false, undefined, isr)) return null;
  loadedPa = toBig(PA.lo, PA.hi);
  m.mem.load(PA.lo, PA.hi, first, OUT);
  const a = toBig(OUT.lo, OUT.hi);
  if (size <= 8) return fpByteOrder(m, a, 0n, size, element);
  const addr2 = BigInt.asUintN(64, toBig(lo, hi) + 8n);
  if (!xlateData(m, loOf(addr2), hiOf(addr2), 8, READ, false, undefined, isr)) return null;
  m.mem.load(PA.lo, PA.hi, size - 8 === 2 ? 2 : 8, OUT);
  return fpByteOrder(m, a, toBig(OUT.lo, OUT.hi), size, element);
}

function storeBytes(m: Machine, lo: number, hi: number, size: number, a: bigint, b: bigint): boolean {
  if (!xlateData(m, lo, hi, size > 8 ? 16 : size, WRITE)) return false;
  [a, b] = fpByteOrder(m, a, b, size);
  // Translate the second half before writing the first, so that a fault writes nothing.
  const pa1 = { lo: PA.lo, hi: PA.hi };
  let pa2: { lo: number; hi: number } | null = null;
  if (size > 8) {
    const addr2 = BigInt.asUintN(64, toBig(lo, hi) + 8n);
    if (!xlateData(m, loOf(addr2), hiOf(addr2), 8, WRITE)) return false;
    pa2 = { lo: PA.lo, hi: PA.hi };
  }
  m.mem.store(pa1.lo, pa1.hi, Math.min(size, 8), loOf(a), hiOf(a));
  if (pa2) m.mem.store(pa2.lo, pa2.hi, size - 8 === 2 ? 2 : 8, loOf(b), hiOf(b));
  return true;
}

function fromMemory(sub: string, a: bigint, b: bigint): FpReg {
  switch (sub) {
    case 's':
      return singleToReg(a & 0xffffffffn);
    case 'd':
      return doubleToReg(a);
    case '8':
      return integerToReg(a);
    case 'e':
      return extendedToReg(a, Number(b & 0xffffn));
    default:
      return spillToReg(a, b);
  }
}

function toMemory(sub: string, r: FpReg): [bigint, bigint] {
  switch (sub) {
    case 's':
      return [regToSingle(r), 0n];
    case 'd':
      return [regToDouble(r), 0n];
    case '8':
      return [r.m, 0n];
    case 'e': {
      const x = regToExtended(r);
      return [x.sig, BigInt(x.signExp)];
    }
    default: {
      const x = regToSpill(r);
      return [x.lo, x.hi];
    }
  }
}

const SPECULATIVE_LOADS = new Set(['ldf', 'ldf_postreg', 'ldf_postimm', 'ldfp']);
/** FP load kinds (Insn.n1 of ldf/ldfp: x6 >> 2). */
const KIND_S = 1,
  KIND_A = 2,
  KIND_SA = 3,
  KIND_C_CLR = 8,
  KIND_C_NC = 9;

/**
 * The body of every FP load (ldf, ldfp) of every kind, after the Illegal Operation and
 * Disabled FP-Register checks: `targets` (f1, and f2 for ldfp) from `size` bytes at GR r3.
 * Speculative kinds (.s/.sa) defer a NaT address or a deferrable fault as NaTVal in every
 * target (compile-spec.ts deferSpeculative; the post-increment carries r3's and r2's NaT);
 * advanced kinds (.a/.sa) replace f1's ALAT entry with this access; a check (.c.clr/.c.nc)
 * that finds f1's entry rewrites the targets unchanged without reading memory (PSR.mfl/mfh
 * are set, as Ski does), and .c.nc allocates again after a miss.
 */
function fpLoad(
  m: Machine,
  kind: number,
  r3: number,
  targets: readonly number[],
  size: number,
  convert: (bytes: [bigint, bigint]) => FpReg[],
  inc: ((m: Machine) => bigint) | null,
  incReg: number,
): number {
  const N = m.nat,
    L = m.grLo,
    H = m.grHi;
  const speculative = kind === KIND_S || kind === KIND_SA,
    advanced = kind === KIND_A || kind === KIND_SA,
    check = kind === KIND_C_CLR || kind === KIND_C_NC;
  const f1 = targets[0]!,
    phys = () => frPhys(m, f1);
  const postInc_ = () => {
    if (!inc) return;
    const nat = N[r3]! | N[incReg]!;
    postInc(m, r3, inc(m));
    if (speculative) N[r3] = nat;
  };
  if (speculative) {
    // As Ski: only r3's NaT defers; a NaT increment register only passes its NaT on to r3.
    if (N[r3] || deferSpeculative(m, toBig(L[r3]!, H[r3]!), size > 8 ? 16 : size)) {
      if (advanced) m.alat.invalidateRegister('fr', phys());
      postInc_();
      for (const t of targets) writeFr(m, t, NATVAL);
      return CONT;
    }
  } else if (N[r3] || (incReg && N[incReg])) return m.fault('reg_nat', { isr: ISR_R });
  if (check && m.alat.check('fr', phys(), kind === KIND_C_CLR)) {
    postInc_();
    for (const t of targets) writeFr(m, t, readFr(m, t));
    return CONT;
  }
  // A pair (ldfp) reverses each register's half under PSR.be; every other load its whole image.
  const element = targets.length === 2 ? size / 2 : size;
  const bytes = loadBytes(m, L[r3]!, H[r3]!, size, speculative ? speculativeIsr(m) : 0n, element);
  if (!bytes) return 2;
  if (advanced || kind === KIND_C_NC) {
    m.alat.invalidateRegister('fr', phys());
    m.alat.allocate('fr', phys(), loadedPa, size);
  }
  postInc_();
  const values = convert(bytes);
  for (let i = 0; i < targets.length; i++) writeFr(m, targets[i]!, values[i]!);
  return CONT;
}

function compileFpMem(ins: Insn): Body | null {
  const { r1, r2, r3, sub } = ins;
  switch (ins.op) {
    case 'ldf':
    case 'ldf_postreg':
    case 'ldf_postimm': {
      const size = SIZE[sub]!;
      const post = ins.op !== 'ldf',
        reg = ins.op === 'ldf_postreg';
      if (post && r3 === 0) return { regs: [r1], exec: (m: Machine) => m.fault('illegal_op') };
      const inc = (m: Machine) => (reg ? toBig(m.grLo[r2]!, m.grHi[r2]!) : ins.imm);
      return {
        regs: [r1],
        access: 'r',
        targetFr: r1,
        exec: (m: Machine) =>
          fpLoad(
            m,
            ins.n1,
            r3,
            [r1],
            size,
            (bytes) => [fromMemory(sub, bytes[0], bytes[1])],
            post ? inc : null,
            reg ? r2 : 0,
          ),
      };
    }
    case 'stf':
    case 'stf_postimm': {
      const size = SIZE[sub]!,
        post = ins.op === 'stf_postimm';
      if (post && r3 === 0) return { regs: [r2], exec: (m: Machine) => m.fault('illegal_op') };
      return {
        regs: [r2],
        access: 'w',
        exec: (m: Machine) => {
          const N = m.nat,
            L = m.grLo,
            H = m.grHi;
          const v = readFr(m, r2);
          if (N[r3] || (sub !== 'spill' && isNatVal(v))) return m.fault('reg_nat', { isr: ISR_W });
          const [a, b] = toMemory(sub, v);
          if (!storeBytes(m, L[r3]!, H[r3]!, size, a, b)) return 2;
          if (post) postInc(m, r3, ins.imm);
          return CONT;
        },
      };
    }
    case 'ldfp': {
      // Two FRs from consecutive memory (8 bytes for ldfps, 16 otherwise); the pair must be one
      // odd and one even physical register, else Illegal Operation (SDM ldfp).
      const half = sub === 's' ? 4 : 8,
        f1 = r1,
        f2 = r2,
        inc = ins.imm;
      if (inc !== 0n && r3 === 0) return { regs: [f1, f2], exec: (m: Machine) => m.fault('illegal_op') };
      return {
        regs: [f1, f2],
        access: 'r',
        targetFr: Math.min(f1, f2),
        exec: (m: Machine) => {
          if (f1 === f2 || ((frIndex(m, f1) ^ frIndex(m, f2)) & 1) === 0) return m.fault('illegal_op');
          return fpLoad(
            m,
            ins.n1,
            r3,
            [f1, f2],
            2 * half,
            (bytes) => {
              const [a, b] = half === 4 ? [bytes[0] & 0xffffffffn, bytes[0] >> 32n] : bytes;
              return [fromMemory(sub, a, 0n), fromMemory(sub, b, 0n)];
            },
            inc !== 0n ? () => inc : null,
            0,
          );
        },
      };
    }
    case 'getf':
      return {
        regs: [r2],
        exec: (m: Machine) => {
          const N = m.nat,
            L = m.grLo,
            H = m.grHi;
          const v = readFr(m, r2);
          const nat = isNatVal(v);
          const out = sub === 'sig' ? v.m : sub === 'exp' ? regToExp(v) : sub === 's' ? regToSingle(v) : regToDouble(v);
          L[r1] = nat ? 0 : loOf(out);
          H[r1] = nat ? 0 : hiOf(out);
          N[r1] = nat ? 1 : 0;
          return CONT;
        },
      };
    case 'setf':
      return {
        regs: [r1],
        targetFr: r1,
        exec: (m: Machine) => {
          const N = m.nat,
            L = m.grLo,
            H = m.grHi;
          const g = toBig(L[r2]!, H[r2]!);
          let v: FpReg;
          if (N[r2]) v = NATVAL;
          else if (sub === 'sig') v = integerToReg(g);
          else if (sub === 'exp') v = expToReg(g);
          else if (sub === 's') v = singleToReg(g & 0xffffffffn);
          else v = doubleToReg(g);
          writeFr(m, r1, v);
          return CONT;
        },
      };
  }
  return null;
}
