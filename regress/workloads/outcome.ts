// What a workload's shard hands back (regress/run-shard.ts wraps it into a ShardResult).
import type { ResultMismatch } from '../result.js';

export interface ShardOutcome {
  readonly counts: Record<string, number>;
  readonly mismatches: ResultMismatch[];
  readonly bins: Record<string, number>;
  readonly rtlCoverage?: Record<string, number>;
}

export const emptyOutcome = (): ShardOutcome => ({ counts: {}, mismatches: [], bins: {} });

/** Adds `n` to `rec[key]`. */
export function add(rec: Record<string, number>, key: string, n: number): void {
  rec[key] = (rec[key] ?? 0) + n;
}

/** For each part (block, sweep point) of `sizes` items in order: the part's own range within [from, to). */
export function partsOf(
  sizes: readonly number[],
  from: number,
  to: number,
): { readonly part: number; readonly from: number; readonly to: number }[] {
  const out = [];
  let base = 0;
  for (const [part, n] of sizes.entries()) {
    const a = Math.max(from, base),
      b = Math.min(to, base + n);
    if (a < b) out.push({ part, from: a - base, to: b - base });
    base += n;
  }
  return out;
}
