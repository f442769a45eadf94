// FPSR (SDM vol 1 §5.2.2): traps-disabled bits 5:0 (vd dd zd od ud id), then four 13-bit
// status fields sf0..sf3 at bits 6, 19, 32, 45, each: ftz(0) wre(1) pc(3:2) rc(5:4) td(6)
// and the flags v(7) d(8) z(9) o(10) u(11) i(12). Bits 63:58 are reserved.

/** Exception flags in the order of both the traps field and a status field's flags. */
export const FLAG_V = 1,
  FLAG_D = 2,
  FLAG_Z = 4,
  FLAG_O = 8,
  FLAG_U = 16,
  FLAG_I = 32;

export const RC_NEAREST = 0,
  RC_DOWN = 1,
  RC_UP = 2,
  RC_ZERO = 3;
export type RoundingMode = 0 | 1 | 2 | 3;

export const SF_SHIFT = [6n, 19n, 32n, 45n] as const;
export const FPSR_RESERVED = 0x3fn << 58n;
/** FPSR after reset (SDM: traps disabled, sf0 64-bit/RN, sf1..3 as sf0 with td = 1). */
export const FPSR_RESET = 0x0009804c0270033fn;

/** Whether a status field's 7 control bits hold a reserved value: pc = 01 (SDM Table 5-6). */
export const reservedControls = (controls: number): boolean => ((controls >> 2) & 3) === 1;

/** sf0 has no traps-disabled bit: its td (FPSR bit 12) is reserved. */
export const SF0_TD = 0x40;

/**
 * Whether an FPSR value may not be written (mov to ar.fpsr: Reserved Register/Field fault):
 * a reserved bit (63:58) or sf0.td set, or pc = 01 in any status field (SDM §5.2.2; Ski).
 */
export function fpsrReserved(v: bigint): boolean {
  if (v & FPSR_RESERVED || (v >> SF_SHIFT[0]) & BigInt(SF0_TD)) return true;
  return SF_SHIFT.some((sh) => reservedControls(Number((v >> sh) & 0x7fn)));
}

/** One status field's controls, decoded. */
export interface SfControls {
  readonly ftz: boolean;
  readonly wre: boolean;
  /** 0: 24 bits, 2: 53 bits, 3: 64 bits (1 is reserved). */
  readonly pc: number;
  readonly rc: RoundingMode;
  /** Traps disabled bits (1 = disabled) in FLAG_* order; all ones when sf1..3 has td = 1. */
  readonly traps: number;
}

export function sfControls(fpsr: bigint, sf: number): SfControls {
  const f = Number((fpsr >> SF_SHIFT[sf]!) & 0x7fn);
  const td = sf !== 0 && (f & 0x40) !== 0;
  return {
    ftz: (f & 1) !== 0,
    wre: (f & 2) !== 0,
    pc: (f >> 2) & 3,
    rc: ((f >> 4) & 3) as RoundingMode,
    traps: td ? 0x3f : Number(fpsr & 0x3fn),
  };
}

/** FPSR with `flags` (FLAG_* bits) or-ed into status field sf. */
export function orFlags(fpsr: bigint, sf: number, flags: number): bigint {
  return fpsr | (BigInt(flags & 0x3f) << (SF_SHIFT[sf]! + 7n));
}

/** The 7 control bits of status field sf (fsetc works on them). */
export function sfControlBits(fpsr: bigint, sf: number): number {
  return Number((fpsr >> SF_SHIFT[sf]!) & 0x7fn);
}

export function withControlBits(fpsr: bigint, sf: number, bits: number): bigint {
  const sh = SF_SHIFT[sf]!;
  return (fpsr & ~(0x7fn << sh)) | (BigInt(bits & 0x7f) << sh);
}

export function clearFlags(fpsr: bigint, sf: number): bigint {
  return fpsr & ~(0x3fn << (SF_SHIFT[sf]! + 7n));
}

export function flagsOf(fpsr: bigint, sf: number): number {
  return Number((fpsr >> (SF_SHIFT[sf]! + 7n)) & 0x3fn);
}
