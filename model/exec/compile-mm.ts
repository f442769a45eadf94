// Semantics of the multimedia instructions (decode/decode-mm.ts, czx of decode-i.ts), per the
// SDM vol 3 instruction pages: each source is split into elements of n1 bytes, each element is
// computed on its own, and the result's NaT is the OR of the sources' NaTs. They never fault
// (a write to r0 and a register outside the frame are checked by compile.ts). Values are
// BigInts: these instructions are rare enough that clarity wins over the (lo, hi) fast path.
import type { Insn } from '../decode/insn.js';
import { CONT, type Exec, type Machine } from './machine.js';

type Lanes = (a: bigint, b: bigint) => bigint;

/** The elements of v, `bits` wide, lowest first, as unsigned values. */
export function lanesOf(v: bigint, bits: number): bigint[] {
  const out: bigint[] = [],
    mask = (1n << BigInt(bits)) - 1n;
  for (let i = 0; i < 64; i += bits) out.push((v >> BigInt(i)) & mask);
  return out;
}

/** The 64-bit value whose elements, lowest first, are xs (each cut to `bits`). */
export function joinLanes(xs: readonly bigint[], bits: number): bigint {
  const mask = (1n << BigInt(bits)) - 1n;
  let v = 0n;
  xs.forEach((x, i) => {
    v |= (x & mask) << BigInt(i * bits);
  });
  return v;
}

const sx = (x: bigint, bits: number) => BigInt.asIntN(bits, x);
const clamp = (x: bigint, lo: bigint, hi: bigint) => (x > hi ? hi : x < lo ? lo : x);
const sMax = (bits: number) => (1n << BigInt(bits - 1)) - 1n;
const sMin = (bits: number) => -(1n << BigInt(bits - 1));
const uMax = (bits: number) => (1n << BigInt(bits)) - 1n;

/** Element-wise operation: f on the pairs of elements of a and b. */
function perLane(bits: number, f: (x: bigint, y: bigint) => bigint): Lanes {
  return (a, b) => {
    const xs = lanesOf(a, bits),
      ys = lanesOf(b, bits);
    return joinLanes(
      xs.map((x, i) => f(x, ys[i]!)),
      bits,
    );
  };
}

/**
 * padd/psub: modulo, or saturating — sss (signed sources and result), uuu (unsigned), uus
 * (r2 unsigned, r3 signed, unsigned result).
 */
function addSub(bits: number, sub: boolean, sat: string): Lanes {
  const op = (x: bigint, y: bigint) => (sub ? x - y : x + y);
  switch (sat) {
    case 'sss':
      return perLane(bits, (x, y) => clamp(op(sx(x, bits), sx(y, bits)), sMin(bits), sMax(bits)));
    case 'uuu':
      return perLane(bits, (x, y) => clamp(op(x, y), 0n, uMax(bits)));
    case 'uus':
      return perLane(bits, (x, y) => clamp(op(x, sx(y, bits)), 0n, uMax(bits)));
  }
  return perLane(bits, op);
}

/** mux1's permutations, lowest byte first: result byte i is source byte PERM[i]. */
const MUX1_PERM: Record<number, readonly number[]> = {
  0: [0, 0, 0, 0, 0, 0, 0, 0], // @brcst
  8: [0, 4, 2, 6, 1, 5, 3, 7], // @mix:  result (high→low) b7 b3 b5 b1 b6 b2 b4 b0
  9: [0, 4, 1, 5, 2, 6, 3, 7], // @shuf: b7 b3 b6 b2 b5 b1 b4 b0
  10: [0, 2, 4, 6, 1, 3, 5, 7], // @alt: b7 b5 b3 b1 b6 b4 b2 b0
  11: [7, 6, 5, 4, 3, 2, 1, 0], // @rev
};

/** First element (from the left or the right) that is zero; the element count if none. */
function czx(v: bigint, bits: number, fromLeft: boolean): bigint {
  const xs = lanesOf(v, bits),
    n = xs.length;
  for (let k = 0; k < n; k++) if (xs[fromLeft ? n - 1 - k : k] === 0n) return BigInt(k);
  return BigInt(n);
}

/** The shift count of a register form: the whole register, unsigned, capped at the width. */
const capCount = (c: bigint, bits: number) => Number(c > BigInt(bits) ? BigInt(bits) : c);

/** The function of (r2, r3) → r1 for one multimedia instruction, and which sources it reads. */
function semantics(ins: Insn): { f: Lanes; reads: 'r2r3' | 'r2' | 'r3' } {
  const bits = ins.n1 * 8,
    n = ins.n2,
    [base = '', form = ''] = ins.sub.split('.');
  const both = (f: Lanes) => ({ f, reads: 'r2r3' as const });
  switch (base) {
    case 'padd':
    case 'psub':
      return both(addSub(bits, base === 'psub', form));
    case 'pavg':
      // The sum's low bit is ORed into the halved sum (normal), or 1 is added first (raz).
      return both(perLane(bits, (x, y) => (form === 'raz' ? (x + y + 1n) >> 1n : ((x + y) >> 1n) | ((x + y) & 1n))));
    case 'pavgsub':
      // The (bits+1)-bit difference, halved arithmetically, with its low bit ORed in.
      return both(perLane(bits, (x, y) => ((x - y) >> 1n) | ((x - y) & 1n)));
    case 'pcmp':
      return both(perLane(bits, (x, y) => ((form === 'eq' ? x === y : sx(x, bits) > sx(y, bits)) ? uMax(bits) : 0n)));
    case 'pshladd':
      // r2's element shifted left with signed saturation, then added to r3's with saturation.
      return both(
        perLane(bits, (x, y) =>
          clamp(clamp(sx(x, 16) << BigInt(n), sMin(16), sMax(16)) + sx(y, 16), sMin(16), sMax(16)),
        ),
      );
    case 'pshradd':
      return both(perLane(bits, (x, y) => clamp((sx(x, 16) >> BigInt(n)) + sx(y, 16), sMin(16), sMax(16))));
    case 'pmin':
    case 'pmax': {
      // 1-byte elements are unsigned, 2-byte signed.
      const key = (x: bigint) => (bits === 8 ? x : sx(x, bits));
      const min = base === 'pmin';
      return both(perLane(bits, (x, y) => (key(x) < key(y) === min ? x : y)));
    }
    case 'psad':
      return both((a, b) => {
        const ys = lanesOf(b, 8);
        return lanesOf(a, 8).reduce((s, x, i) => s + (x > ys[i]! ? x - ys[i]! : ys[i]! - x), 0n);
      });
    case 'pmpy':
      // Signed 16×16 products of the odd (left) or even (right) halfwords, as two 32-bit results.
      return both((a, b) => {
        const xs = lanesOf(a, 16),
          ys = lanesOf(b, 16),
          k = form === 'l' ? 1 : 0;
        return joinLanes([sx(xs[k]!, 16) * sx(ys[k]!, 16), sx(xs[k + 2]!, 16) * sx(ys[k + 2]!, 16)], 32);
      });
    case 'pmpyshr': {
      const signed = form !== 'u';
      return both(perLane(16, (x, y) => (signed ? sx(x, 16) * sx(y, 16) : x * y) >> BigInt(n)));
    }
    case 'mix':
    case 'unpack':
      return both((a, b) => {
        const xs = lanesOf(a, bits),
          ys = lanesOf(b, bits),
          half = xs.length / 2,
          out: bigint[] = [];
        for (let i = 0; i < half; i++) {
          // mix: the even (.r) or odd (.l) element pairs; unpack: the low (.l) or high (.h) half, interleaved.
          const k = base === 'mix' ? 2 * i + (form === 'l' ? 1 : 0) : i + (form === 'h' ? half : 0);
          out.push(ys[k]!, xs[k]!);
        }
        return joinLanes(out, bits);
      });
    case 'pack': {
      // Signed source elements of r2 (low half of the result) then r3, saturated to half width.
      const w = bits / 2,
        lo = form === 'uss' ? 0n : sMin(w),
        hi = form === 'uss' ? uMax(w) : sMax(w);
      return both((a, b) =>
        joinLanes(
          [...lanesOf(a, bits), ...lanesOf(b, bits)].map((x) => clamp(sx(x, bits), lo, hi)),
          w,
        ),
      );
    }
    case 'mux':
      if (bits === 8) {
        const perm = MUX1_PERM[n]!;
        return {
          f: (a) =>
            joinLanes(
              perm.map((k) => lanesOf(a, 8)[k]!),
              8,
            ),
          reads: 'r2',
        };
      }
      return {
        f: (a) =>
          joinLanes(
            [0, 1, 2, 3].map((i) => lanesOf(a, 16)[(n >> (2 * i)) & 3]!),
            16,
          ),
        reads: 'r2',
      };
    case 'popcnt':
      return { f: (_a, b) => BigInt([...b.toString(2)].filter((c) => c === '1').length), reads: 'r3' };
    case 'czx':
      return { f: (_a, b) => czx(b, bits, form === 'l'), reads: 'r3' };
    case 'clz':
      return { f: (_a, b) => BigInt(b === 0n ? 64 : 64 - b.toString(2).length), reads: 'r3' };
    case 'mpy4':
      return both((a, b) => (a & 0xffffffffn) * (b & 0xffffffffn));
    case 'mpyshl4':
      return both((a, b) => ((a & 0xffffffffn) * (b >> 32n)) << 32n);
  }
  throw new Error(`internal: multimedia operation '${ins.sub}'`);
}

/** pshl/pshr, register or immediate count (`sub` pshl, pshli, pshr(.u), pshri, pshr.ui). */
function shift(ins: Insn): { f: Lanes; reads: 'r2r3' | 'r2' | 'r3' } | null {
  const bits = ins.n1 * 8,
    imm = ins.sub.endsWith('i'),
    sub = imm ? ins.sub.slice(0, -1) : ins.sub;
  if (sub === 'pshl') {
    // pshl r1=r2,r3|count: r2's elements shifted left.
    const by = (c: bigint) => perLane(bits, (x) => x << BigInt(capCount(c, bits)));
    if (imm) return { f: (a) => by(BigInt(ins.n2))(a, 0n), reads: 'r2' };
    return { f: (a, b) => by(b)(a, 0n), reads: 'r2r3' };
  }
  if (sub === 'pshr' || sub === 'pshr.u') {
    // pshr r1=r3,r2|count: r3's elements shifted right (arithmetic, or logical for .u).
    const signed = sub === 'pshr';
    const by = (c: bigint) => perLane(bits, (x) => (signed ? sx(x, bits) : x) >> BigInt(capCount(c, bits)));
    if (imm) return { f: (_a, b) => by(BigInt(ins.n2))(b, 0n), reads: 'r3' };
    return { f: (a, b) => by(a)(b, 0n), reads: 'r2r3' };
  }
  return null;
}

export function compileMm(ins: Insn): Exec | null {
  if (ins.op !== 'mm') return null;
  const { f, reads } = shift(ins) ?? semantics(ins);
  const { r1, r2, r3 } = ins;
  const natOf =
    reads === 'r2r3'
      ? (N: Uint8Array) => (N[r2]! | N[r3]!) === 1
      : reads === 'r2'
        ? (N: Uint8Array) => N[r2] === 1
        : (N: Uint8Array) => N[r3] === 1;
  return (m: Machine) => {
    const nat = natOf(m.nat);
    m.setGr(r1, BigInt.asUintN(64, f(m.gr(r2), m.gr(r3))), nat);
    return CONT;
  };
}
