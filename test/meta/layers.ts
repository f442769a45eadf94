// The layering of the project as data: for each source folder, the folders its files may
// import (besides their own folder). The most specific folder names a file's layer
// (sim/cosim/lockstep/x.ts is in sim/cosim; sim/engine.ts is in sim). Read by layering.test.ts,
// which fails on any import against this table and on any import cycle between files, and
// which checks that README.md's "Architecture" lists exactly these layers.
//
// The rules it keeps: the spec data (arch) is at the bottom; the eDSL builds the IR that the
// passes check, and the passes never need the eDSL; the golden model never imports hardware,
// generator or simulators (it is the independent reference); nothing below the CLI imports
// the CLI, nothing below the report imports the report.
export const ANYTHING = '*';

/** What the co-simulation builds on; the layers above it (pipeline, report, cli) add themselves in turn. */
const BELOW_COSIM = [
  'sim',
  'sim/jssim',
  'sim/verilator',
  'sim/lint',
  'blocks',
  'formal',
  'model',
  'programs',
  'gen',
  'hdl/vti',
  'hdl/dsl',
  'hdl/passes',
  'hdl/ir',
  'arch',
  'cache',
] as const;

export const LAYERS = {
  arch: [],
  // The caches' shared rules (root folder, fallback, manifests): nothing below, everyone may use them.
  cache: [],
  'hdl/ir': [],
  'hdl/passes': ['hdl/ir'],
  'hdl/dsl': ['hdl/ir', 'hdl/passes'],
  'hdl/vti': ['hdl/dsl', 'hdl/ir', 'arch'],
  'hdl/examples': ['hdl/dsl', 'hdl/ir'],
  gen: ['hdl/vti', 'hdl/dsl', 'hdl/passes', 'hdl/ir', 'arch'],
  'sim/jssim': ['hdl/ir'],
  'sim/verilator': ['gen', 'hdl/ir', 'cache'],
  'sim/lint': ['sim/verilator', 'gen', 'hdl/ir'],
  sim: ['sim/jssim', 'sim/verilator', 'gen', 'hdl/ir'],
  formal: ['blocks', 'gen', 'hdl/vti', 'hdl/dsl', 'hdl/passes', 'hdl/ir', 'arch', 'cache'],
  model: ['arch'],
  // The block registry sits above the hardware and the model: it pairs each block's design with its reference.
  blocks: ['hdl/vti', 'hdl/dsl', 'hdl/ir', 'model', 'arch'],
  programs: ['cache'],
  'sim/cosim': BELOW_COSIM,
  demo: ['model', 'programs', 'arch'],
  // tools/ski: HP's Ski as a differential oracle of the model (runs the model, builds programs).
  tools: ['model', 'programs', 'arch'],
  pipeline: ['demo', 'sim/cosim', ...BELOW_COSIM],
  // Sharded, mergeable regressions (shards, results, merge, local and Slurm backends): beside pipeline.
  regress: ['sim/cosim', 'tools', ...BELOW_COSIM],
  report: ['pipeline', 'demo', 'sim/cosim', ...BELOW_COSIM],
  cli: ['regress', 'report', 'pipeline', 'demo', 'sim/cosim', ...BELOW_COSIM, 'hdl/examples'],
  // bin/api.d.ts re-exports the declarations `npm run build` writes to dist/types.
  bin: ['cli', 'dist'],
  bench: [ANYTHING],
  test: [ANYTHING],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type Layer = keyof typeof LAYERS;
