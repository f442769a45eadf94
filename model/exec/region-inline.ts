// Source text of the simple instructions a region (region.ts) runs inline instead of calling
// their closure: integer ALU, shladd, movl, compares into predicates and the IP-relative
// conditional branch. Each body is the closure's body of compile-alu.ts / compile-br.ts written
// out with its register numbers and immediates as constants, on the same typed arrays (L, H, N:
// the GR halves and NaT bits; P: the predicates), in the same order of reads and writes (so an
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

/** cmp/cmpi of the normal compare type (result and complement; both 0 on NaT). */
function compareBody(ins: Insn): string | null {
  const dot = ins.sub.indexOf('.');
  if (dot >= 0) return null; // unc, and, or, or.andcm: through the closure
  const { r2, r3, p1, p2 } = ins;
  const i = imm(ins);
  const c =
    ins.op === 'cmpi'
      ? relation(ins.sub, ins.n1 !== 4, String(i.lo), String(i.hi), `L[${r3}]`, `H[${r3}]`)
      : relation(ins.sub, ins.n1 !== 4, `L[${r2}]`, `H[${r2}]`, `L[${r3}]`, `H[${r3}]`);
  if (c === null) return null;
  const nat = ins.op === 'cmpi' ? `N[${r3}]` : `(N[${r2}] | N[${r3}])`;
  const fix = p1 === 0 || p2 === 0 ? ' P[0] = 1;' : '';
  return `if (${nat} !== 0) { P[${p1}] = 0; P[${p2}] = 0; } else if (${c}) { P[${p1}] = 1; P[${p2}] = 0; } else { P[${p1}] = 0; P[${p2}] = 1; }${fix}`;
}

/** Two-operand logical ops: the same expression on both halves. */
const LOGIC: Record<string, (a: string, b: string) => string> = {
  and: (a, b) => `${a} & ${b}`,
  andcm: (a, b) => `${a} & ~${b}`,
  or: (a, b) => `${a} | ${b}`,
  xor: (a, b) => `${a} ^ ${b}`,
};

/**
 * The inline body of `ins` (a statement list; `t` is a scratch local), or null when the
 * instruction goes through its closure. Only for instructions compile.ts marks pure (no r0
 * target, no stacked register, distinct predicate targets).
 */
export function inlineBody(ins: Insn): string | null {
  const { r1, r2, r3 } = ins;
  const i = imm(ins);
  switch (ins.op) {
    case 'add':
      return `t = L[${r2}] + L[${r3}]; H[${r1}] = H[${r2}] + H[${r3}] + (t > 0xffffffff ? 1 : 0); L[${r1}] = t; N[${r1}] = N[${r2}] | N[${r3}];`;
    case 'sub':
      return `t = L[${r2}]; H[${r1}] = H[${r2}] - H[${r3}] - (t < L[${r3}] ? 1 : 0); L[${r1}] = t - L[${r3}]; N[${r1}] = N[${r2}] | N[${r3}];`;
    case 'addi':
      return `t = ${i.lo} + L[${r3}]; H[${r1}] = ${i.hi} + H[${r3}] + (t > 0xffffffff ? 1 : 0); L[${r1}] = t; N[${r1}] = N[${r3}];`;
    case 'and':
    case 'andcm':
    case 'or':
    case 'xor': {
      const f = LOGIC[ins.op]!;
      return `L[${r1}] = ${f(`L[${r2}]`, `L[${r3}]`)}; H[${r1}] = ${f(`H[${r2}]`, `H[${r3}]`)}; N[${r1}] = N[${r2}] | N[${r3}];`;
    }
    case 'andi':
    case 'andcmi':
    case 'ori':
    case 'xori': {
      const f = LOGIC[ins.op.slice(0, -1)]!;
      return `L[${r1}] = ${f(String(i.lo), `L[${r3}]`)}; H[${r1}] = ${f(String(i.hi), `H[${r3}]`)}; N[${r1}] = N[${r3}];`;
    }
    case 'shladd': {
      const n = ins.n1;
      if (n < 1 || n > 4) return null;
      return `t = ((L[${r2}] << ${n}) >>> 0) + L[${r3}]; H[${r1}] = ((H[${r2}] << ${n}) | (L[${r2}] >>> ${32 - n})) + H[${r3}] + (t > 0xffffffff ? 1 : 0); L[${r1}] = t; N[${r1}] = N[${r2}] | N[${r3}];`;
    }
    case 'movl':
      return `L[${r1}] = ${i.lo}; H[${r1}] = ${i.hi}; N[${r1}] = 0;`;
    case 'cmp':
    case 'cmpi':
      return compareBody(ins);
  }
  return null;
}

/** The displacement of an IP-relative br.cond (decoded at address 0: imm is the displacement), or null. */
export function inlineBranch(ins: Insn): { lo: number; hi: number } | null {
  return ins.op === 'br_cond' ? imm(ins) : null;
}
