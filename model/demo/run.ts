// Build a demonstration program, patch its guest data, run it on the golden model.
import { readFileSync } from 'node:fs';
import { buildProgram } from '../../programs/build.js';
import { elfSymbols, patchWord, symbol } from './elf.js';
import { loadEmulator, type EmuOptions, type EmuState, type StepRecord } from './emu.js';

export interface RunOptions extends EmuOptions {
  /** Overrides the program's guest_iterations word. */
  readonly iterations?: number;
  /** Overrides guest_extras (0: exit right after the workload). */
  readonly extras?: number;
  readonly maxSteps?: number;
  readonly onStep?: (rec: StepRecord) => void;
}

export interface RunResult {
  readonly state: EmuState;
  readonly syms: Map<string, bigint>;
  /** Address of a program symbol. */
  sym(name: string): bigint;
}

export const DEFAULT_MAX_STEPS = 2_000_000;

/** The symbol table of a (built) program. */
export function programSymbols(name: string): Map<string, bigint> {
  return elfSymbols(readFileSync(buildProgram(name)));
}

export async function runProgram(name: string, opts: RunOptions): Promise<RunResult> {
  let bytes: Uint8Array = readFileSync(buildProgram(name));
  const syms = elfSymbols(bytes);
  if (opts.iterations !== undefined) bytes = patchWord(bytes, symbol(syms, 'guest_iterations'), BigInt(opts.iterations));
  if (opts.extras !== undefined) bytes = patchWord(bytes, symbol(syms, 'guest_extras'), BigInt(opts.extras));
  const Emulator = await loadEmulator();
  const emu = new Emulator({ vt: opts.vt, valen: opts.valen ?? 61, palen: opts.palen ?? 63, guestShrink: opts.guestShrink ?? 1 });
  if (opts.onStep) emu.onStep = opts.onStep;
  emu.loadElf(bytes);
  emu.run(opts.maxSteps ?? DEFAULT_MAX_STEPS);
  return { state: emu.state(), syms, sym: (n: string) => symbol(syms, n) };
}
