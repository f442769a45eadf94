// Runs an ELF on the golden model one instruction at a time and reads the same StepState as
// ski-run.ts reads from Ski, with --vt off (Ski models a processor without VT-i).
import { readFileSync } from 'node:fs';
import { CR } from '../../arch/cr.js';
import { Emulator, UnsupportedInstruction } from '../../model/emulator.js';
import { readFr } from '../../model/exec/compile-fp.js';
import { AR, readAr } from '../../model/exec/compile-sys.js';
import { regToSpill } from '../../model/fp/mem-format.js';
import { toBig } from '../../model/exec/int64.js';
import type { Machine } from '../../model/exec/machine.js';
import type { ProgramConfig } from './program-config.js';
import type { RunResult } from './ski-run.js';
import {
  ARS,
  CRS,
  type CRS_AT_INTERRUPTION,
  frImage,
  frNumbers,
  GR_NUMBERS,
  hex,
  normalise,
  type StepState,
} from './step-state.js';

const CR_NUMBER: Record<(typeof CRS)[number] | (typeof CRS_AT_INTERRUPTION)[number], number> = {
  ipsr: CR.IPSR,
  isr: CR.ISR,
  iip: CR.IIP,
  iim: CR.IIM,
  iha: CR.IHA,
  ifs: CR.IFS,
  iva: CR.IVA,
  dcr: CR.DCR,
  tpr: CR.TPR,
  iipa: CR.IIPA,
  ifa: CR.IFA,
  itir: CR.ITIR,
};

export function readState(m: Machine, interrupted: boolean, frTop?: number): StepState {
  let nat = 0n;
  for (const r of GR_NUMBERS) nat |= BigInt(m.nat[r]!) << BigInt(r);
  let pr = 0n;
  for (let p = 0; p < 64; p++) pr |= BigInt(m.pr[p]!) << BigInt(p);
  const regs: Record<string, string> = { psr: hex(m.psr), cfm: hex(m.cfm()) };
  for (const r of GR_NUMBERS) regs[`r${r}`] = hex(m.gr(r));
  regs.nat = hex(nat);
  regs.pr = hex(pr);
  for (let b = 0; b < 8; b++) regs[`b${b}`] = hex(toBig(m.brLo[b]!, m.brHi[b]!));
  for (const c of CRS) regs[c] = hex(m.cr[CR_NUMBER[c]]!);
  // The model keeps the live IIPA outside the CR array (copied there when read).
  regs.iipa = hex(toBig(m.iipaLo, m.iipaHi));
  regs.ifa = hex(m.cr[CR.IFA]!);
  regs.itir = hex(m.cr[CR.ITIR]!);
  for (const [name, n] of Object.entries(ARS)) regs[name] = hex(readAr(m, n));
  for (const f of frNumbers(frTop)) {
    const { lo, hi } = regToSpill(readFr(m, f));
    regs[`f${f}`] = frImage(hi >> 17n, hi & 0x1ffffn, lo);
  }
  if (frTop !== undefined) regs.fpsr = hex(readAr(m, AR.FPSR));
  return normalise({ ip: hex(m.ip()), slot: m.slot, interrupted, halted: m.halted, regs });
}

/** Runs the ELF at `elf` on the model (without VT-i, with the program's address lengths) for at most maxSteps steps. */
export function runModel(elf: string, maxSteps: number, cfg: ProgramConfig = {}): RunResult {
  const emu = new Emulator({ vt: false, ...cfg, alat: cfg.alat ?? false });
  emu.loadElf(readFileSync(elf));
  const m = emu.machine;
  const steps: StepState[] = [];
  while (!m.halted && steps.length < maxSteps) {
    const events = m.eventCount;
    try {
      emu.step();
    } catch (e) {
      if (e instanceof UnsupportedInstruction) return { steps, end: `error: ${e.message}` };
      throw e;
    }
    steps.push(readState(m, m.eventCount > events, cfg.fr));
  }
  return { steps, end: m.halted ? 'halted' : 'limit' };
}
