// Block-level co-simulation: the generated RTL of one VT-i block (on either engine) against
// the independent reference model (model/blocks), on directed vectors from the spec,
// exhaustive enumeration where the input space is small, and seeded random batches.
// Stimulus and checks are batched; the first mismatch is reported with its inputs.
import { allocColumns, getBig, type Columns } from '../../model/blocks/columns.js';
import { countMismatches, firstMismatch, type Mismatch } from '../../model/blocks/compare.js';
import type { Stimulus } from '../../model/blocks/vectors.js';
import { blockRunner, type BlockName, type BlockRunner } from '../../blocks/registry.js';
import { DEFAULT_CONFIG, vtiDesign, type VtiConfig } from '../../gen/vti.js';
import { createEngine, type Engine, type EngineName } from '../engine.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { configLabel, proveRtlCoverage, reportRtlCoverage, type RtlCoverageGroup } from './rtl-coverage.js';
import { join } from 'node:path';

export interface BlockCosimOptions {
  readonly engine: EngineName;
  /**
   * RTL code coverage (Verilator --coverage build): the directory for this block's
   * coverage.dat and its report (uncovered.txt, summary.json, annotated/).
   */
  readonly rtlCoverageDir?: string;
  /**
   * With rtlCoverageDir: classify the uncovered toggle points as proven unreachable (Yosys sat,
   * formal/unreachable.ts) or holes; the report gains the reachable coverage.
   */
  readonly proveUnreachable?: boolean;
  /** Random vectors (cycles for vti_psr) on top of the directed and exhaustive sets. */
  readonly vectors: number;
  readonly seed: number;
  readonly gen?: VtiConfig;
  readonly batch?: number;
  /** Called after each batch with the vectors done so far. */
  readonly progress?: (done: number, total: number) => void;
  /**
   * A shard of the run (regress/): only random batches from..to-1 (batch k: seed + k), and the
   * directed/exhaustive sets only when `directed` is not false. Vector indices (the first
   * mismatch's) stay those of the whole run, so shards' results merge into the unsharded one.
   */
  readonly batches?: { readonly from: number; readonly to: number };
  readonly directed?: boolean;
}

/** The first mismatch of a run (index: the vector over the whole run), with its stimulus. */
export interface BlockMismatch extends Mismatch {
  readonly label?: string;
  readonly inputs: Record<string, bigint>;
}

export interface BlockCosimResult {
  readonly block: BlockName;
  readonly engine: EngineName;
  readonly vectors: number;
  readonly directed: number;
  readonly mismatches: number;
  readonly first?: BlockMismatch;
  readonly seconds: number;
  /** With rtlCoverageDir: the block's code coverage over every vector of the run. */
  readonly rtlCoverage?: RtlCoverageGroup;
  /** CPU time of this process over the same interval (all threads: the engine's too). */
  readonly cpuSeconds: number;
}

export { blockRunner, type BlockRunner, type StimSetName } from '../../blocks/registry.js';

/** Random vectors (cycles) per batch; batch k uses seed + k. 65536 keeps a batch's columns
 *  (stimulus, reference and engine outputs, two sets) within the L2/L3 caches: at 262144 the
 *  vti_vmsw reference ran at half the speed. */
export const RANDOM_BATCH = 65_536;

/** Compares two column sets; returns the number of differing vectors and the first one. */
function compare(
  r: BlockRunner,
  stim: Stimulus,
  expected: Columns,
  actual: Columns,
  offset: number,
): { bad: number; first?: BlockMismatch } {
  const m = firstMismatch(r.outputs, expected, actual, stim.count, { offset });
  if (!m) return { bad: 0 };
  const i = m.index - offset,
    label = stim.labels?.[i];
  const inputs = Object.fromEntries(r.inputs.map((q) => [q.name, getBig(stim.inputs[q.name]!, q, i)]));
  return {
    bad: countMismatches(r.outputs, expected, actual, stim.count),
    first: { ...m, ...(label ? { label } : {}), inputs },
  };
}

export async function cosimBlock(block: BlockName, o: BlockCosimOptions): Promise<BlockCosimResult> {
  const gen = o.gen ?? DEFAULT_CONFIG;
  const r = blockRunner(block, gen);
  const design = vtiDesign(block, gen);
  if (o.proveUnreachable && !o.rtlCoverageDir)
    throw new Error('proveUnreachable classifies uncovered RTL coverage points: it needs rtlCoverageDir');
  if (o.rtlCoverageDir && o.engine !== 'verilator')
    throw new Error(`RTL code coverage needs the verilator engine (Verilator --coverage), not '${o.engine}'`);
  const engine: Engine = await createEngine(o.engine, design, o.rtlCoverageDir ? { coverage: true } : {});
  let rtlCoverage: RtlCoverageGroup | undefined;
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  let done = 0,
    mismatches = 0,
    directed = 0;
  let first: BlockMismatch | undefined;
  // The engine evaluates batch k and compares every output word with the reference's
  // (Verilator: inside the addon, on libuv's thread pool) while this thread generates batch
  // k+1 and computes its reference outputs. Only a batch that differs is decoded vector by
  // vector (compare()) for the count and the first mismatch.
  const check = async (stim: Stimulus, expected: Columns, out?: Columns) => {
    const res = await engine.checkBatch(stim.inputs, expected, stim.count, r.sequential, out);
    if (res.differs) {
      const c = compare(r, stim, expected, res.actual, done);
      if (c.bad === 0)
        throw new Error(
          `${block}: the engine reported a difference that its outputs do not show (vectors ${done}..${done + stim.count - 1})`,
        );
      mismatches += c.bad;
      first ??= c.first;
    }
    done += stim.count;
  };
  let skipped = 0;
  try {
    const directedSets = [...r.directed()];
    const directedTotal = directedSets.reduce((n, s) => n + s.stim.count, 0);
    if (o.directed === false) done = skipped = directedTotal;
    else for (const s of directedSets) await check(s.stim, r.reference(s.stim));
    directed = done - skipped;
    const batch = o.batch ?? RANDOM_BATCH;
    const from = o.batches?.from ?? 0;
    const to = Math.min(o.batches?.to ?? Number.POSITIVE_INFINITY, Math.ceil(o.vectors / batch));
    const total = directedTotal + Math.min(o.vectors, Math.max(from, to) * batch);
    // Batches before `from` belong to other shards: skipped, their vectors keep their indices.
    const start = directedTotal + Math.min(o.vectors, from * batch);
    skipped += start - done;
    done = start;
    // Reused buffers: stimulus and reference outputs alternate between two sets (batch k+1's
    // are written while batch k's are in use); the engine's outputs need one set.
    const size = Math.max(1, Math.min(batch, total - start));
    const stimBufs = [allocColumns(r.inputs, size), allocColumns(r.inputs, size)];
    const expBufs = [allocColumns(r.outputs, size), allocColumns(r.outputs, size)];
    const engineOut = allocColumns(r.outputs, size);
    let queued = start,
      k = from;
    const prepare = () => {
      if (queued >= total) return undefined;
      const stim = r.random(Math.min(batch, total - queued), o.seed + k, stimBufs[k & 1]);
      const expected = r.reference(stim, expBufs[k & 1]);
      k++;
      queued += stim.count;
      return { stim, expected };
    };
    let cur = prepare();
    while (cur) {
      const pending = check(cur.stim, cur.expected, engineOut);
      const following = prepare();
      await pending;
      o.progress?.(done, total);
      cur = following;
    }
    if (o.rtlCoverageDir) {
      const dat = join(o.rtlCoverageDir, 'coverage.dat');
      await engine.writeCoverage!(dat);
      const sources = moduleSpec(design).files;
      rtlCoverage = reportRtlCoverage(dat, {
        label: `${block}_${configLabel(gen)}`,
        gen,
        programs: [`${directed} directed/exhaustive + ${done - skipped - directed} random vectors`],
        sources,
      });
      if (o.proveUnreachable) rtlCoverage = await proveRtlCoverage(rtlCoverage, { files: sources, top: block });
    }
  } finally {
    await engine.close();
  }
  const cpu = process.cpuUsage(c0);
  return {
    block,
    engine: o.engine,
    vectors: done - skipped,
    directed,
    mismatches,
    ...(first ? { first } : {}),
    ...(rtlCoverage ? { rtlCoverage } : {}),
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

export function formatMismatch(m: BlockMismatch): string {
  const ins = Object.entries(m.inputs)
    .map(([k, v]) => `${k}=0x${v.toString(16)}`)
    .join(' ');
  return `vector ${m.index}${m.label ? ` (${m.label})` : ''}: ${m.port} expected 0x${m.expected.toString(16)}, got 0x${m.actual.toString(16)}; inputs ${ins}`;
}
