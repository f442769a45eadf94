// A 64-bit architectural register stored as its architected bits only (issue 18: reserved bits
// always read 0, so they are constants, not flip-flops): the runs of stored bits, most
// significant first, and the 64-bit value read back from the packed flops. Used by vti_psr
// (psr.ts) and vti_core's control registers (cr-register.ts).
import { cat, type ModuleBuilder, type Value } from '../dsl/index.js';

/** Bits lo … lo + width − 1 of the 64-bit value, stored next to each other. */
export interface BitRun {
  lo: number;
  width: number;
}

/** The runs of the bits of a 64-bit value not set in `reserved`, most significant first. */
export function storedRuns(reserved: bigint): BitRun[] {
  const runs: BitRun[] = [];
  for (let b = 63; b >= 0; b--) {
    if ((reserved >> BigInt(b)) & 1n) continue;
    const last = runs.at(-1);
    if (last && last.lo === b + 1) {
      last.lo = b;
      last.width++;
    } else runs.push({ lo: b, width: 1 });
  }
  return runs;
}

/** How many flip-flops `runs` store. */
export const storedWidth = (runs: readonly BitRun[]): number => runs.reduce((w, r) => w + r.width, 0);

/** The 64-bit value of `packed` (the runs' bits, most significant run first), zeros between the runs. */
export function expandRuns(m: ModuleBuilder, packed: Value, runs: readonly BitRun[]): Value {
  const parts: Value[] = [];
  let bit = 64; // next bit above the run being placed
  let at = storedWidth(runs); // same, in the packed value
  for (const r of runs) {
    if (bit > r.lo + r.width) parts.push(m.lit(0, bit - r.lo - r.width));
    parts.push(packed.bits(at - 1, at - r.width));
    at -= r.width;
    bit = r.lo;
  }
  if (bit > 0) parts.push(m.lit(0, bit));
  return cat(...parts);
}
