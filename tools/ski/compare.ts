// The first divergence between two runs of one program: the step, where it was, which
// register (or ip/slot/interruption/end), and both values.
import type { RunResult } from './ski-run.js';
import { FP_REGISTER_NAMES, REGISTER_NAMES, type StepState } from './step-state.js';

export interface Divergence {
  /** 1-based: the state after this many steps. */
  readonly step: number;
  /** Where the diverging step started (bundle address and slot), as Ski ran it. */
  readonly at: string;
  readonly what: string;
  readonly ski: string;
  readonly model: string;
}

const where = (s: StepState | undefined) => (s ? `${s.ip}.${s.slot}` : 'entry');

function stateDivergence(a: StepState, b: StepState): { what: string; ski: string; model: string } | null {
  if (a.ip !== b.ip || a.slot !== b.slot) return { what: 'ip', ski: `${a.ip}.${a.slot}`, model: `${b.ip}.${b.slot}` };
  if (a.interrupted !== b.interrupted)
    return { what: 'interruption', ski: String(a.interrupted), model: String(b.interrupted) };
  for (const r of [...REGISTER_NAMES, ...FP_REGISTER_NAMES]) {
    const x = a.regs[r],
      y = b.regs[r];
    if (x !== y) return { what: r, ski: x ?? '(not compared)', model: y ?? '(not compared)' };
  }
  if (a.halted !== b.halted) return { what: 'halted', ski: String(a.halted), model: String(b.halted) };
  return null;
}

/** The first divergence of `model` from `ski`, or null when they agree step for step. */
export function firstDivergence(ski: RunResult, model: RunResult): Divergence | null {
  const n = Math.min(ski.steps.length, model.steps.length);
  for (let i = 0; i < n; i++) {
    const d = stateDivergence(ski.steps[i]!, model.steps[i]!);
    if (d) return { step: i + 1, at: where(ski.steps[i - 1]), ...d };
  }
  if (ski.steps.length !== model.steps.length || ski.end !== model.end)
    return {
      step: n + 1,
      at: where(ski.steps[n - 1]),
      what: 'end',
      ski: `${ski.end} after ${ski.steps.length} steps`,
      model: `${model.end} after ${model.steps.length} steps`,
    };
  return null;
}

export function formatDivergence(program: string, d: Divergence): string {
  return `${program}: first divergence at step ${d.step} (instruction at ${d.at}): ${d.what} ski=${d.ski} model=${d.model}`;
}
