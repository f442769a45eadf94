// Recorded Ski runs as JSON fixtures (test/fixtures/ski/<program>.json), so that the model is
// compared against Ski without Ski installed. Each step stores only the registers that changed
// since the step before (the at-interruption CRs are stored whenever they are compared).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEnd, RunResult } from './ski-run.js';
import { CRS_AT_INTERRUPTION, normalise, type StepState } from './step-state.js';

/** One step of a fixture: the next ip/slot, flags when set, and the registers that changed. */
export interface FixtureStep {
  ip: string;
  slot: number;
  interrupted?: true;
  halted?: true;
  set: Record<string, string>;
}

export interface SkiFixture {
  program: string;
  /** sha256 of the program's source, the shared includes and the linker script. */
  sourceHash: string;
  maxSteps: number;
  end: RunEnd;
  steps: FixtureStep[];
}

const withoutInterruptionCrs = (regs: Record<string, string>) => {
  const r = { ...regs };
  for (const c of CRS_AT_INTERRUPTION) delete r[c];
  return r;
};

export function encodeSteps(steps: readonly StepState[]): FixtureStep[] {
  let prev: Record<string, string> = {};
  return steps.map((s) => {
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.regs)) if (prev[k] !== v) set[k] = v;
    prev = withoutInterruptionCrs(s.regs);
    return {
      ip: s.ip,
      slot: s.slot,
      ...(s.interrupted ? { interrupted: true as const } : {}),
      ...(s.halted ? { halted: true as const } : {}),
      set,
    };
  });
}

export function decodeSteps(steps: readonly FixtureStep[]): StepState[] {
  let prev: Record<string, string> = {};
  return steps.map((f) => {
    const regs = { ...prev, ...f.set };
    // Normalising again drops what the step does not compare (registers that left the frame,
    // IHA outside the interruptions that write it). The next step starts from the registers
    // as recorded, so that one compared only now and then (IHA) keeps its last recorded value.
    const s = normalise({
      ip: f.ip,
      slot: f.slot,
      interrupted: f.interrupted === true,
      halted: f.halted === true,
      regs,
    });
    prev = withoutInterruptionCrs(regs);
    return s;
  });
}

export const fixtureRun = (f: SkiFixture): RunResult => ({ steps: decodeSteps(f.steps), end: f.end });

/** The program sources: <programsDir>/*.s. */
export function skiProgramNames(programsDir: string): string[] {
  return readdirSync(programsDir)
    .filter((f) => f.endsWith('.s'))
    .map((f) => f.slice(0, -2))
    .sort();
}

/** What a fixture was recorded from: the program, every lib/ include and the linker script. */
export function sourceHash(programsDir: string, program: string): string {
  const h = createHash('sha256');
  h.update(readFileSync(join(programsDir, `${program}.s`)));
  h.update(readFileSync(join(programsDir, 'programs.ld')));
  const lib = join(programsDir, 'lib');
  if (existsSync(lib))
    for (const f of readdirSync(lib).sort()) {
      h.update(f + '\0');
      h.update(readFileSync(join(lib, f)));
    }
  return h.digest('hex');
}

export const fixturePath = (fixturesDir: string, program: string) => join(fixturesDir, `${program}.json`);

export function readFixture(fixturesDir: string, program: string): SkiFixture {
  return JSON.parse(readFileSync(fixturePath(fixturesDir, program), 'utf8')) as SkiFixture;
}

/** The fixture as written to disk: one step per line, so a re-recording diffs by step. */
export function fixtureText(f: SkiFixture): string {
  const head = { program: f.program, sourceHash: f.sourceHash, maxSteps: f.maxSteps, end: f.end };
  const steps = f.steps.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n${steps}\n  ]\n}\n`;
}
