// The rounding environment of an arithmetic instruction (SDM vol 1 Table 5-6): the instruction's
// precision completer (.s, .d, or none: FPSR.sf.pc) and FPSR.sf.wre choose the significand
// width and exponent range; rc, ftz and the traps come from the status field.
import type { SfControls } from './fpsr.js';
import { EXP_RANGE, type RoundEnv } from './round.js';

/** 'dyn': no completer (pc); 's'/'d': the completer; 'simd': parallel (fp*) forms. */
export type PrecisionCompleter = 'dyn' | 's' | 'd' | 'simd';

/** Significand bits of FPSR.sf.pc (1 is reserved: mov to ar.fpsr rejects it; 64 if it appears). */
const PC_BITS = [24, 64, 53, 64] as const;

export function roundEnv(kind: PrecisionCompleter, c: SfControls): RoundEnv {
  const base = { rc: c.rc, ftz: c.ftz, traps: c.traps };
  if (kind === 'simd') return { ...base, p: 24, ...EXP_RANGE.single };
  const range = c.wre
    ? EXP_RANGE.widest
    : kind === 's'
      ? EXP_RANGE.single
      : kind === 'd'
        ? EXP_RANGE.double
        : EXP_RANGE.extended;
  const p = kind === 's' ? 24 : kind === 'd' ? 53 : PC_BITS[c.pc]!;
  return { ...base, p, ...range };
}
