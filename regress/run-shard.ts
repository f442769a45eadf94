// Runs one shard of one workload and returns its ShardResult (a failure becomes a result with
// status 'failed' and the error, so the driver and `vti merge` can name it).
import { hostname } from 'node:os';
import { configHash, RESULT_SCHEMA, RESULT_VERSION, type ShardResult } from './result.js';
import { shardRange, type Shard } from './shard.js';
import { sourceHash } from './source-hash.js';
import { cosimBlocksItems, runCosimBlocks } from './workloads/cosim-blocks.js';
import { cosimRandomItems, runCosimRandom } from './workloads/cosim-random.js';
import { formalItems, runFormal } from './workloads/formal.js';
import { mutantsItems, runMutants } from './workloads/mutants.js';
import { runSkiPrograms, skiProgramsItems } from './workloads/ski-programs.js';
import type { ShardOutcome } from './workloads/outcome.js';
import type { WorkloadSpec } from './workloads/spec.js';

/** A workload's items: what shards take contiguous ranges of. */
export function workloadItems(w: WorkloadSpec): { readonly unit: string; readonly total: number } {
  switch (w.kind) {
    case 'cosim-blocks':
      return cosimBlocksItems(w);
    case 'cosim-random':
      return cosimRandomItems(w);
    case 'mutants':
      return mutantsItems(w);
    case 'formal':
      return formalItems(w);
    case 'ski-programs':
      return skiProgramsItems(w);
  }
}

function runItems(w: WorkloadSpec, from: number, to: number, workDir: string): Promise<ShardOutcome> {
  switch (w.kind) {
    case 'cosim-blocks':
      return runCosimBlocks(w, from, to, { workDir });
    case 'cosim-random':
      return runCosimRandom(w, from, to, { workDir });
    case 'mutants':
      return runMutants(w, from, to);
    case 'formal':
      return runFormal(w, from, to, { workDir });
    case 'ski-programs':
      return runSkiPrograms(w, from, to, { workDir });
  }
}

export interface ShardRunOptions {
  /** Where the shard's own files go (divergence reports, coverage.dat, programs). */
  readonly workDir: string;
  /** The source hash to record (default: regress/source-hash.ts of this package). */
  readonly sourceHash?: string;
}

export async function runShard(w: WorkloadSpec, shard: Shard, o: ShardRunOptions): Promise<ShardResult> {
  const { unit, total } = workloadItems(w);
  const { from, to } = shardRange(total, shard);
  const startedAt = new Date().toISOString();
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  let outcome: ShardOutcome | undefined, error: string | undefined;
  try {
    outcome = await runItems(w, from, to, o.workDir);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const cpu = process.cpuUsage(c0);
  return {
    schema: RESULT_SCHEMA,
    version: RESULT_VERSION,
    workload: w,
    configHash: configHash(w),
    sourceHash: o.sourceHash ?? sourceHash(),
    shard,
    items: { unit, total, from, to },
    status: outcome ? 'ok' : 'failed',
    ...(error !== undefined ? { error } : {}),
    counts: outcome?.counts ?? {},
    mismatches: outcome?.mismatches ?? [],
    bins: outcome?.bins ?? {},
    ...(outcome?.rtlCoverage ? { rtlCoverage: outcome.rtlCoverage } : {}),
    timings: {
      startedAt,
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      host: hostname(),
    },
  };
}
