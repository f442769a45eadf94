// The cost model of `vti demo` (documented in programs/README.md): every instruction executed
// costs 1 cycle, and every interruption costs `flushCycles` more -- the pipeline flush of
// entering the handler and of its rfi back, charged once per interruption. The cost of
// virtualizing one privileged operation is what the VMM adds on top of the guest:
//   cycles/op = (VMM instructions + flushCycles * interruptions) / emulated operations.

export const DEFAULT_FLUSH_CYCLES = 30;
/** The flush-cost range the demo always shows next to the chosen value. */
export const FLUSH_RANGE: readonly [number, number] = [20, 40];

export interface Counts {
  readonly interruptions: number;
  readonly vmmInstructions: number;
  readonly guestInstructions: number;
  readonly emulatedOps: number;
}

export function cyclesPerOp(c: Counts, flushCycles: number): number {
  if (c.emulatedOps === 0) return 0;
  return (c.vmmInstructions + flushCycles * c.interruptions) / c.emulatedOps;
}

/** Whole-window cycles: guest and VMM instructions plus the flushes. */
export function totalCycles(c: Counts, flushCycles: number): number {
  return c.guestInstructions + c.vmmInstructions + flushCycles * c.interruptions;
}
