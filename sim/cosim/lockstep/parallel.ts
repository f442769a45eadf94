// A core co-simulation's programs over several threads (`jobs`: this one and jobs - 1 worker
// threads), each with its own emulator and engine (a Verilator model per thread, or the
// built-in simulator): the wall time of a regression on a machine with several cores. Program
// k is the same in every thread (workloads.ts derives the list from the options); each thread
// takes the next program from a shared counter, so none is idle while programs are left (and
// this thread starts at once, while the workers load the sources and their engines), and the
// results are put back in program order: the caller merges them into the report a serial run
// gives (runs in order, coverage counts added in program order).
import { availableParallelism, loadavg } from 'node:os';
import { threadId, Worker } from 'node:worker_threads';
import { toolVersionsKnown, verilatorRootsKnown } from '../../verilator/index.js';
import { cosimDirs } from '../dirs.js';
import type { Exclusion } from './compare.js';
import { Coverage, type CoverageCounts } from './coverage.js';
import {
  engineFor,
  runWorkload,
  workloads,
  type CoreRun,
  type EngineEntry,
  type WorkloadOptions,
} from './workloads.js';

/** What a worker is given (workerData). */
export interface WorkerJob {
  readonly options: WorkloadOptions;
  /** Root of what is written (sim/cosim/dirs.ts; the threads share the working directory). */
  readonly outDir: string | undefined;
  /** Int32Array over a SharedArrayBuffer: the next program to take. */
  readonly next: Int32Array;
  readonly total: number;
  /** What this thread knows of Verilator (version, root): each answer is a perl start the worker saves. */
  readonly tools: { readonly versions: [string, string | null][]; readonly roots: [string, string][] };
}

/** One program's result, as a worker sends it. */
export interface ProgramResult {
  readonly k: number;
  /** The thread that ran it (worker_threads threadId; 0 is the main thread). */
  readonly thread: number;
  readonly run: CoreRun;
  readonly exclusions: readonly Exclusion[];
  readonly counts: CoverageCounts;
}

/** Messages from a worker: a program's result, the end, or the error that stopped it. */
export type WorkerMessage =
  | ({ readonly type: 'run' } & ProgramResult)
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string; readonly stack: string };

/**
 * The default number of jobs: the idle cores — those this process may use less the 1-minute
 * load average, at least 1. On a busy machine a worker only adds its start-up and a second
 * JIT warm-up to the CPU already short (measured: 2 cores at load 6–17, `--jobs 2` 18–40 %
 * slower than `--jobs 1` on the 30 default random programs).
 */
export const defaultJobs = (cores = availableParallelism(), load = loadavg()[0]!): number =>
  Math.max(1, Math.min(cores, Math.round(cores - load)));

/** Runs program k of a job in this thread (engines opened on first use, kept in `engines` for the caller to close). */
export function programRunner(
  job: WorkerJob,
  engines: Map<string, EngineEntry>,
): (k: number) => Promise<ProgramResult> {
  const dirs = cosimDirs(job.outDir);
  const ws = workloads(job.options, dirs);
  return async (k) => {
    const w = ws[k]!;
    const e = await engineFor(engines, w, job.options, false);
    const cov = new Coverage(w.gen);
    const { run, exclusions } = await runWorkload(w, e, cov, job.options, dirs);
    return { k, thread: threadId, run, exclusions, counts: cov.counts() };
  };
}

/**
 * Takes programs from the shared counter until none is left and runs each with a coverage of
 * its own; `send` gets each result. What every thread of a parallel run does.
 */
export async function takePrograms(
  job: WorkerJob,
  runProgram: (k: number) => Promise<ProgramResult>,
  send: (r: ProgramResult) => void,
): Promise<void> {
  for (;;) {
    const k = Atomics.add(job.next, 0, 1);
    if (k >= job.total) return;
    send(await runProgram(k));
  }
}

/** The worker's entry (JavaScript: it registers the TypeScript loader, then imports `entry`). */
const START = new URL('./worker-start.mjs', import.meta.url);

/**
 * Runs programs 0..total-1 of `options` on this thread and jobs - 1 worker threads; `onResult`
 * gets each as it ends (any order), and the returned array holds them in program order. The
 * first error in any thread stops the workers and is thrown here. When no program is left to
 * take, this thread also runs those still running in a worker (a worker that started late
 * runs its first programs with a cold JIT, several times slower, and would make the whole
 * run wait for it); the first result of a program counts — both runs give the same, a
 * program's lockstep being deterministic. `here: false`: this thread runs none of them (the
 * tests use it to see the workers' results).
 */
export async function runInWorkers(
  options: WorkloadOptions,
  outDir: string | undefined,
  total: number,
  jobs: number,
  onResult?: (r: ProgramResult, done: number) => void,
  here = true,
): Promise<ProgramResult[]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const job: WorkerJob = {
    options,
    outDir,
    next,
    total,
    tools: { versions: toolVersionsKnown(), roots: verilatorRootsKnown() },
  };
  const results = new Array<ProgramResult | undefined>(total);
  const entry = new URL('./worker.ts', import.meta.url).href;
  const workers: Worker[] = [];
  const engines = new Map<string, EngineEntry>();
  let done = 0;
  let allDone = () => {};
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const keep = (r: ProgramResult) => {
    if (results[r.k]) return; // run twice (a backup run): the first result counts
    results[r.k] = r;
    done++;
    onResult?.(r, done);
    if (done === total) allDone();
  };
  if (total === 0) allDone();
  try {
    const failed = new Promise<never>((_, reject) => {
      let running = Math.max(0, Math.min(jobs, total) - (here ? 1 : 0));
      for (let w = 0; w < running; w++) {
        const worker = new Worker(START, { workerData: { ...job, entry } });
        workers.push(worker);
        let ended = false;
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'run') keep(m);
          else if (m.type === 'done') {
            ended = true;
            if (--running === 0 && done < total && !here)
              reject(new Error(`lockstep workers: ended with ${total - done} program(s) not run`));
          } else {
            const e = new Error(m.message);
            e.stack = m.stack;
            reject(e);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!ended && done < total)
            reject(new Error(`lockstep worker ${w} stopped (exit code ${code}) before its programs were run`));
        });
      }
    });
    const local = async () => {
      if (!here) return;
      const runProgram = programRunner(job, engines);
      await takePrograms(job, runProgram, keep);
      for (let k = 0; k < total; k++) if (!results[k]) keep(await runProgram(k));
    };
    // Every result in (a backup run here may still be going: its result is not needed, and it
    // stops at the engine's close below), or a worker's failure, ends the wait at once.
    await Promise.race([Promise.all([local(), finished]), finished, failed]);
  } finally {
    Atomics.store(next, 0, total); // after a failure, this thread takes no further program
    await Promise.all(workers.map((w) => w.terminate()));
    for (const e of engines.values()) await e.engine.close();
  }
  return results.map((r, k) => {
    if (!r) throw new Error(`lockstep workers: no result for program ${k}`);
    return r;
  });
}
