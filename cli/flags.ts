// Flag specs shared by several `vti` commands, so their names and allowed values stay in step.
import type { FlagSpec } from './args.js';
import type { EngineName } from '../sim/engine.js';

/** Listed in order of preference (the default is the first one installed). */
const ENGINE_CHOICES: readonly EngineName[] = ['verilator', 'builtin'];

/** --engine verilator|builtin; the default (verilator when installed) is chosen at run time. */
export function engineFlag(help = 'RTL simulation engine (default: verilator if installed)'): FlagSpec {
  return { type: 'choice', choices: ENGINE_CHOICES, help };
}

/** --seed S of the random stimulus (default 1). */
export function seedFlag(help = 'seed of the random vectors'): FlagSpec {
  return { type: 'int', metavar: 'S', help, default: 1 };
}
