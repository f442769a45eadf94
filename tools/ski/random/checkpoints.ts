// Checkpoint comparison for long random runs: asking Ski for the whole state after every
// step costs most of its time (about 100 steps/s on the 2-core machine under load), so the
// random test lets Ski run `every` steps at a time (bski `step N`) and compares the whole
// state at each checkpoint and at the halt. A program whose checkpoints differ is re-run step
// by step up to that checkpoint to find the first divergence (random.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, UnsupportedInstruction } from '../../../model/emulator.js';
import { readState } from '../model-run.js';
import { type ProgramConfig, skiFlags } from '../program-config.js';
import { evalExpressions, parseSkiOutput, type RunEnd } from '../ski-run.js';
import { normalise, type StepState } from '../step-state.js';

/** The state at each checkpoint (after every `every` steps) and at the end of the run. */
export interface CheckpointRun {
  readonly every: number;
  readonly states: StepState[];
  readonly end: RunEnd;
  /** Steps run (the model's count; Ski's runs are not counted). */
  readonly steps?: number;
}

/** A checkpoint says nothing about interruptions inside its window: the flag is dropped. */
const atCheckpoint = (s: StepState): StepState => normalise({ ...s, interrupted: false });

const EVAL_CHUNK = 40;

/**
 * The bski commands: `step every` and the whole state, unrolled (no loop: when Ski stops on
 * its own, as on a machine check, $insts$ no longer grows and a loop would never end).
 */
function commandFile(every: number, maxSteps: number): string {
  const exprs = evalExpressions();
  const evals: string[] = [];
  for (let i = 0; i < exprs.length; i += EVAL_CHUNK) evals.push(`eval ${exprs.slice(i, i + EVAL_CHUNK).join(' ')}`);
  const lines: string[] = [];
  // The step count is decimal (other numbers in a command file are hexadecimal).
  for (let n = 0; n < Math.ceil(maxSteps / every); n++) lines.push(`step ${every}`, ...evals, 'if $exited$ goto done');
  return [...lines, 'done:', 'quit', ''].join('\n');
}

/** Ski stopped without halting (a machine check): the same state twice in a row. */
const stuck = (a: StepState | undefined, b: StepState | undefined) =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

export function skiCheckpoints(
  ski: string,
  elf: string,
  every: number,
  maxSteps: number,
  cfg: ProgramConfig,
): CheckpointRun {
  const dir = mkdtempSync(join(tmpdir(), 'vti-ski-random-'));
  try {
    const cmd = join(dir, 'checkpoints.cmd');
    writeFileSync(cmd, commandFile(every, maxSteps));
    const r = spawnSync(ski, ['-noconsole', ...skiFlags(cfg), '-i', cmd, elf], {
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 1 << 28,
    });
    if (r.error) throw new Error(`cannot run Ski (${ski}): ${r.error.message}`);
    const states = parseSkiOutput(r.stderr).map(atCheckpoint);
    const stop = states.findIndex((st, i) => stuck(states[i - 1], st));
    if (stop > 0) {
      states.length = stop;
      return { every, states, end: 'error: Ski stopped (machine check)' };
    }
    const end: RunEnd = states.at(-1)?.halted
      ? 'halted'
      : states.length * every >= maxSteps
        ? 'limit'
        : `error: bski exited with ${r.status}`;
    return { every, states, end };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function modelCheckpoints(elf: string, every: number, maxSteps: number, cfg: ProgramConfig): CheckpointRun {
  const emu = new Emulator({ vt: false, ...cfg });
  emu.loadElf(readFileSync(elf));
  const m = emu.machine;
  const states: StepState[] = [];
  let steps = 0;
  while (!m.halted && steps < maxSteps) {
    try {
      emu.step();
    } catch (e) {
      if (e instanceof UnsupportedInstruction) return { every, states, end: `error: ${e.message}`, steps };
      throw e;
    }
    steps++;
    if (m.halted || steps % every === 0) states.push(atCheckpoint(readState(m, false)));
  }
  return { every, states, end: m.halted ? 'halted' : 'limit', steps };
}

/** The first checkpoint (0-based) where the runs differ, or null; `what` names the register. */
export function firstCheckpointDifference(a: CheckpointRun, b: CheckpointRun): { index: number; what: string } | null {
  const n = Math.min(a.states.length, b.states.length);
  for (let i = 0; i < n; i++) {
    const x = a.states[i]!,
      y = b.states[i]!;
    if (x.ip !== y.ip || x.slot !== y.slot) return { index: i, what: 'ip' };
    if (x.halted !== y.halted) return { index: i, what: 'halted' };
    for (const k of new Set([...Object.keys(x.regs), ...Object.keys(y.regs)]))
      if (x.regs[k] !== y.regs[k]) return { index: i, what: k };
  }
  if (a.states.length !== b.states.length || a.end !== b.end) return { index: n, what: 'end' };
  return null;
}

/** Steps from+1..to one at a time on Ski, after running the first `from` steps unobserved. */
export function skiWindow(ski: string, elf: string, from: number, to: number, cfg: ProgramConfig): StepState[] {
  const dir = mkdtempSync(join(tmpdir(), 'vti-ski-random-'));
  try {
    const cmd = join(dir, 'window.cmd');
    const exprs = evalExpressions();
    const evals: string[] = [];
    for (let i = 0; i < exprs.length; i += EVAL_CHUNK) evals.push(`eval ${exprs.slice(i, i + EVAL_CHUNK).join(' ')}`);
    // After the unobserved steps, one record as the baseline of the $faults$ counter (dropped).
    const lines = from > 0 ? [`step ${from}`, ...evals] : [];
    for (let n = from; n < to; n++) lines.push('step', ...evals, 'if $exited$ goto done');
    writeFileSync(cmd, [...lines, 'done:', 'quit', ''].join('\n'));
    const r = spawnSync(ski, ['-noconsole', ...skiFlags(cfg), '-i', cmd, elf], {
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 1 << 28,
    });
    if (r.error) throw new Error(`cannot run Ski (${ski}): ${r.error.message}`);
    const states = parseSkiOutput(r.stderr);
    return from > 0 ? states.slice(1) : states;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The model's states after steps from+1..to (fewer when it halts or stops first). */
export function modelWindow(elf: string, from: number, to: number, cfg: ProgramConfig): StepState[] {
  const emu = new Emulator({ vt: false, ...cfg });
  emu.loadElf(readFileSync(elf));
  const m = emu.machine;
  const states: StepState[] = [];
  for (let n = 0; n < to && !m.halted; n++) {
    const events = m.eventCount;
    try {
      emu.step();
    } catch (e) {
      if (e instanceof UnsupportedInstruction) break;
      throw e;
    }
    if (n >= from) states.push(readState(m, m.eventCount > events));
  }
  return states;
}
