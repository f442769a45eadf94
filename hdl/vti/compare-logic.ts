// Unsigned comparisons written as plain AND/OR logic, for vti_core's checks on the operand
// (issue 18, Fmax). Yosys maps `a > b` to a carry chain on the iCE40; ABC, which balances the
// logic around it, sees the chain's output as a primary input (arrival 0) and places it deep
// in the OR tree of the check it feeds. As logic, a comparison is a balanced tree of
// (greater, equal) pairs, and ABC can map it and what follows as one cone. Constants fold here.
import type { Bit, ModuleBuilder, Value } from '../dsl/index.js';

/** One bit of an operand: a signal bit or a constant. */
type B = Bit | 0 | 1;

const and = (x: B, y: B): B => (x === 0 || y === 0 ? 0 : x === 1 ? y : y === 1 ? x : x.and(y).asBit());
const or = (x: B, y: B): B => (x === 1 || y === 1 ? 1 : x === 0 ? y : y === 0 ? x : x.or(y).asBit());
const not = (x: B): B => (x === 0 ? 1 : x === 1 ? 0 : x.not().asBit());

/** Bits of `v` least significant first: a value's, or a constant's over `width` bits. */
function bitsOf(v: Value | number, width: number): B[] {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** width)
      throw new Error(`compare-logic: ${v} is not a ${width}-bit constant`);
    return Array.from({ length: width }, (_, i) => (Math.floor(v / 2 ** i) % 2) as 0 | 1);
  }
  return Array.from({ length: v.width }, (_, i) => v.bit(i));
}

function bitAt(bits: readonly B[], i: number): B {
  const b = bits[i];
  if (b === undefined) throw new Error(`compare-logic: no bit ${i}`);
  return b;
}

/** (a > b, a = b) over bits [lo, hi) (LSB first), split in halves: depth log2(width). */
function gtEq(a: readonly B[], b: readonly B[], lo: number, hi: number): { gt: B; eq: B } {
  if (hi - lo === 1) {
    const x = bitAt(a, lo),
      y = bitAt(b, lo);
    return { gt: and(x, not(y)), eq: or(and(x, y), and(not(x), not(y))) };
  }
  const mid = (lo + hi) >> 1;
  const h = gtEq(a, b, mid, hi),
    l = gtEq(a, b, lo, mid);
  return { gt: or(h.gt, and(h.eq, l.gt)), eq: and(h.eq, l.eq) };
}

/** `a > b` unsigned; `one` builds the constant results (a literal of width 1). */
function greater(a: Value | number, b: Value | number, one: (v: 0 | 1) => Bit): Bit {
  const width = typeof a === 'number' ? (b as Value).width : a.width;
  if (typeof b !== 'number' && b.width !== width) throw new Error(`compare-logic: widths ${width} and ${b.width}`);
  const r = gtEq(bitsOf(a, width), bitsOf(b, width), 0, width).gt;
  return typeof r === 'number' ? one(r) : r;
}

/** Unsigned comparisons of two values of one width, or of a value and a constant, as logic. */
export function compareLogic(m: ModuleBuilder) {
  const one = (v: 0 | 1): Bit => m.lit(v, 1).asBit();
  return {
    ugt: (a: Value | number, b: Value | number): Bit => greater(a, b, one),
    ult: (a: Value | number, b: Value | number): Bit => greater(b, a, one),
    uge: (a: Value | number, b: Value | number): Bit => not(greater(b, a, one)) as Bit,
    ule: (a: Value | number, b: Value | number): Bit => not(greater(a, b, one)) as Bit,
  };
}
