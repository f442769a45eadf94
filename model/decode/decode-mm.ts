// Multimedia formats (SDM vol 3 §4.2.1 A9-A10 and §4.3.1 I1-I9): the parallel ALU of the
// A unit (padd, psub, pavg, pavgsub, pcmp, pshladd2, pshradd2) and the I-unit multimedia
// instructions of major opcode 7 (pmpy, pmpyshr, mix, pack, unpack, pmin/pmax, psad, mux,
// pshl/pshr) and popcnt. Every form decodes to op 'mm' with the operation in `sub` and the
// element size in n1, so that one executor (exec/compile-mm.ts) serves them all.
import { fld, type Slot } from './bundle.js';
import { mk, type Insn } from './insn.js';

const R = (n: number) => `r${n}`;

/** Element size in bytes by za·zb (bits 36, 33); 8 is the plain shift of the same format. */
const SIZE_BY_ZAZB = [1, 2, 4, 8] as const;

/** A9 operations by x4 · x2b, with the element sizes that exist. */
const A9: Record<string, readonly [string, readonly number[]]> = {
  '0.0': ['padd', [1, 2, 4]],
  '0.1': ['padd.sss', [1, 2]],
  '0.2': ['padd.uuu', [1, 2]],
  '0.3': ['padd.uus', [1, 2]],
  '1.0': ['psub', [1, 2, 4]],
  '1.1': ['psub.sss', [1, 2]],
  '1.2': ['psub.uuu', [1, 2]],
  '1.3': ['psub.uus', [1, 2]],
  '2.2': ['pavg', [1, 2]],
  '2.3': ['pavg.raz', [1, 2]],
  '3.2': ['pavgsub', [1, 2]],
  '9.0': ['pcmp.eq', [1, 2, 4]],
  '9.1': ['pcmp.gt', [1, 2, 4]],
};

/** Mnemonic of an element operation: the size goes after the base name ("padd2.sss"). */
function sized(op: string, size: number): string {
  const dot = op.indexOf('.');
  return dot < 0 ? `${op}${size}` : `${op.slice(0, dot)}${size}${op.slice(dot)}`;
}

/** A9/A10 (major opcode 8, x2a = 1); null when the encoding is none of them. */
export function decodeMmA(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn | null {
  const size = SIZE_BY_ZAZB[(fld(s, 36, 1) << 1) | fld(s, 33, 1)]!,
    x4 = fld(s, 29, 4),
    x2b = fld(s, 27, 2);
  if ((x4 === 4 || x4 === 6) && size === 2) {
    // A10 pshladd2 / pshradd2 r1=r2,count2,r3: count2 = ct2d + 1.
    const op = x4 === 4 ? 'pshladd' : 'pshradd',
      n = x2b + 1;
    return mk('mm', 'A', qp, `${op}2`, `${R(r1)}=${R(r2)},${n},${R(r3)}`, { r1, r2, r3, n1: 2, n2: n, sub: op });
  }
  const a9 = A9[`${x4}.${x2b}`];
  if (!a9?.[1].includes(size)) return null;
  return mk('mm', 'A', qp, sized(a9[0], size), `${R(r1)}=${R(r2)},${R(r3)}`, { r1, r2, r3, n1: size, sub: a9[0] });
}

/** mux1 permutations by mbtype4 (I3). */
export const MUX1 = { 0: '@brcst', 8: '@mix', 9: '@shuf', 10: '@alt', 11: '@rev' } as const;

/** pmpyshr2's shift count by x2c (I1). */
const PMPYSHR_COUNT = [0, 7, 15, 16] as const;

/** Register-register I2 forms by x2b · x2c (x2a = 2), with their sizes. */
const I2: Record<string, readonly [string, readonly number[]]> = {
  '1.3': ['pmpy.r', [2]],
  '3.3': ['pmpy.l', [2]],
  '0.2': ['mix.r', [1, 2, 4]],
  '2.2': ['mix.l', [1, 2, 4]],
  '0.0': ['pack.uss', [2]],
  '2.0': ['pack.sss', [2, 4]],
  '0.1': ['unpack.h', [1, 2, 4]],
  '2.1': ['unpack.l', [1, 2, 4]],
  '1.0': ['pmin', [1]],
  '1.1': ['pmax', [1]],
  '3.0': ['pmin', [2]],
  '3.1': ['pmax', [2]],
  '3.2': ['psad', [1]],
};

/**
 * I1-I9 (major opcode 7, ve = 0) other than the 64-bit shifts decode-i.ts handles; null when
 * the encoding is none of them.
 */
export function decodeMmI(s: Slot, qp: number, r1: number, r2: number, r3: number): Insn | null {
  const size = SIZE_BY_ZAZB[(fld(s, 36, 1) << 1) | fld(s, 33, 1)]!,
    x2a = fld(s, 34, 2),
    x2b = fld(s, 28, 2),
    x2c = fld(s, 30, 2);
  if (fld(s, 32, 1) !== 0 || size === 8) return null;
  const rr = `${R(r1)}=${R(r2)},${R(r3)}`;
  const f = { r1, r2, r3, n1: size };
  if (x2a === 0 && (x2b === 1 || x2b === 3) && size === 2) {
    // I1 pmpyshr2(.u) r1=r2,r3,count2.
    const n = PMPYSHR_COUNT[x2c]!,
      op = x2b === 1 ? 'pmpyshr.u' : 'pmpyshr';
    return mk('mm', 'I', qp, sized(op, 2), `${rr},${n}`, { ...f, n2: n, sub: op });
  }
  if (x2a === 2) {
    const i2 = I2[`${x2b}.${x2c}`];
    if (!i2?.[1].includes(size)) return null;
    // pmin1/pmax1 are the unsigned byte forms; pmin2/pmax2 signed halfwords.
    const name = (i2[0] === 'pmin' || i2[0] === 'pmax') && size === 1 ? `${i2[0]}1.u` : sized(i2[0], size);
    return mk('mm', 'I', qp, name, rr, { ...f, sub: i2[0] });
  }
  if (x2a === 3 && x2b === 2 && x2c === 2) {
    if (size === 1) {
      // I3 mux1 r1=r2,mbtype4.
      const t = fld(s, 20, 4) as keyof typeof MUX1;
      const name = MUX1[t];
      // The other mbtype4 values are reserved: an Illegal Operation (objdump prints the number).
      if (!name) return mk('illegal_op', 'I', qp, 'mux1', `${R(r1)}=${R(r2)},0x${t.toString(16)}`);
      return mk('mm', 'I', qp, 'mux1', `${R(r1)}=${R(r2)},${name}`, { r1, r2, n1: 1, n2: t, sub: 'mux' });
    }
    if (size === 2) {
      // I4 mux2 r1=r2,mhtype8.
      const t = fld(s, 20, 8);
      return mk('mm', 'I', qp, 'mux2', `${R(r1)}=${R(r2)},0x${t.toString(16)}`, { r1, r2, n1: 2, n2: t, sub: 'mux' });
    }
    return null;
  }
  if (size === 1) return null; // the shifts and popcnt have no 1-byte form
  if (x2a === 0 && x2c === 0 && (x2b === 0 || x2b === 2)) {
    // I5 pshr(.u) r1=r3,r2.
    const op = x2b === 0 ? 'pshr.u' : 'pshr';
    return mk('mm', 'I', qp, sized(op, size), `${R(r1)}=${R(r3)},${R(r2)}`, { ...f, sub: op });
  }
  if (x2a === 1 && x2c === 0 && (x2b === 1 || x2b === 3)) {
    // I6 pshr(.u) r1=r3,count5.
    const op = x2b === 1 ? 'pshr.u' : 'pshr',
      n = fld(s, 14, 5);
    return mk('mm', 'I', qp, sized(op, size), `${R(r1)}=${R(r3)},${n}`, { r1, r3, n1: size, n2: n, sub: `${op}i` });
  }
  if (x2a === 0 && x2b === 0 && x2c === 1) {
    // I7 pshl r1=r2,r3.
    return mk('mm', 'I', qp, sized('pshl', size), rr, { ...f, sub: 'pshl' });
  }
  if (x2a === 3 && x2b === 1 && x2c === 1) {
    // I8 pshl r1=r2,count5: ccount5c = 31 - count5.
    const n = 31 - fld(s, 20, 5);
    return mk('mm', 'I', qp, sized('pshl', size), `${R(r1)}=${R(r2)},${n}`, { r1, r2, n1: size, n2: n, sub: 'pshli' });
  }
  if (x2a === 1 && x2b === 1 && x2c === 3 && size === 2) {
    // I9 clz r1=r3 (SDM 2.3): leading zero bits, 64 for zero.
    return mk('mm', 'I', qp, 'clz', `${R(r1)}=${R(r3)}`, { r1, r3, n1: 8, sub: 'clz' });
  }
  if (x2a === 0 && (x2b === 1 || x2b === 3) && x2c === 3 && size === 4) {
    // I2 mpy4 / mpyshl4 r1=r2,r3 (SDM 2.3): unsigned 32×32 products of the low words, or of
    // r2's low word and r3's high word shifted left 32.
    const op = x2b === 1 ? 'mpy4' : 'mpyshl4';
    return mk('mm', 'I', qp, op, rr, { ...f, sub: op });
  }
  if (x2a === 1 && x2b === 1 && x2c === 2 && size === 2) {
    // I9 popcnt r1=r3.
    return mk('mm', 'I', qp, 'popcnt', `${R(r1)}=${R(r3)}`, { r1, r3, n1: 8, sub: 'popcnt' });
  }
  return null;
}
