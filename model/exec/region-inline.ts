// Source text of the simple instructions a region (region.ts) runs inline instead of calling
// their closure: integer ALU, shladd, movl, compares into predicates and the IP-relative
// conditional branch. Each body is the closure's body of compile-alu.ts / compile-br.ts written
// out with its register numbers and immediates as constants, on the registers the region keeps
// in locals (GrNames), predicates too, in the same order of reads and writes (so an
// instruction naming one register twice behaves as its closure does). None of them can fault,
// read m.slot, or change the PSR, the translations or the pending traps: the region needs no
// per-slot bookkeeping around them.
import type { Insn } from '../decode/insn.js';
import { hiOf, loOf } from './int64.js';

/** The immediate as unsigned 32-bit halves. */
function imm(ins: Insn): { lo: number; hi: number } {
  const v = BigInt.asUintN(64, ins.imm);
  return { lo: loOf(v), hi: hiOf(v) };
}

/** 64-bit (or, for cmp4, 32-bit) relations on (alo, ahi) against (blo, bhi), as in compile-alu.ts. */
function relation(rel: string, wide: boolean, alo: string, ahi: string, blo: string, bhi: string): string | null {
  if (!wide)
    switch (rel) {
      case 'eq':
        return `${alo} === ${blo}`;
      case 'ne':
        return `${alo} !== ${blo}`;
      case 'lt':
        return `(${alo} | 0) < (${blo} | 0)`;
      case 'le':
        return `(${alo} | 0) <= (${blo} | 0)`;
      case 'gt':
        return `(${alo} | 0) > (${blo} | 0)`;
      case 'ge':
        return `(${alo} | 0) >= (${blo} | 0)`;
      case 'ltu':
        return `${alo} < ${blo}`;
      default:
        return null;
    }
  const lt = (a: string, b: string, c: string, d: string) =>
    `((${b} | 0) < (${d} | 0) || (${b} === ${d} && ${a} < ${c}))`;
  switch (rel) {
    case 'eq':
      return `(${alo} === ${blo} && ${ahi} === ${bhi})`;
    case 'ne':
      return `(${alo} !== ${blo} || ${ahi} !== ${bhi})`;
    case 'lt':
      return lt(alo, ahi, blo, bhi);
    case 'le':
      return `!${lt(blo, bhi, alo, ahi)}`;
    case 'gt':
      return lt(blo, bhi, alo, ahi);
    case 'ge':
      return `!${lt(alo, ahi, blo, bhi)}`;
    case 'ltu':
      return `(${ahi} < ${bhi} || (${ahi} === ${bhi} && ${alo} < ${blo}))`;
    default:
      return null;
  }
}

/**
 * Names of the general registers in the generated code: the region keeps the ones its inline
 * bodies use in locals (region.ts). `wrote` records a register an inline body writes.
 */
export interface GrNames {
  lo(r: number): string;
  hi(r: number): string;
  nat(r: number): string;
  wrote(r: number): void;
  /** A predicate an inline body writes (p0 names a scratch: it stays 1). */
  pr(p: number): string;
}

/** cmp/cmpi of the normal compare type (result and complement; both 0 on NaT). */
function compareBody(ins: Insn, g: GrNames): string | null {
  const dot = ins.sub.indexOf('.');
  if (dot >= 0) return null; // unc, and, or, or.andcm: through the closure
  const { r2, r3, p1, p2 } = ins;
  const i = imm(ins);
  const c =
    ins.op === 'cmpi'
      ? relation(ins.sub, ins.n1 !== 4, String(i.lo), String(i.hi), g.lo(r3), g.hi(r3))
      : relation(ins.sub, ins.n1 !== 4, g.lo(r2), g.hi(r2), g.lo(r3), g.hi(r3));
  if (c === null) return null;
  const nat = ins.op === 'cmpi' ? g.nat(r3) : `(${g.nat(r2)} | ${g.nat(r3)})`;
  const [A, B] = [g.pr(p1), g.pr(p2)];
  return `if (${nat} !== 0) { ${A} = 0; ${B} = 0; } else if (${c}) { ${A} = 1; ${B} = 0; } else { ${A} = 0; ${B} = 1; }`;
}

/** Two-operand logical ops: the same expression on both halves. */
const LOGIC: Record<string, (a: string, b: string) => string> = {
  and: (a, b) => `${a} & ${b}`,
  andcm: (a, b) => `${a} & ~${b}`,
  or: (a, b) => `${a} | ${b}`,
  xor: (a, b) => `${a} ^ ${b}`,
};

/**
 * The inline body of `ins` (a statement list; `t` is a scratch local; every half written is
 * wrapped to an unsigned 32-bit value), or null when the instruction goes through its closure.
 * Only for instructions compile.ts marks pure (no r0 target, no stacked register, distinct
 * predicate targets).
 */
export function inlineBody(ins: Insn, g: GrNames): string | null {
  const { r1, r2, r3 } = ins;
  const i = imm(ins);
  const [L1, H1, N1] = [g.lo(r1), g.hi(r1), g.nat(r1)];
  const [L2, H2, N2] = [g.lo(r2), g.hi(r2), g.nat(r2)];
  const [L3, H3, N3] = [g.lo(r3), g.hi(r3), g.nat(r3)];
  const body = ((): string | null => {
    switch (ins.op) {
      case 'add':
        return `t = ${L2} + ${L3}; ${H1} = (${H2} + ${H3} + (t > 0xffffffff ? 1 : 0)) >>> 0; ${L1} = t >>> 0; ${N1} = ${N2} | ${N3};`;
      case 'sub':
        return `t = ${L2}; ${H1} = (${H2} - ${H3} - (t < ${L3} ? 1 : 0)) >>> 0; ${L1} = (t - ${L3}) >>> 0; ${N1} = ${N2} | ${N3};`;
      case 'addi':
        return `t = ${i.lo} + ${L3}; ${H1} = (${i.hi} + ${H3} + (t > 0xffffffff ? 1 : 0)) >>> 0; ${L1} = t >>> 0; ${N1} = ${N3};`;
      case 'and':
      case 'andcm':
      case 'or':
      case 'xor': {
        const f = LOGIC[ins.op]!;
        return `${L1} = (${f(L2, L3)}) >>> 0; ${H1} = (${f(H2, H3)}) >>> 0; ${N1} = ${N2} | ${N3};`;
      }
      case 'andi':
      case 'andcmi':
      case 'ori':
      case 'xori': {
        const f = LOGIC[ins.op.slice(0, -1)]!;
        return `${L1} = (${f(String(i.lo), L3)}) >>> 0; ${H1} = (${f(String(i.hi), H3)}) >>> 0; ${N1} = ${N3};`;
      }
      case 'shladd': {
        const n = ins.n1;
        if (n < 1 || n > 4) return null;
        return `t = ((${L2} << ${n}) >>> 0) + ${L3}; ${H1} = (((${H2} << ${n}) | (${L2} >>> ${32 - n})) + ${H3} + (t > 0xffffffff ? 1 : 0)) >>> 0; ${L1} = t >>> 0; ${N1} = ${N2} | ${N3};`;
      }
      case 'movl':
        return `${L1} = ${i.lo}; ${H1} = ${i.hi}; ${N1} = 0;`;
      case 'cmp':
      case 'cmpi':
        return compareBody(ins, g);
    }
    return null;
  })();
  if (body !== null && ins.op !== 'cmp' && ins.op !== 'cmpi') g.wrote(r1);
  return body;
}

/** The displacement of an IP-relative br.cond (decoded at address 0: imm is the displacement), or null. */
export function inlineBranch(ins: Insn): { lo: number; hi: number } | null {
  return ins.op === 'br_cond' ? imm(ins) : null;
}
