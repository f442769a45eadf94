// buildVerilatorModel: Verilog text + port list → a loaded N-API addon, cached on disk.
//
// Steps on a cache miss (≈1-1.5 s for a small design once the runtime exists):
//   verilator --cc → obj/V<top>*.cpp, then ONE g++ call compiling a unity file that
//   includes all of them plus the addon (native/*.cc, *.h and the generated port table,
//   addon-sources.ts), linked against the cached runtime.
// We drive g++ ourselves instead of Verilator's make so the optimisation level is ours
// (verilated.mk silently forces -Os) and there is one compiler process per model.
import { existsSync, readdirSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { defaultCacheDir, hashOf, publishDir } from './cache.js';
import { type CacheNotice, writableCacheDir } from '../../cache/root.js';
import { heartbeat } from './heartbeat.js';
import { lastBuildMs, recordBuildMs } from './build-times.js';
import { runChecked } from './exec.js';
import { ADDON_MAIN, addonSources } from './addon-sources.js';
import { baseCxxFlags, ensurePch, ensureRuntime, PCH_NAME, VERILATED_CODE_QUIET, verilatorRoot } from './runtime.js';
import { portProblems, portsFromHeader } from './ports.js';
import { type ModuleSpec, validateSpec } from './spec.js';
import { requireTool } from './tools.js';
import { NapiModel, type Addon, type VerilatedModel } from './model.js';

export interface BuildOptions {
  /** Compile VCD tracing in (needed for enableVcd; slows eval a little). Default false. */
  trace?: boolean;
  /**
   * Verilate with `--coverage` (line, branch and toggle points in Verilator 5.006) and link
   * verilated_cov.cpp, so `writeCoverage(path)` can write coverage.dat. Part of the cache key.
   */
  coverage?: boolean;
  /**
   * Cache root. Default $VTI_VERILATOR_CACHE, else $VTI_CACHE_DIR/verilator, else
   * .cache/verilator in the current working directory (sim/verilator/cache.ts). An unwritable
   * one is replaced by a temporary folder for the run, with one line saying so.
   */
  cacheDir?: string;
  /**
   * Where the build's lines go: progress of a build that runs over 2 s, a damaged cache entry
   * being rebuilt, a cache folder replaced. Default: stderr.
   */
  progress?: CacheNotice;
  /** Extra verilator arguments (part of the cache key). */
  verilatorArgs?: string[];
  /** verilator binary. Default 'verilator'. */
  verilator?: string;
  /** C++ compiler. Default $CXX or 'g++'. */
  cxx?: string;
}

/** What a build produced, for tests and diagnostics. */
export interface BuildInfo {
  key: string;
  dir: string;
  /** False when the model came from the cache without compiling. */
  built: boolean;
  ms: number;
}

/** Bumped when the build recipe changes in a way the key would not otherwise see. */
const RECIPE = 6; // 6: a manifest (size, sha256 of model.node) checked before loading

/** The folder holding node_api.h (for compiling the addon). */
export function nodeIncludeDir(): string {
  const candidates = [
    resolve(dirname(process.execPath), '..', 'include', 'node'),
    join(homedir(), '.cache', 'node-gyp', process.versions.node, 'include', 'node'),
    '/usr/include/node',
  ];
  const found = candidates.find((d) => existsSync(join(d, 'node_api.h')));
  if (!found) {
    throw new Error(
      `Node headers not found (node_api.h, looked in ${candidates.join(', ')}): they ship with the nodejs package, or run \`npx node-gyp install\``,
    );
  }
  return found;
}

const loaded = new Map<string, Addon>();
const inFlight = new Map<string, Promise<{ dir: string; built: boolean }>>();
const lastInfo = new WeakMap<VerilatedModel, BuildInfo>();

/** Build info of a model returned by buildVerilatorModel. */
export function buildInfo(model: VerilatedModel): BuildInfo | undefined {
  return lastInfo.get(model);
}

/**
 * The one file a model's compiler sees: the precompiled header, Verilator's sources with the
 * warnings its code trips switched off (runtime.ts), then the addon with them back on.
 */
function unityFile(verilated: readonly string[]): string {
  return [
    `#include "${PCH_NAME}"`,
    ...verilated.map((f) => `#include "${f}"`),
    "// The addon is the project's own code: the warnings off for Verilator's are on again for it.",
    ...VERILATED_CODE_QUIET.map((w) => `#pragma GCC diagnostic warning "-W${w}"`),
    `#include "${ADDON_MAIN}"`,
    '',
  ].join('\n');
}

/** Verilate, compile (or reuse from the cache) and instantiate the model of `spec`. */
export async function buildVerilatorModel(spec: ModuleSpec, opts: BuildOptions = {}): Promise<VerilatedModel> {
  const t0 = performance.now();
  validateSpec(spec, 'buildVerilatorModel');
  const verilator = opts.verilator ?? 'verilator';
  const version = requireTool('verilator', verilator);
  const root = verilatorRoot(verilator);
  const cxx = opts.cxx ?? process.env.CXX ?? 'g++';
  const trace = opts.trace ?? false;
  const coverage = opts.coverage ?? false;
  const cacheDir = writableCacheDir(opts.cacheDir ?? defaultCacheDir(), opts.progress);
  const vArgs = opts.verilatorArgs ?? [];
  const cxxSources = addonSources(spec, { trace, coverage });
  const nodeInclude = nodeIncludeDir();
  // -Wall -Wextra for the addon; Verilator's code keeps its warnings off (see unityFile).
  const cxxFlags = [...baseCxxFlags(root), '-Wall', '-Wextra', `-DVM_TRACE=${trace ? 1 : 0}`, `-I${nodeInclude}`];
  const files = Object.keys(spec.files)
    .sort()
    .map((f) => [f, spec.files[f]!]);
  const key = hashOf({
    RECIPE,
    version,
    root,
    cxx,
    napi: process.versions.napi,
    top: spec.top,
    files,
    ports: spec.ports.map((p) => [p.name, p.dir, p.width]),
    clock: spec.clock ?? null,
    trace,
    vArgs,
    cxxFlags,
    cxxSources,
    ...(coverage ? { coverage } : {}),
  }).slice(0, 24);
  const final = join(cacheDir, key);

  let job = inFlight.get(final);
  if (!job) {
    const what = `the Verilator model of ${spec.top}`;
    job = publishDir(
      final,
      async (tmp) => {
        const started = performance.now();
        // Estimates per design and build flavour (a coverage build of vti_core takes longer).
        const flavour = `${spec.top}${trace ? '+trace' : ''}${coverage ? '+coverage' : ''}`;
        const beat = heartbeat(what, opts.progress, lastBuildMs(cacheDir, flavour));
        try {
          await buildInto(tmp, beat.phase);
        } finally {
          beat.stop();
        }
        recordBuildMs(cacheDir, flavour, performance.now() - started);
      },
      { files: ['model.node'], what, ...(opts.progress ? { say: opts.progress } : {}) },
    );
    inFlight.set(final, job);
    job.finally(() => inFlight.delete(final)).catch(() => {});
  }
  async function buildInto(tmp: string, phase: (name: string) => void): Promise<void> {
    phase('the Verilator runtime and precompiled headers');
    const [runtime, pch] = await Promise.all([
      ensureRuntime(cacheDir, version, root, cxx, opts.progress),
      ensurePch(cacheDir, version, cxx, cxxFlags, opts.progress),
    ]);
    phase('verilating');
    const src = join(tmp, 'src');
    const obj = join(tmp, 'obj');
    mkdirSync(src);
    for (const [f, text] of files) writeFileSync(join(src, f!), text!);
    // Relative paths (cwd = tmp) so messages and the model say src/<file>, not tmp-123.
    await runChecked(
      `verilating ${spec.top}`,
      verilator,
      [
        '--cc',
        '--Mdir',
        'obj',
        '--top-module',
        spec.top,
        // Lint is the lint gate's job (sim/lint); here warnings must not stop a build.
        '-Wno-fatal',
        '-Wno-lint',
        '-Wno-style',
        ...(trace ? ['--trace'] : []),
        ...(coverage ? ['--coverage'] : []),
        ...vArgs,
        ...files.map(([f]) => `src/${f}`),
      ],
      tmp,
    );
    const problems = portProblems(spec, portsFromHeader(readFileSync(join(obj, `V${spec.top}.h`), 'utf8')));
    if (problems.length) {
      throw new Error(
        `buildVerilatorModel: the port list does not match the Verilog of '${spec.top}':\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }
    const parts = readdirSync(obj)
      .filter((f) => f.startsWith(`V${spec.top}`) && f.endsWith('.cpp'))
      .sort();
    for (const [f, text] of cxxSources) writeFileSync(join(obj, f), text);
    // The coverage database (VerilatedCovContext) lives in verilated_cov.cpp, which only
    // coverage builds need: compiled into their unity file rather than the shared runtime.
    writeFileSync(join(obj, 'unity.cpp'), unityFile([...parts, ...(coverage ? ['verilated_cov.cpp'] : [])]));
    phase('compiling the C++');
    const compiled = await runChecked(`compiling the verilated model ${spec.top}`, cxx, [
      ...cxxFlags,
      `-I${pch}`,
      `-I${obj}`,
      '-shared',
      join(obj, 'unity.cpp'),
      runtime,
      // Each addon keeps a private copy of the runtime: no symbol clashes between models.
      '-Wl,--exclude-libs,ALL',
      '-Wl,-Bsymbolic',
      '-o',
      join(tmp, 'model.node'),
    ]);
    // The compiler's warnings, if any, for whoever debugs the cache (a build never shows them).
    if (compiled.stderr) writeFileSync(join(obj, 'compile.log'), compiled.stderr);
    writeFileSync(
      join(tmp, 'meta.json'),
      JSON.stringify({ top: spec.top, ports: spec.ports, clock: spec.clock, trace, coverage, version }, null, 2),
    );
  }
  const { dir, built } = await job;
  const file = join(dir, 'model.node');
  let addon = loaded.get(file);
  if (!addon) {
    addon = createRequire(import.meta.url)(file) as Addon;
    loaded.set(file, addon);
  }
  const model = new NapiModel(addon, spec);
  lastInfo.set(model, { key, dir, built, ms: performance.now() - t0 });
  return model;
}

/** The metadata written next to a cached model (for debugging the cache). */
export function readBuildMeta(dir: string): unknown {
  return JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
}
