// Merges shard results into one: refuses results of another configuration, source or shard
// count; names missing and failed shards; adds counts, coverage bins and RTL coverage points;
// lists mismatches in the unsharded run's order (per `firstOf` group only the first). Linear
// in the total size of the results (one pass, hash maps).
import { compareOrder } from './order.js';
import type { Findings, ResultMismatch, ShardResult } from './result.js';
import type { WorkloadSpec } from './workloads/spec.js';

export interface MergedResult extends Findings {
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

/**
 * Folds shard results in one at a time (a caller reading files can drop each after `add`, so
 * memory stays that of one result plus the sums): linear in the results' total size.
 */
export class Merger {
  private first: ShardResult | undefined;
  private firstName = '';
  private readonly seen = new Map<number, string>();
  private readonly counts = new Map<string, number>();
  private readonly bins = new Map<string, number>();
  private readonly rtl = new Map<string, number>();
  private readonly failed: { index: number; error: string }[] = [];
  private readonly firstOf = new Map<string, ResultMismatch>();
  private readonly mismatches: ResultMismatch[] = [];
  private shardSeconds = 0;
  private cpuSeconds = 0;
  private slowest = 0;
  private done = 0;
  private withRtl = false;
  private readonly hosts = new Set<string>();

  /** `name` names the result in errors (its file). */
  add(r: ShardResult, name: string): void {
    const first = this.first ?? r;
    if (!this.first) {
      this.first = r;
      this.firstName = name;
    }
    const f = this.firstName;
    if (r.configHash !== first.configHash)
      throw new MergeError(
        `${name} is from another configuration (${r.workload.kind} ${r.configHash.slice(7, 19)}) than ${f} (${first.workload.kind} ${first.configHash.slice(7, 19)})`,
      );
    if (r.sourceHash !== first.sourceHash)
      throw new MergeError(
        `${name} was run on other sources (${r.sourceHash.slice(7, 19)}) than ${f} (${first.sourceHash.slice(7, 19)})`,
      );
    if (r.shard.count !== first.shard.count)
      throw new MergeError(`${name} is shard ${r.shard.index}/${r.shard.count}, ${f} of ${first.shard.count} shards`);
    const prev = this.seen.get(r.shard.index);
    if (prev !== undefined)
      throw new MergeError(`shard ${r.shard.index}/${r.shard.count} given twice: ${prev} and ${name}`);
    this.seen.set(r.shard.index, name);
    this.shardSeconds += r.timings.seconds;
    this.cpuSeconds += r.timings.cpuSeconds;
    this.slowest = Math.max(this.slowest, r.timings.seconds);
    this.hosts.add(r.timings.host);
    if (r.status !== 'ok') {
      this.failed.push({ index: r.shard.index, error: r.error ?? 'failed' });
      return;
    }
    this.done += r.items.to - r.items.from;
    addAll(this.counts, r.counts);
    addAll(this.bins, r.bins);
    if (r.rtlCoverage) {
      this.withRtl = true;
      addAll(this.rtl, r.rtlCoverage);
    }
    for (const m of r.mismatches) {
      if (m.firstOf === undefined) this.mismatches.push(m);
      else {
        const had = this.firstOf.get(m.firstOf);
        if (!had || compareOrder(m.order, had.order) < 0) this.firstOf.set(m.firstOf, m);
      }
    }
  }

  finish(): MergedResult {
    const first = this.first;
    if (!first) throw new MergeError('nothing to merge: no shard results given');
    const n = first.shard.count;
    const missing: number[] = [];
    for (let s = 0; s < n; s++) if (!this.seen.has(s)) missing.push(s);
    const mismatches = [...this.mismatches, ...this.firstOf.values()].sort((a, b) => compareOrder(a.order, b.order));
    const failed = [...this.failed].sort((a, b) => a.index - b.index);
    return {
      workload: first.workload,
      configHash: first.configHash,
      sourceHash: first.sourceHash,
      shards: n,
      items: { unit: first.items.unit, total: first.items.total, done: this.done },
      missing,
      failed,
      complete: missing.length === 0 && failed.length === 0,
      counts: sortedRecord(this.counts),
      mismatches,
      bins: sortedRecord(this.bins),
      ...(this.withRtl ? { rtlCoverage: sortedRecord(this.rtl) } : {}),
      timings: {
        shardSeconds: this.shardSeconds,
        cpuSeconds: this.cpuSeconds,
        slowestShard: this.slowest,
        hosts: [...this.hosts].sort(),
      },
    };
  }
}

/** `names[i]` names result i in errors (a file name). */
export function mergeResults(results: readonly ShardResult[], names: readonly string[] = []): MergedResult {
  const m = new Merger();
  for (const [i, r] of results.entries()) m.add(r, names[i] ?? `result ${i + 1}`);
  return m.finish();
}

/** What a merged result says, without timings: equal for any shard count of one run. */
export function mergedOutcome(m: MergedResult) {
  return { counts: m.counts, bins: m.bins, mismatches: m.mismatches, rtlCoverage: m.rtlCoverage, items: m.items };
}
