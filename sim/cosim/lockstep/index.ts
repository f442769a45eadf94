// System-level co-simulation of vti_core against the golden model: what `vti cosim --core`
// and `vti all` run. Workloads: the demo programs a-e (default), one ELF (`program`), or N
// random programs (`random`, seeds seed..seed+N-1). One engine for all runs; coverage over
// all of them; a divergence report (text, stimulus, VCD) under <outDir>/cosim/ for each mismatch.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_CONFIG, vtiDesign, type VtiConfig } from '../../../gen/vti.js';
import type { IRDesign } from '../../../hdl/ir/types.js';
import { buildProgram } from '../../../programs/build.js';
import { createEngine, type Engine, type EngineName } from '../../engine.js';
import { RANDOM_GEN } from '../random/layout.js';
import type { Item, Profile } from '../random/items.js';
import { buildRandomProgram, randomItems, renderProgram } from '../random/program.js';
import { itemRunner, shrink } from '../random/shrink.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosimDirs, type CosimDirs } from '../dirs.js';
import type { Exclusion } from './compare.js';
import { Coverage, type CoverageSummary } from './coverage.js';
import { checkMutantDesign, type CheckMutant } from './check-mutants.js';
import { factoryFor, runLockstep, type Divergence, type EmulatorFactory } from './lockstep.js';
import { writeDivergence, type Artifacts } from './report.js';
import { moduleSpec } from '../../../gen/verilog/index.js';
import { configLabel, proveRtlCoverage, reportRtlCoverage, type RtlCoverageGroup } from '../rtl-coverage.js';

export { runLockstep, factoryFor } from './lockstep.js';

/** The demo programs (programs/README.md) and their VT-i configuration. */
export const DEMO_PROGRAMS = [
  { name: 'vtvmm', vt: true },
  { name: 'reflect', vt: true },
  { name: 'paravirt', vt: true },
  { name: 'classic', vt: false },
  { name: 'palvm', vt: true },
] as const;

export interface CoreCosimOptions {
  readonly engine: EngineName;
  /**
   * Root of everything written (sim/cosim/dirs.ts): reports and shrunk programs in <outDir>/cosim,
   * random programs in <outDir>/cosim/random, demo ELFs in <outDir>/programs. Default: out/ under
   * the current working directory.
   */
  readonly outDir?: string;
  /** An ELF file to run (with `gen`, default the generator defaults). */
  readonly program?: string;
  /** Number of random programs (seeds seed, seed+1, ...). */
  readonly random?: number;
  readonly seed?: number;
  /** Items per random program (default 500). */
  readonly items?: number;
  readonly profile?: Profile;
  readonly gen?: VtiConfig;
  readonly maxSteps?: number;
  readonly exclusions?: readonly Exclusion[];
  /** Write reports of mismatches under <outDir>/cosim (default true). */
  readonly reports?: boolean;
  /** Shrink failing random programs to a minimal item list (written as <outDir>/cosim/<name>-min.s). */
  readonly shrink?: boolean;
  readonly progress?: (done: number, total: number) => void;
  /**
   * RTL code coverage: Verilator models built with --coverage (engine must be 'verilator'),
   * one per design configuration, accumulating over all its programs (and shrink re-runs);
   * coverage.dat and reports under `<dir>/<configuration>/` (true: <outDir>/cosim/rtl-coverage).
   */
  readonly rtlCoverage?: boolean | { readonly dir: string };
  /** With rtlCoverage: classify the uncovered toggle points as proven unreachable (Yosys, in the flattened vti_core) or holes. */
  readonly proveUnreachable?: boolean;
  /** Run vti_core with one of its checks removed (check-mutants.ts) instead: a regression that must find it. */
  readonly seededBug?: CheckMutant;
}

export interface CoreRun {
  readonly name: string;
  readonly instructions: number;
  readonly halted: boolean;
  readonly seconds: number;
  readonly mismatch?: Divergence;
  readonly artifacts?: Artifacts;
  /** A failing random program shrunk: its items' test instructions and the minimal program's source. */
  readonly shrunk?: { readonly items: readonly string[]; readonly source: string; readonly runs: number };
}

export interface CoreCosimResult {
  readonly engine: EngineName;
  readonly runs: readonly CoreRun[];
  readonly instructions: number;
  readonly mismatches: number;
  readonly seconds: number;
  /** Instructions compared per second over the lockstep runs (program builds excluded). */
  readonly throughput: number;
  readonly coverage: CoverageSummary;
  /** The coverage's bins by name with their counts (Coverage.binCounts): they add across runs. */
  readonly bins: Readonly<Record<string, number>>;
  readonly exclusions: readonly Exclusion[];
  /** With rtlCoverage: one group per design configuration. */
  readonly rtlCoverage?: readonly RtlCoverageGroup[];
}

interface Workload {
  readonly name: string;
  readonly gen: VtiConfig;
  make(): EmulatorFactory;
  readonly items?: () => Item[];
}

function workloads(o: CoreCosimOptions, dirs: CosimDirs): Workload[] {
  if (o.program) {
    const gen = o.gen ?? DEFAULT_CONFIG;
    return [
      { name: basename(o.program).replace(/\.elf$/, ''), gen, make: () => factoryFor(readFileSync(o.program!), gen) },
    ];
  }
  if (o.random !== undefined) {
    const seed = o.seed ?? 1,
      gen = o.gen ?? RANDOM_GEN;
    return Array.from({ length: o.random }, (_, k) => ({
      name: `random-seed${seed + k}`,
      gen,
      items: () => randomItems(seed + k, o.items ?? 500, o.profile ?? {}),
      make: () =>
        factoryFor(
          buildRandomProgram(renderProgram(randomItems(seed + k, o.items ?? 500, o.profile ?? {})), dirs.random).elf,
          gen,
        ),
    }));
  }
  return DEMO_PROGRAMS.map((p) => {
    const gen = { ...(o.gen ?? DEFAULT_CONFIG), vmImplemented: p.vt };
    return {
      name: p.name,
      gen,
      make: () => factoryFor(readFileSync(buildProgram(p.name, { outDir: dirs.programs })), gen),
    };
  });
}

const key = (g: VtiConfig) => JSON.stringify(g);

export async function runCoreCosim(o: CoreCosimOptions): Promise<CoreCosimResult> {
  const t0 = performance.now();
  const dirs = cosimDirs(o.outDir);
  const ws = workloads(o, dirs);
  const engines = new Map<string, { engine: Engine; design: IRDesign; gen: VtiConfig; programs: string[] }>();
  const covDir = o.rtlCoverage ? (o.rtlCoverage === true ? dirs.rtlCoverage : o.rtlCoverage.dir) : null;
  if (o.proveUnreachable && !covDir)
    throw new Error('proveUnreachable classifies uncovered RTL coverage points: it needs rtlCoverage');
  if (covDir && o.engine !== 'verilator')
    throw new Error(`RTL code coverage needs the verilator engine (Verilator --coverage), not '${o.engine}'`);
  const rtlCoverage: RtlCoverageGroup[] = [];
  const coverage = new Map<string, Coverage>();
  const runs: CoreRun[] = [];
  let lockSeconds = 0,
    exclusions: readonly Exclusion[] = [];
  try {
    for (const [k, w] of ws.entries()) {
      let e = engines.get(key(w.gen));
      if (!e) {
        const design = o.seededBug ? checkMutantDesign(o.seededBug, w.gen) : vtiDesign('vti_core', w.gen);
        e = {
          engine: await createEngine(o.engine, design, covDir ? { coverage: true } : {}),
          design,
          gen: w.gen,
          programs: [],
        };
        engines.set(key(w.gen), e);
      }
      e.programs.push(w.name);
      let cov = coverage.get(key(w.gen));
      if (!cov) {
        cov = new Coverage(w.gen);
        coverage.set(key(w.gen), cov);
      }
      const make = w.make();
      const c = cov;
      c.startProgram();
      const r = await runLockstep(make, {
        engine: o.engine,
        gen: w.gen,
        engineInstance: e.engine,
        maxSteps: o.maxSteps ?? 5_000_000,
        onBatch: (b) => c.add(b),
        ...(o.exclusions ? { exclusions: o.exclusions } : {}),
      });
      exclusions = r.exclusions;
      lockSeconds += r.seconds;
      const artifacts =
        r.mismatch && o.reports !== false
          ? await writeDivergence(r, make, { name: w.name, gen: w.gen, design: e.design, dir: dirs.cosim })
          : undefined;
      let shrunk: CoreRun['shrunk'];
      if (r.mismatch && o.shrink && w.items) {
        const sr = await shrink(
          w.items(),
          itemRunner(e.engine, w.gen, o.exclusions ? { exclusions: o.exclusions } : {}, dirs.random),
        );
        mkdirSync(dirs.cosim, { recursive: true });
        const source = join(dirs.cosim, `${w.name}-min.s`);
        writeFileSync(source, renderProgram(sr.items));
        shrunk = {
          items: sr.items.map(
            (i) =>
              `${i.asm} [cpl ${i.mode.cpl} vm ${i.mode.vm} ic ${i.mode.ic} dt ${i.mode.dt} it ${i.mode.it}, slot ${i.slot}, ${i.page}]`,
          ),
          source,
          runs: sr.runs,
        };
      }
      runs.push({
        name: w.name,
        instructions: r.instructions,
        halted: r.halted,
        seconds: r.seconds,
        ...(r.mismatch ? { mismatch: r.mismatch } : {}),
        ...(artifacts ? { artifacts } : {}),
        ...(shrunk ? { shrunk } : {}),
      });
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
    coverage: merged.summary(),
    bins: merged.binCounts(),
    exclusions,
    ...(covDir ? { rtlCoverage } : {}),
  };
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
