// One step runner for `vti all` and `vti report`: a step is a named piece of work with a typed
// result (status, seconds, detail, data). The runner times each step, turns a throw into a
// FAIL with the error kept, leaves out the steps asked to be skipped, and reports what happens
// as events; `vti all` renders the events and results as text, `vti report` as HTML sections.
import type { PipelineOptions } from './options.js';

export type StepStatus = 'pass' | 'FAIL' | 'skipped';

/** A bar for a long part of a step (the CLI draws one on a terminal; elsewhere nothing). */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

export interface StepContext {
  readonly options: PipelineOptions;
  /** One progress line under the step's title. */
  say(line: string): void;
  bar(label: string): ProgressBar;
}

/** What a step's body returns: status (default pass), a one-line detail, the data for the renderers. */
export interface StepOutcome<D> {
  readonly status?: StepStatus;
  readonly detail: string;
  readonly data?: D;
}

export interface Step<D = unknown> {
  /** Stable identifier (`vti report --skip`, anchors of the page, JSON). */
  readonly id: string;
  readonly title: string;
  run(ctx: StepContext): Promise<StepOutcome<D>>;
}

/** A step's result without its data: the summary line of `vti all` and a section of the report. */
export interface StepSummary {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  readonly detail: string;
  readonly seconds: number;
  /** The stack of the error that failed the step. */
  readonly error?: string;
}

export interface StepResult<D = unknown> extends StepSummary {
  readonly data?: D;
}

export type StepEvent =
  | { readonly kind: 'start'; readonly step: Step }
  | { readonly kind: 'line'; readonly step: Step; readonly text: string }
  | { readonly kind: 'end'; readonly step: Step; readonly result: StepResult };

export interface RunStepsOptions {
  /** Ids of the steps to leave out (their result: skipped). */
  readonly skip?: readonly string[];
  readonly onEvent?: (e: StepEvent) => void;
  readonly bar?: (label: string) => ProgressBar;
  /** Progress lines of long steps (off when absent). */
  readonly stillRunning?: StillRunningOptions;
}

/** How long each step took the last time it passed (pipeline/step-durations.ts keeps them in the cache). */
export interface StepDurations {
  last(id: string): number | undefined;
  record(id: string, ms: number): void;
}

/**
 * A step still running after `firstMs` says so (a 'line' event), then every `everyMs`, with an
 * estimate from its last run; a step whose last run took more than LONG_STEP_MS says so when it
 * starts. Timers run while the step awaits (builds, proofs, child processes).
 */
export interface StillRunningOptions {
  readonly firstMs: number;
  readonly everyMs: number;
  readonly durations?: StepDurations;
}

/** Beyond this a step says up front that it is long. */
export const LONG_STEP_MS = 10 * 60_000;

const secondsText = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** The still-running line after `elapsedMs`, with the estimate from a last run of `lastMs`. */
export function stillRunningLine(elapsedMs: number, lastMs: number | undefined): string {
  const now = `still running: ${secondsText(elapsedMs)}`;
  if (lastMs === undefined) return now;
  if (elapsedMs >= lastMs) return `${now} (the last run took ${secondsText(lastMs)})`;
  return `${now} (the last run took ${secondsText(lastMs)}: about ${secondsText(lastMs - elapsedMs)} left)`;
}

function heartbeat(o: StillRunningOptions, lastMs: number | undefined, say: (line: string) => void): () => void {
  const t0 = performance.now();
  const tick = () => say(stillRunningLine(performance.now() - t0, lastMs));
  let timer: NodeJS.Timeout = setTimeout(() => {
    tick();
    timer = setInterval(tick, o.everyMs);
    timer.unref();
  }, o.firstMs);
  timer.unref();
  return () => {
    clearTimeout(timer);
    clearInterval(timer);
  };
}

const NO_BAR: ProgressBar = { update() {}, done() {} };

export async function runSteps(
  steps: readonly Step[],
  options: PipelineOptions,
  o: RunStepsOptions = {},
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const t0 = performance.now();
    o.onEvent?.({ kind: 'start', step });
    const ctx: StepContext = {
      options,
      say: (text) => o.onEvent?.({ kind: 'line', step, text }),
      bar: o.bar ?? (() => NO_BAR),
    };
    let r: StepOutcome<unknown> & { error?: string };
    const skipped = o.skip?.includes(step.id) === true;
    const lastMs = skipped ? undefined : o.stillRunning?.durations?.last(step.id);
    if (lastMs !== undefined && lastMs > LONG_STEP_MS)
      ctx.say(`the last run of this step took ${secondsText(lastMs)} (more than 10 minutes); Ctrl-C stops it`);
    const stopHeartbeat = o.stillRunning && !skipped ? heartbeat(o.stillRunning, lastMs, ctx.say) : () => {};
    try {
      r = skipped ? { status: 'skipped', detail: 'left out (--skip)' } : await step.run(ctx);
    } catch (e) {
      r = {
        status: 'FAIL',
        detail: e instanceof Error ? e.message.split('\n')[0]! : String(e),
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      };
    } finally {
      stopHeartbeat();
    }
    const result: StepResult = {
      id: step.id,
      title: step.title,
      status: r.status ?? 'pass',
      detail: r.detail,
      seconds: (performance.now() - t0) / 1000,
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.data !== undefined ? { data: r.data } : {}),
    };
    if (result.status === 'pass') o.stillRunning?.durations?.record(step.id, result.seconds * 1000);
    results.push(result);
    o.onEvent?.({ kind: 'end', step, result });
  }
  return results;
}

/** The result `r` as the result of `step` (its data typed), or undefined when it is another step's. */
export function resultOf<D>(r: StepResult, step: Step<D>): StepResult<D> | undefined {
  return r.id === step.id ? (r as StepResult<D>) : undefined;
}

/** The data of `step` among `results` (undefined: not run, skipped or failed before it had any). */
export function dataOf<D>(results: readonly StepResult[], step: Step<D>): D | undefined {
  const r = results.find((x) => x.id === step.id);
  return r ? resultOf(r, step)?.data : undefined;
}

export function summaryOf({ data: _d, ...s }: StepResult): StepSummary {
  return s;
}
