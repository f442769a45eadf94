// The programs of a core co-simulation (demo programs, one ELF, or random programs by seed)
// and the run of one of them in lockstep: what `runCoreCosim` does per program, in this
// thread (serial) or in a worker (parallel.ts). Both derive the same list from the options, so
// program k is the same program wherever it runs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_CONFIG, vtiDesign, type VtiConfig } from '../../../gen/vti.js';
import type { IRDesign } from '../../../hdl/ir/types.js';
import { buildProgram } from '../../../programs/build.js';
import { createEngine, type Engine, type EngineName } from '../../engine.js';
import type { CosimDirs } from '../dirs.js';
import { RANDOM_GEN } from '../random/layout.js';
import type { Item, Profile } from '../random/items.js';
import { buildRandomProgram, randomItems, renderProgram } from '../random/program.js';
import { itemRunner, shrink } from '../random/shrink.js';
import { checkMutantDesign, type CheckMutant } from './check-mutants.js';
import type { Exclusion } from './compare.js';
import type { Coverage } from './coverage.js';
import { factoryFor, runLockstep, type Divergence, type EmulatorFactory } from './lockstep.js';
import { writeDivergence, type Artifacts } from './report.js';

/** The demo programs (programs/README.md) and their VT-i configuration. */
export const DEMO_PROGRAMS = [
  { name: 'vtvmm', vt: true },
  { name: 'reflect', vt: true },
  { name: 'paravirt', vt: true },
  { name: 'classic', vt: false },
  { name: 'palvm', vt: true },
] as const;

/** The options that choose and run the programs (CoreCosimOptions without callbacks: a worker gets a copy). */
export interface WorkloadOptions {
  readonly engine: EngineName;
  readonly program?: string;
  readonly random?: number;
  readonly seed?: number;
  readonly items?: number;
  readonly profile?: Profile;
  readonly gen?: VtiConfig;
  readonly maxSteps?: number;
  readonly exclusions?: readonly Exclusion[];
  readonly reports?: boolean;
  readonly shrink?: boolean;
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

export interface Workload {
  readonly name: string;
  readonly gen: VtiConfig;
  make(): EmulatorFactory;
  readonly items?: () => Item[];
}

export function workloads(o: WorkloadOptions, dirs: CosimDirs): Workload[] {
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

/** One engine per design configuration, with the programs run on it. */
export interface EngineEntry {
  readonly engine: Engine;
  readonly design: IRDesign;
  readonly gen: VtiConfig;
  readonly programs: string[];
}

/** Key of a configuration in the per-configuration maps (engines, coverage). */
export const configKey = (g: VtiConfig) => JSON.stringify(g);

/** The engine of w's configuration in `engines`, opened on first use (RTL coverage: a --coverage build). */
export async function engineFor(
  engines: Map<string, EngineEntry>,
  w: Workload,
  o: WorkloadOptions,
  rtlCoverage: boolean,
): Promise<EngineEntry> {
  let e = engines.get(configKey(w.gen));
  if (!e) {
    const design = o.seededBug ? checkMutantDesign(o.seededBug, w.gen) : vtiDesign('vti_core', w.gen);
    e = {
      engine: await createEngine(o.engine, design, rtlCoverage ? { coverage: true } : {}),
      design,
      gen: w.gen,
      programs: [],
    };
    engines.set(configKey(w.gen), e);
  }
  return e;
}

/** Program w in lockstep on e's engine, its events counted in `cov`; a divergence reported (and shrunk) under dirs. */
export async function runWorkload(
  w: Workload,
  e: EngineEntry,
  cov: Coverage,
  o: WorkloadOptions,
  dirs: CosimDirs,
): Promise<{ readonly run: CoreRun; readonly exclusions: readonly Exclusion[] }> {
  e.programs.push(w.name);
  const make = w.make();
  cov.startProgram();
  const r = await runLockstep(make, {
    engine: o.engine,
    gen: w.gen,
    engineInstance: e.engine,
    maxSteps: o.maxSteps ?? 5_000_000,
    onBatch: (b) => cov.add(b),
    ...(o.exclusions ? { exclusions: o.exclusions } : {}),
  });
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
  return {
    run: {
      name: w.name,
      instructions: r.instructions,
      halted: r.halted,
      seconds: r.seconds,
      ...(r.mismatch ? { mismatch: r.mismatch } : {}),
      ...(artifacts ? { artifacts } : {}),
      ...(shrunk ? { shrunk } : {}),
    },
    exclusions: r.exclusions,
  };
}
