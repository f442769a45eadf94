// The golden-model emulator as the demonstration programs use it. It is loaded at run time
// (model/emulator.ts is written by another part of the project), so this file declares the
// slice of its API the programs need, per the contract of docs/spec/emulator.md.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EmuEvent {
  readonly step: number; readonly ip: string; readonly slot: number; readonly vector: string | number;
  readonly isr: string; readonly ipsr: string; readonly iip: string; readonly iipa: string; readonly ifa: string;
}
export interface EmuState {
  readonly halted: boolean; readonly steps: number; readonly ip: string; readonly slot: number; readonly psr: string;
  readonly cr: Readonly<Record<string, string>>; readonly gr: readonly string[]; readonly nat: readonly boolean[];
  readonly pr: string; readonly br: readonly string[]; readonly events: readonly EmuEvent[];
}
export interface StepRecord { readonly step: number; readonly ip: string; readonly slot: number; readonly insn: string; readonly psr: string; readonly event?: unknown }
export interface EmuOptions { readonly vt: boolean; readonly valen?: number; readonly palen?: number; readonly guestShrink?: number }
export interface EmulatorLike {
  loadElf(bytes: Uint8Array): void;
  run(maxSteps: number): { halted: boolean; steps: number };
  state(): EmuState;
  onStep?: ((rec: StepRecord) => void) | undefined;
}
type EmulatorCtor = new (opts: EmuOptions) => EmulatorLike;

const EMULATOR_TS = join(dirname(fileURLToPath(import.meta.url)), '..', 'emulator.ts');

export function emulatorAvailable(): boolean {
  return existsSync(EMULATOR_TS);
}

export async function loadEmulator(): Promise<EmulatorCtor> {
  if (!emulatorAvailable()) throw new Error('the golden-model emulator (model/emulator.ts) is not there yet');
  const mod = (await import(pathToFileURL(EMULATOR_TS).href)) as { Emulator: EmulatorCtor };
  return mod.Emulator;
}

/** A 64-bit value of the state JSON (hex string, or a number) as bigint. */
export function big(v: string | number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}
