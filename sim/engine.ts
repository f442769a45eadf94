// One interface over the two simulation engines, so test benches, co-simulation and the CLI
// can run the same stimulus on either: 'builtin' (IR compiled to JavaScript, zero install)
// and 'verilator' (generated Verilog, verilated and driven in batches).
import type { IRDesign } from '../hdl/ir/types.js';
import { moduleSpec } from '../gen/verilog/index.js';
import { createSimulator } from './jssim/sim.js';
import { PropertyFailure } from './jssim/properties.js';
import { hasProperties, propertyOutputs, type PropertyOutput } from './property-outputs.js';
import { buildVerilatorModel, verilatorAvailable, wordsFor, type CheckedBatch } from './verilator/index.js';

export type { CheckedBatch } from './verilator/index.js';

export type EngineName = 'builtin' | 'verilator';
export const ENGINES: readonly EngineName[] = ['builtin', 'verilator'];

export interface Engine {
  readonly name: EngineName;
  /** Independent combinational evaluations (column layout: ceil(w/32) words per vector). */
  evalBatch(inputs: Record<string, Uint32Array>, count: number): Promise<Record<string, Uint32Array>>;
  /** Clock cycles: cycle k applies inputs k, rising edge, outputs sampled after it. */
  stepBatch(inputs: Record<string, Uint32Array>, cycles: number): Promise<Record<string, Uint32Array>>;
  /**
   * evalBatch (step false) or stepBatch (step true), then every output word of every vector
   * compared with `expected` (Verilator: inside the addon, on the thread pool, overlapping the
   * caller). `out`: output columns to reuse. `differs` is true when any output word differs.
   */
  checkBatch(
    inputs: Record<string, Uint32Array>,
    expected: Record<string, Uint32Array>,
    count: number,
    step: boolean,
    out?: Record<string, Uint32Array>,
  ): Promise<CheckedBatch>;
  /**
   * Only on a Verilator engine created with { coverage: true }: write the RTL code-coverage
   * counters accumulated since creation (Verilator's coverage.dat; sim/verilator/coverage.ts).
   */
  writeCoverage?(path: string): Promise<void>;
  /** Flushes the VCD (if any) and frees the engine. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Write every following evaluation to this VCD file (opens in GTKWave). */
  readonly vcd?: string;
  /** Verilator only: build the model with --coverage (a separate cache entry) and expose writeCoverage. */
  readonly coverage?: boolean;
  /** Verilator only: where the build's lines go (progress of a long build, a cache repaired); default stderr. */
  readonly progress?: (line: string) => void;
}

export async function createEngine(name: EngineName, design: IRDesign, opts: EngineOptions = {}): Promise<Engine> {
  if (name === 'builtin') {
    if (opts.coverage) throw new Error('RTL code coverage comes from Verilator --coverage: use the verilator engine');
    const sim = createSimulator(design);
    if (opts.vcd) sim.vcd(opts.vcd);
    const outs = moduleSpec(design)
      .ports.filter((p) => p.dir === 'output')
      .map((p) => ({ name: p.name, words: wordsFor(p.width) }));
    return {
      name,
      evalBatch: async (i, n) => sim.evalBatch(i, n),
      stepBatch: async (i, n) => sim.stepBatch(i, n),
      checkBatch: async (i, expected, n, step, out) => {
        // Only "does any word differ", word for word like the addon's check (sim/verilator), so
        // both engines answer alike; which vector and port differ is model/blocks/compare.ts.
        const actual = step ? sim.stepBatch(i, n, out) : sim.evalBatch(i, n, out);
        let diff = 0;
        for (const p of outs) {
          const e = expected[p.name],
            a = actual[p.name]!;
          if (!e || e.length < n * p.words)
            throw new Error(`checkBatch: expected column '${p.name}' needs ${n * p.words} words`);
          for (let j = 0, m = n * p.words; j < m; j++) diff |= e[j]! ^ a[j]!;
        }
        return { actual, differs: diff !== 0 };
      },
      close: async () => sim.close(),
    };
  }
  if (!verilatorAvailable())
    throw new Error('Verilator not found: install it with `apt-get install verilator`, or use --engine builtin');
  // A design with properties is built with them as extra outputs (sim/property-outputs.ts),
  // checked after every batch and removed from what the caller sees.
  const exposed = hasProperties(design) ? propertyOutputs(design) : null;
  const model = await buildVerilatorModel(moduleSpec(exposed?.design ?? design), {
    ...(opts.vcd ? { trace: true } : {}),
    ...(opts.coverage ? { coverage: true } : {}),
    ...(opts.progress ? { progress: opts.progress } : {}),
  });
  if (opts.vcd) model.enableVcd(opts.vcd);
  if (exposed) return checkingEngine(model, exposed.outputs, moduleSpec(design).ports, opts.coverage ?? false);
  return {
    name,
    evalBatch: (i, n) => model.evalBatch(i, n),
    stepBatch: (i, n) => model.stepBatch(i, n),
    checkBatch: (i, e, n, step, out) => model.checkBatch(i, e, n, step, out),
    ...(opts.coverage ? { writeCoverage: (path: string) => model.writeCoverage(path) } : {}),
    close: () => model.close(),
  };
}

type VerilatorModel = Awaited<ReturnType<typeof buildVerilatorModel>>;

/**
 * The Verilator engine of a design with properties: each stepBatch cycle k checks the clocked
 * properties as they stood before its edge (cycle = edges before it, as the built-in
 * simulator counts), each evalBatch vector the unclocked ones; a failed assert/assume throws a
 * PropertyFailure with the cycle, the message and the TypeScript line. checkBatch compares in
 * JavaScript (the addon's check would compare the property outputs too).
 */
function checkingEngine(
  model: VerilatorModel,
  props: readonly PropertyOutput[],
  ports: readonly { name: string; dir: string; width: number }[],
  coverage: boolean,
): Engine {
  let cycle = 0;
  const userOutputs = ports.filter((p) => p.dir === 'output');
  const check = (cols: Record<string, Uint32Array>, count: number, clocked: boolean): Record<string, Uint32Array> => {
    for (const p of props) {
      if (p.clocked !== clocked || p.kind === 'cover') continue;
      const col = cols[p.port]!;
      for (let k = 0; k < count; k++)
        if ((col[k]! & 1) === 0) {
          const probe = {
            wire: p.path ? `${p.path}.${p.port}` : p.port,
            kind: p.kind,
            message: p.message,
            loc: p.loc,
            clocked,
          };
          throw new PropertyFailure(probe, clocked ? cycle + k : cycle, 'verilator');
        }
    }
    const out: Record<string, Uint32Array> = {};
    for (const o of userOutputs) out[o.name] = cols[o.name]!;
    return out;
  };
  const step = async (i: Record<string, Uint32Array>, n: number) => {
    const cols = await model.stepBatch(i, n);
    try {
      return check(cols, n, true);
    } finally {
      cycle += n;
    }
  };
  const evaluate = async (i: Record<string, Uint32Array>, n: number) => check(await model.evalBatch(i, n), n, false);
  return {
    name: 'verilator',
    evalBatch: evaluate,
    stepBatch: step,
    checkBatch: async (i, expected, n, isStep) => {
      const actual = isStep ? await step(i, n) : await evaluate(i, n);
      let diff = 0;
      for (const p of userOutputs) {
        const e = expected[p.name],
          a = actual[p.name]!;
        const words = wordsFor(p.width);
        if (!e || e.length < n * words)
          throw new Error(`checkBatch: expected column '${p.name}' needs ${n * words} words`);
        for (let j = 0; j < n * words; j++) diff |= e[j]! ^ a[j]!;
      }
      return { actual, differs: diff !== 0 };
    },
    ...(coverage ? { writeCoverage: (path: string) => model.writeCoverage(path) } : {}),
    close: () => model.close(),
  };
}
