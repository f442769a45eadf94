// Shared pieces of the core lockstep tests: demo-program factories and a one-line mismatch text.
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type VtiConfig } from '../../gen/vti.js';
import { buildProgram } from '../../programs/build.js';
import { factoryFor, type EmulatorFactory, type LockstepResult } from '../../sim/cosim/lockstep/lockstep.js';

/** The demo programs (programs/README.md) and the VT-i configuration each runs with. */
export const DEMOS = [
  { name: 'vtvmm', letter: 'a', vt: true },
  { name: 'reflect', letter: 'b', vt: true },
  { name: 'paravirt', letter: 'c', vt: true },
  { name: 'classic', letter: 'd', vt: false },
  { name: 'palvm', letter: 'e', vt: true },
] as const;

export function demoGen(vt: boolean): VtiConfig {
  return { ...DEFAULT_CONFIG, vmImplemented: vt };
}

export function demoFactory(name: string, vt: boolean): EmulatorFactory {
  return factoryFor(readFileSync(buildProgram(name)), demoGen(vt));
}

/** The first mismatch as one line (test failure messages). */
export function mismatchText(r: LockstepResult): string {
  const d = r.mismatch;
  if (!d) return 'no mismatch';
  return (
    `event ${d.event} (step ${d.step}) 0x${d.ip.toString(16)} slot ${d.slot} '${d.insn}': ` +
    d.fields.map((f) => `${f.port} expected 0x${f.expected.toString(16)} got 0x${f.actual.toString(16)}`).join(', ')
  );
}
