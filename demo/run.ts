// Build a demonstration program, patch its guest data, run it on the golden model.
import { readFileSync } from 'node:fs';
import { buildProgram } from '../programs/build.js';
import { elfSymbols, patchWord, symbol } from '../model/elf.js';
import { Emulator, type EmuOptions, type RecordedState, type TraceRecord } from '../model/emulator.js';

export interface RunOptions extends EmuOptions {
  /** VT-i implemented: each program is written for one configuration, so the caller says which. */
  readonly vt: boolean;
  /** Overrides the program's guest_iterations word. */
  readonly iterations?: number;
  /** Overrides guest_extras (0: exit right after the workload). */
  readonly extras?: number;
  readonly maxSteps?: number;
  readonly onStep?: (rec: TraceRecord) => void;
}

export interface RunResult {
  /** The final state with every interruption (the programs' runs are bounded). */
  readonly state: RecordedState;
  readonly syms: Map<string, bigint>;
  /** Address of a program symbol. */
  sym(name: string): bigint;
}

export const DEFAULT_MAX_STEPS = 2_000_000;

/** A 64-bit value of the final state (hex string, or a number) as bigint. */
export function big(v: string | number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** The symbol table of a (built) program. */
export function programSymbols(name: string): Map<string, bigint> {
  return elfSymbols(readFileSync(buildProgram(name)));
}

export async function runProgram(name: string, opts: RunOptions): Promise<RunResult> {
  const { iterations, extras, maxSteps, onStep, ...config } = opts;
  let bytes: Uint8Array = readFileSync(buildProgram(name));
  const syms = elfSymbols(bytes);
  if (iterations !== undefined) bytes = patchWord(bytes, symbol(syms, 'guest_iterations'), BigInt(iterations));
  if (extras !== undefined) bytes = patchWord(bytes, symbol(syms, 'guest_extras'), BigInt(extras));
  const emu = new Emulator({ ...config, keepEvents: true });
  if (onStep) emu.onStep = onStep;
  emu.loadElf(bytes);
  emu.run(maxSteps ?? DEFAULT_MAX_STEPS);
  return { state: emu.recordedState(), syms, sym: (n: string) => symbol(syms, n) };
}
