// Reserved *values* of CR and AR writes, beyond the reserved bits (compile-sys.ts CR_RESERVED,
// AR_RESERVED): a move to the register that writes one is a Reserved Register/Field fault. Found by the random
// differential test against Ski (tools/ski/random.ts); SDM vol 2, the CR descriptions; vol 1, PFS.
import { CR } from '../../arch/cr.js';
import { ROT_FR_SIZE, ROT_PR_SIZE } from './rotate.js';

const field = (v: bigint, lo: number, width: number) => Number((v >> BigInt(lo)) & ((1n << BigInt(width)) - 1n));

/** Stacked registers (r32-r127, SDM vol 1): the largest frame. */
const STACKED = 96;

/**
 * A frame marker (CFM layout: sof 6:0, sol 13:7, sor 17:14, rrb.gr 24:18, rrb.fr 31:25,
 * rrb.pr 37:32) that no alloc could have made: frame larger than the stacked registers,
 * locals or rotating part larger than the frame, a rotating-base outside its rotating region.
 */
export function invalidFrameMarker(ifm: bigint): boolean {
  const sof = field(ifm, 0, 7),
    sol = field(ifm, 7, 7),
    sor = field(ifm, 14, 4) * 8,
    rrbGr = field(ifm, 18, 7),
    rrbFr = field(ifm, 25, 7),
    rrbPr = field(ifm, 32, 6);
  return (
    sof > STACKED ||
    sol > sof ||
    sor > sof ||
    (sor !== 0 && rrbGr >= sor) ||
    (sor === 0 && rrbGr !== 0) ||
    rrbFr >= ROT_FR_SIZE ||
    rrbPr >= ROT_PR_SIZE
  );
}

/**
 * Whether `v` is a reserved value of CR `n`: ISR.ei or IPSR.ri = 3 (there are three slots),
 * PTA.size below 15 (the smallest VHPT is 32 KiB), an IFS with v = 1 whose ifm is not a
 * valid frame marker.
 */
export function reservedCrValue(n: number, v: bigint): boolean {
  if (n === CR.ISR || n === CR.IPSR) return field(v, 41, 2) === 3;
  if (n === CR.PTA) return field(v, 2, 6) < 15;
  if (n === CR.IFS) return v >> 63n !== 0n && invalidFrameMarker(v & ((1n << 38n) - 1n));
  return false;
}

const PFS = 64;

/** Whether `v` is a reserved value of AR `n`: a PFS whose pfm is not a valid frame marker. */
export function reservedArValue(n: number, v: bigint): boolean {
  return n === PFS && invalidFrameMarker(v & ((1n << 38n) - 1n));
}
