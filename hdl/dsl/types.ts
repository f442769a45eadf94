// Hardware types beyond plain bit vectors: bundles (named fields over one vector, like the
// PSR) and enums (named constants of a fixed width, like vti_psr's `op` codes).
import type { IRField } from '../ir/types.js';

export type FieldLayout = Readonly<Record<string, readonly [lo: number, width: number]>>;

export interface BundleType<F extends string = string> {
  readonly kind: 'bundle';
  readonly name: string;
  readonly width: number;
  readonly fields: readonly IRField[];
  readonly field: Readonly<Record<F, IRField>>;
}

/**
 * A bundle of named fields laid over a `width`-bit vector; bits not covered by a field are
 * reserved (still part of the vector). Fields must not overlap.
 */
export function bundleType<F extends string>(
  name: string,
  width: number,
  layout: Readonly<Record<F, readonly [number, number]>>,
): BundleType<F> {
  const fields: IRField[] = [];
  let used = 0n;
  for (const [fname, [lo, w]] of Object.entries(layout) as [F, readonly [number, number]][]) {
    if (!Number.isInteger(lo) || !Number.isInteger(w) || lo < 0 || w < 1 || lo + w > width)
      throw new Error(`bundle '${name}': field '${fname}' [${lo + w - 1}:${lo}] does not fit in ${width} bits`);
    const mask = ((1n << BigInt(w)) - 1n) << BigInt(lo);
    if (used & mask) throw new Error(`bundle '${name}': field '${fname}' overlaps another field`);
    used |= mask;
    fields.push({ name: fname, lo, width: w });
  }
  fields.sort((a, b) => a.lo - b.lo);
  const field = Object.fromEntries(fields.map((f) => [f.name, f])) as Record<F, IRField>;
  return Object.freeze({ kind: 'bundle', name, width, fields: Object.freeze(fields), field: Object.freeze(field) });
}

export interface EnumType<K extends string = string> {
  readonly kind: 'enum';
  readonly name: string;
  readonly width: number;
  readonly values: Readonly<Record<K, number>>;
}

/** Named constants of `width` bits; values must be distinct and fit. */
export function enumType<K extends string>(
  name: string,
  width: number,
  values: Readonly<Record<K, number>>,
): EnumType<K> {
  const seen = new Map<number, string>();
  for (const [k, v] of Object.entries(values) as [K, number][]) {
    if (!Number.isInteger(v) || v < 0 || v >= 2 ** width)
      throw new Error(`enum '${name}': ${k} = ${v} does not fit in ${width} bits`);
    const other = seen.get(v);
    if (other !== undefined) throw new Error(`enum '${name}': ${k} and ${other} have the same value ${v}`);
    seen.set(v, k);
  }
  return Object.freeze({ kind: 'enum', name, width, values: Object.freeze({ ...values }) });
}

export type HwType = number | BundleType | EnumType;

export function widthOf(t: HwType): number {
  return typeof t === 'number' ? t : t.width;
}
