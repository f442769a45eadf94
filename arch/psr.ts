// The PSR layout of architecture.md §2 — spec DATA shared by the RTL (the vti_psr bundle)
// and the golden model. Bit numbers little-endian.

export type OnInterrupt = 'zero' | 'kept' | 'dcr_be' | 'dcr_pp';

export interface PsrField<N extends string = string> {
  readonly name: N;
  readonly lo: number;
  readonly width: number;
  readonly onInterrupt: OnInterrupt;
}

const f = <N extends string>(name: N, lo: number, width: number, onInterrupt: OnInterrupt = 'zero'): PsrField<N> => ({
  name,
  lo,
  width,
  onInterrupt,
});

/** The defined (non-reserved) PSR fields, in bit order. Everything else is reserved. */
export const PSR_FIELDS = Object.freeze([
  f('be', 1, 1, 'dcr_be'),
  f('up', 2, 1, 'kept'),
  f('ac', 3, 1),
  f('mfl', 4, 1, 'kept'),
  f('mfh', 5, 1, 'kept'),
  f('ic', 13, 1),
  f('i', 14, 1),
  f('pk', 15, 1, 'kept'),
  f('dt', 17, 1, 'kept'),
  f('dfl', 18, 1),
  f('dfh', 19, 1),
  f('sp', 20, 1),
  f('pp', 21, 1, 'dcr_pp'),
  f('di', 22, 1),
  f('si', 23, 1),
  f('db', 24, 1),
  f('lp', 25, 1),
  f('tb', 26, 1),
  f('rt', 27, 1, 'kept'),
  f('cpl', 32, 2),
  f('is', 34, 1),
  f('mc', 35, 1, 'kept'),
  f('it', 36, 1, 'kept'),
  f('id', 37, 1),
  f('da', 38, 1),
  f('dd', 39, 1),
  f('ss', 40, 1),
  f('ri', 41, 2),
  f('ed', 43, 1),
  f('bn', 44, 1),
  f('ia', 45, 1),
  f('vm', 46, 1),
] as const);

/** The name of a defined PSR field: a typo is a compile error. */
export type PsrFieldName = (typeof PSR_FIELDS)[number]['name'];

export const PSR_BIT = Object.freeze(Object.fromEntries(PSR_FIELDS.map((x) => [x.name, x.lo]))) as Readonly<
  Record<PsrFieldName, number>
>;

/**
 * Bit ranges the PSR commands act on (architecture.md §2): the user mask {5:1} (be..mfh, sum/rum
 * and mov psr.um), the system mask {23:0} (ssm/rsm), and PSR.l {31:0} (mov psr.l).
 */
export const PSR_RANGE = Object.freeze({
  um: Object.freeze({ hi: PSR_BIT.mfh, lo: PSR_BIT.be }),
  sm: Object.freeze({ hi: PSR_BIT.si, lo: 0 }),
  l: Object.freeze({ hi: 31, lo: 0 }),
} as const);

const maskOf = (pred: (x: PsrField) => boolean): bigint =>
  PSR_FIELDS.filter(pred).reduce((m, x) => m | (((1n << BigInt(x.width)) - 1n) << BigInt(x.lo)), 0n);

/** Bits that are defined fields (reserved bits are the complement). */
export const PSR_DEFINED_MASK = maskOf(() => true);
/** Reserved bits: 0, 6-12, 16, 28-31, 47-63. */
export const PSR_RESERVED_MASK = ~PSR_DEFINED_MASK & ((1n << 64n) - 1n);
/** Bits kept on interruption: up, mfl, mfh, pk, dt, rt, mc, it (0x0000_0018_0802_8034). */
export const PSR_KEPT_MASK = maskOf((x) => x.onInterrupt === 'kept');
/** Reserved bits within PSR{23:0}, checked by ssm/rsm: 0, 6-12, 16. */
export const PSR_SM_RESERVED_MASK = PSR_RESERVED_MASK & 0xffffffn;
/** Reserved bits within PSR{31:0}, checked by mov psr.l: 0, 6-12, 16, 28-31. */
export const PSR_L_RESERVED_MASK = PSR_RESERVED_MASK & 0xffffffffn;
/** User mask PSR{5:1}. */
export const PSR_UM_MASK = 0x3en;
/** Bits visible to `mov r1 = psr`: PSR{36:35} and PSR{31:0}. */
export const PSR_READ_MASK = 0x18_ffff_ffffn;
