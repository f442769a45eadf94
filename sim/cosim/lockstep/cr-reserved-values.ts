// Reserved *values* of a mov to cr beyond its reserved bits, restated from the SDM (vol 2, the
// CR pages; vol 1 §4.1 for the frame marker) for the spec-restated checks (pending.ts): writing
// one is a Reserved Register/Field fault. Written apart from the emulator's
// (model/exec/reserved-values.ts, interrupt-crs.ts) and the core's (hdl/vti/cr-reserved-values.ts)
// on purpose: three statements that must agree. Numbers only (32-bit halves).
import { CR } from '../../../arch/cr.js';

/** r32-r127 are stacked (the largest frame); f32-f127 and p16-p63 rotate. */
const STACKED_GRS = 96,
  ROTATING_FRS = 96,
  ROTATING_PRS = 48;
/** The smallest VHPT is 2^15 bytes: PTA.size (bits 7:2) below 15 is reserved. */
const PTA_MIN_SIZE = 15;

/**
 * A valid frame marker (sof 6:0, sol 13:7, sor 17:14 in eights, rrb.gr 24:18, rrb.fr 31:25 in
 * the low half, rrb.pr 37:32 = bits 5:0 of the high half) is one an alloc could have made.
 */
function frameMarkerInvalid(lo: number, hi: number): boolean {
  const sof = lo & 0x7f,
    sol = (lo >>> 7) & 0x7f,
    sor = ((lo >>> 14) & 0xf) * 8,
    rrbGr = (lo >>> 18) & 0x7f,
    rrbFr = (lo >>> 25) & 0x7f,
    rrbPr = hi & 0x3f;
  if (sof > STACKED_GRS || sol > sof || sor > sof) return true;
  if (sor === 0 ? rrbGr !== 0 : rrbGr >= sor) return true;
  return rrbFr >= ROTATING_FRS || rrbPr >= ROTATING_PRS;
}

/**
 * Whether writing (lo, hi) to CR `cr` writes a reserved value: IPSR.ri or ISR.ei = 3 (a bundle
 * has three slots), PTA.size < 15, a valid IFS (v, bit 63) holding an invalid frame marker,
 * TPR bits 15:8 (between mic 7:4 and mmi 16) nonzero.
 */
export function crValueReserved(cr: number, lo: number, hi: number): boolean {
  switch (cr) {
    case CR.IPSR:
    case CR.ISR:
      return ((hi >>> 9) & 3) === 3; // bits 42:41
    case CR.PTA:
      return ((lo >>> 2) & 0x3f) < PTA_MIN_SIZE;
    case CR.IFS:
      return hi >>> 31 === 1 && frameMarkerInvalid(lo, hi);
    case CR.TPR:
      return (lo & 0xff00) !== 0;
    default:
      return false;
  }
}
