// Flag specs shared by several `vti` commands, so their names and allowed values stay in step.
import type { FlagSpec } from './args.js';
import type { EngineName } from '../sim/engine.js';

/** The most random vectors per block one run may ask for (about 100 s per block on Verilator). */
export const MAX_VECTORS = 1_000_000_000;

/** --vectors N: random co-simulation vectors per block. */
export function vectorsFlag(help: string, dflt: number): FlagSpec {
  return { type: 'int', metavar: 'N', help, default: dflt, min: 0, max: MAX_VECTORS };
}

/** Listed in order of preference (the default is the first one installed). */
const ENGINE_CHOICES: readonly EngineName[] = ['verilator', 'builtin'];

/** --engine verilator|builtin; the default (verilator when installed) is chosen at run time. */
export function engineFlag(help = 'RTL simulation engine (default: verilator if installed)'): FlagSpec {
  return { type: 'choice', choices: ENGINE_CHOICES, help };
}

/** --seed S of the random stimulus (default 1; 0 ..< 2^53, model/blocks/prng.ts). */
export function seedFlag(help = 'seed of the random vectors'): FlagSpec {
  return { type: 'int', metavar: 'S', help, default: 1, min: 0 };
}
