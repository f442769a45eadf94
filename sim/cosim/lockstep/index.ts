// System-level co-simulation of vti_core against the golden model: what `vti cosim --core`
// and `vti all` run. Workloads: the demo programs a-e (default), one ELF (`program`), or N
// random programs (`random`, seeds seed..seed+N-1). One engine for all runs; coverage over
// all of them; a divergence report (text, stimulus, VCD) under <outDir>/cosim/ for each mismatch.
import type { VtiConfig } from '../../../gen/vti.js';
import type { EngineName } from '../../engine.js';
import { join } from 'node:path';
import { cosimDirs } from '../dirs.js';
import type { Exclusion } from './compare.js';
import { Coverage, type CoverageSummary } from './coverage.js';
import { runInWorkers } from './parallel.js';
import {
  configKey,
  engineFor,
  runWorkload,
  workloads,
  type CoreRun,
  type EngineEntry,
  type WorkloadOptions,
} from './workloads.js';
import { moduleSpec } from '../../../gen/verilog/index.js';
import { configLabel, proveRtlCoverage, reportRtlCoverage, type RtlCoverageGroup } from '../rtl-coverage.js';

export { runLockstep, factoryFor } from './lockstep.js';

export { DEMO_PROGRAMS, type CoreRun } from './workloads.js';

export interface CoreCosimOptions extends WorkloadOptions {
  /**
   * Root of everything written (sim/cosim/dirs.ts): reports and shrunk programs in <outDir>/cosim,
   * random programs in <outDir>/cosim/random, demo ELFs in <outDir>/programs. Default: out/ under
   * the current working directory.
   */
  readonly outDir?: string;
  readonly progress?: (done: number, total: number) => void;
  /**
   * RTL code coverage: Verilator models built with --coverage (engine must be 'verilator'),
   * one per design configuration, accumulating over all its programs (and shrink re-runs);
   * coverage.dat and reports under `<dir>/<configuration>/` (true: <outDir>/cosim/rtl-coverage).
   */
  readonly rtlCoverage?: boolean | { readonly dir: string };
  /**
   * Programs run at once, each worker thread with its own emulator and engine (parallel.ts);
   * default 1 (this thread). The result is the serial run's (runs in program order, the same
   * coverage counts), `throughput` is by the wall time of the parallel run. Not with
   * rtlCoverage (one model's counters).
   */
  readonly jobs?: number;
  /** With rtlCoverage: classify the uncovered toggle points as proven unreachable (Yosys, in the flattened vti_core) or holes. */
  readonly proveUnreachable?: boolean;
}

export interface CoreCosimResult {
  readonly engine: EngineName;
  readonly runs: readonly CoreRun[];
  readonly instructions: number;
  readonly mismatches: number;
  readonly seconds: number;
  /**
   * Instructions compared per second over the lockstep runs (program builds excluded); with
   * jobs > 1, by the wall time of the parallel run (worker start-up and program builds included).
   */
  readonly throughput: number;
  /** Threads the programs ran on (1: serial). */
  readonly jobs: number;
  readonly coverage: CoverageSummary;
  /** The coverage's bins by name with their counts (Coverage.binCounts): they add across runs. */
  readonly bins: Readonly<Record<string, number>>;
  readonly exclusions: readonly Exclusion[];
  /** With rtlCoverage: one group per design configuration. */
  readonly rtlCoverage?: readonly RtlCoverageGroup[];
}

export async function runCoreCosim(o: CoreCosimOptions): Promise<CoreCosimResult> {
  const t0 = performance.now();
  const dirs = cosimDirs(o.outDir);
  const ws = workloads(o, dirs);
  const engines = new Map<string, EngineEntry>();
  const covDir = o.rtlCoverage ? (o.rtlCoverage === true ? dirs.rtlCoverage : o.rtlCoverage.dir) : null;
  if (o.proveUnreachable && !covDir)
    throw new Error('proveUnreachable classifies uncovered RTL coverage points: it needs rtlCoverage');
  if (covDir && o.engine !== 'verilator')
    throw new Error(`RTL code coverage needs the verilator engine (Verilator --coverage), not '${o.engine}'`);
  const jobs = Math.min(o.jobs ?? 1, ws.length);
  if (!Number.isInteger(o.jobs ?? 1) || (o.jobs ?? 1) < 1)
    throw new Error(`jobs must be a positive integer, got ${o.jobs}`);
  if (covDir && jobs > 1)
    throw new Error('RTL code coverage counts in one Verilator model: run it with jobs 1, not in parallel');
  const rtlCoverage: RtlCoverageGroup[] = [];
  const coverage = new Map<string, Coverage>();
  const coverageOf = (gen: VtiConfig) => {
    let cov = coverage.get(configKey(gen));
    if (!cov) {
      cov = new Coverage(gen);
      coverage.set(configKey(gen), cov);
    }
    return cov;
  };
  const runs: CoreRun[] = [];
  let lockSeconds = 0,
    exclusions: readonly Exclusion[] = [];
  try {
    if (jobs > 1) {
      // Worker threads, each with its own engine; the results merged in program order.
      const tp = performance.now();
      const results = await runInWorkers(workloadOptions(o), o.outDir, ws.length, jobs, (_r, done) =>
        o.progress?.(done, ws.length),
      );
      for (const [k, r] of results.entries()) {
        coverageOf(ws[k]!.gen).addCounts(r.counts);
        runs.push(r.run);
        exclusions = r.exclusions;
      }
      lockSeconds = (performance.now() - tp) / 1000;
    } else
      for (const [k, w] of ws.entries()) {
        const e = await engineFor(engines, w, o, covDir !== null);
        const r = await runWorkload(w, e, coverageOf(w.gen), o, dirs);
        exclusions = r.exclusions;
        lockSeconds += r.run.seconds;
        runs.push(r.run);
        o.progress?.(k + 1, ws.length);
      }
    if (covDir) {
      for (const e of engines.values()) {
        const label = configLabel(e.gen);
        const dat = join(covDir, label, 'coverage.dat');
        await e.engine.writeCoverage!(dat);
        const sources = moduleSpec(e.design).files;
        const g = reportRtlCoverage(dat, { label, gen: e.gen, programs: e.programs, sources });
        rtlCoverage.push(o.proveUnreachable ? await proveRtlCoverage(g, { files: sources, top: 'vti_core' }) : g);
      }
    }
  } finally {
    for (const e of engines.values()) await e.engine.close();
  }
  const instructions = runs.reduce((a, r) => a + r.instructions, 0);
  // Coverage of the largest configuration group (random programs share one; demos mostly vt on).
  const covs = [...coverage.values()];
  const merged = covs.length === 1 ? covs[0]! : mergeCoverage(covs);
  return {
    engine: o.engine,
    runs,
    instructions,
    mismatches: runs.filter((r) => r.mismatch).length,
    seconds: (performance.now() - t0) / 1000,
    throughput: instructions / Math.max(lockSeconds, 1e-9),
    jobs,
    coverage: merged.summary(),
    bins: merged.binCounts(),
    exclusions,
    ...(covDir ? { rtlCoverage } : {}),
  };
}

/** The options a worker needs (no callbacks; the RTL coverage options are serial only). */
function workloadOptions(o: CoreCosimOptions): WorkloadOptions {
  const { progress: _p, outDir: _o, rtlCoverage: _r, proveUnreachable: _u, jobs: _j, ...options } = o;
  return options;
}

/** Bins are per configuration; the summary of several adds the counts into the first's space. */
function mergeCoverage(covs: Coverage[]): Coverage {
  const m = new Coverage(covs[0]!.gen);
  for (const c of covs) {
    c.outcome.forEach((v, i) => {
      m.outcome[i]! += v;
    });
    c.pair.forEach((v, i) => {
      m.pair[i]! += v;
    });
    c.psr.forEach((v, i) => {
      m.psr[i]! += v;
    });
    c.envPair.forEach((v, i) => {
      m.envPair[i]! += v;
    });
    c.ext.forEach((v, i) => {
      m.ext[i]! += v;
    });
    m.modelDisagreements += c.modelDisagreements;
  }
  return m;
}
