// Merges shard results into one: refuses results of another configuration, source or shard
// count; names missing and failed shards; adds counts, coverage bins and RTL coverage points;
// lists mismatches in the unsharded run's order (per `firstOf` group only the first). Linear
// in the total size of the results (one pass, hash maps).
import { compareOrder } from './order.js';
import type { ResultMismatch, ShardResult } from './result.js';
import type { WorkloadSpec } from './workloads/spec.js';

export interface MergedResult {
  readonly workload: WorkloadSpec;
  readonly configHash: string;
  readonly sourceHash: string;
  readonly shards: number;
  readonly items: { readonly unit: string; readonly total: number; readonly done: number };
  /** Shard indices with no result. */
  readonly missing: readonly number[];
  /** Shards that stopped with an error: index and error. */
  readonly failed: readonly { readonly index: number; readonly error: string }[];
  readonly complete: boolean;
  readonly counts: Readonly<Record<string, number>>;
  readonly mismatches: readonly ResultMismatch[];
  readonly bins: Readonly<Record<string, number>>;
  readonly rtlCoverage?: Readonly<Record<string, number>>;
  readonly timings: {
    /** Sum of the shards' wall times (the CPU-side cost of the run). */
    readonly shardSeconds: number;
    readonly cpuSeconds: number;
    /** The longest shard. */
    readonly slowestShard: number;
    readonly hosts: readonly string[];
  };
}

export class MergeError extends Error {
  override name = 'MergeError';
}

const sortedRecord = (m: Map<string, number>) =>
  Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function addAll(into: Map<string, number>, rec: Readonly<Record<string, number>>): void {
  for (const k in rec) into.set(k, (into.get(k) ?? 0) + rec[k]!);
}

/** `names[i]` names result i in errors (a file name). */
export function mergeResults(results: readonly ShardResult[], names: readonly string[] = []): MergedResult {
  if (results.length === 0) throw new MergeError('nothing to merge: no shard results given');
  const name = (i: number) => names[i] ?? `result ${i + 1}`;
  const first = results[0]!;
  const byIndex = new Map<number, number>();
  results.forEach((r, i) => {
    if (r.configHash !== first.configHash)
      throw new MergeError(
        `${name(i)} is from another configuration (${r.workload.kind} ${r.configHash.slice(7, 19)}) than ${name(0)} (${first.workload.kind} ${first.configHash.slice(7, 19)})`,
      );
    if (r.sourceHash !== first.sourceHash)
      throw new MergeError(
        `${name(i)} was run on other sources (${r.sourceHash.slice(7, 19)}) than ${name(0)} (${first.sourceHash.slice(7, 19)})`,
      );
    if (r.shard.count !== first.shard.count)
      throw new MergeError(
        `${name(i)} is shard ${r.shard.index}/${r.shard.count}, ${name(0)} of ${first.shard.count} shards`,
      );
    const prev = byIndex.get(r.shard.index);
    if (prev !== undefined)
      throw new MergeError(`shard ${r.shard.index}/${r.shard.count} given twice: ${name(prev)} and ${name(i)}`);
    byIndex.set(r.shard.index, i);
  });
  const n = first.shard.count;
  const missing: number[] = [];
  for (let s = 0; s < n; s++) if (!byIndex.has(s)) missing.push(s);
  const counts = new Map<string, number>(),
    bins = new Map<string, number>(),
    rtl = new Map<string, number>();
  const failed: { index: number; error: string }[] = [];
  const firstOf = new Map<string, ResultMismatch>();
  const mismatches: ResultMismatch[] = [];
  let shardSeconds = 0,
    cpuSeconds = 0,
    slowest = 0,
    done = 0,
    withRtl = false;
  const hosts = new Set<string>();
  for (const r of [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, i]) => results[i]!)) {
    shardSeconds += r.timings.seconds;
    cpuSeconds += r.timings.cpuSeconds;
    slowest = Math.max(slowest, r.timings.seconds);
    hosts.add(r.timings.host);
    if (r.status !== 'ok') {
      failed.push({ index: r.shard.index, error: r.error ?? 'failed' });
      continue;
    }
    done += r.items.to - r.items.from;
    addAll(counts, r.counts);
    addAll(bins, r.bins);
    if (r.rtlCoverage) {
      withRtl = true;
      addAll(rtl, r.rtlCoverage);
    }
    for (const m of r.mismatches) {
      if (m.firstOf === undefined) mismatches.push(m);
      else {
        const had = firstOf.get(m.firstOf);
        if (!had || compareOrder(m.order, had.order) < 0) firstOf.set(m.firstOf, m);
      }
    }
  }
  mismatches.push(...firstOf.values());
  mismatches.sort((a, b) => compareOrder(a.order, b.order));
  return {
    workload: first.workload,
    configHash: first.configHash,
    sourceHash: first.sourceHash,
    shards: n,
    items: { unit: first.items.unit, total: first.items.total, done },
    missing,
    failed,
    complete: missing.length === 0 && failed.length === 0,
    counts: sortedRecord(counts),
    mismatches,
    bins: sortedRecord(bins),
    ...(withRtl ? { rtlCoverage: sortedRecord(rtl) } : {}),
    timings: { shardSeconds, cpuSeconds, slowestShard: slowest, hosts: [...hosts].sort() },
  };
}

/** What a merged result says, without timings: equal for any shard count of one run. */
export function mergedOutcome(m: MergedResult) {
  return { counts: m.counts, bins: m.bins, mismatches: m.mismatches, rtlCoverage: m.rtlCoverage, items: m.items };
}
