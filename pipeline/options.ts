// The workload of the pipeline's steps. `vti all` and `vti report` fill it from their flags and
// defaults (they differ: `vti all` runs more vectors and random lockstep programs, the report
// seeded bugs); the steps read only this.
import type { VtiConfig } from '../gen/vti.js';
import type { EngineName } from '../sim/engine.js';

export interface LockstepWorkload {
  /** Random programs after the demo programs, seeds seed.. (`vti all`: 4 of 300 items). */
  readonly random?: { readonly programs: number; readonly items: number };
  /** Seeded bugs of vti_core, each run on one random program of this many items (`vti report`: 300). */
  readonly seededBugs?: { readonly items: number };
}

export interface PipelineOptions {
  readonly gen: VtiConfig;
  readonly engine: EngineName;
  readonly seed: number;
  /** Random co-simulation vectors per block. */
  readonly vectors: number;
  /** Where the steps write their artifacts (lockstep divergences and random programs, formal
   * counterexample VCDs): `vti all --out`, or `out/` in the working directory for the report. */
  readonly outDir: string;
  /** Where the generate step writes the RTL and its manifest (`vti all`: OUT/rtl). */
  readonly rtlDir?: string;
  readonly lockstep: LockstepWorkload;
  readonly demo: { readonly iterations: number; readonly flushCycles: number };
}
