// Deterministic shards: shard I of N (0-based, "I/N" on the command line) takes a contiguous,
// balanced range of a workload's items — items floor(I·T/N) .. floor((I+1)·T/N) − 1 of T. The
// ranges of I = 0..N−1 are disjoint and cover 0..T−1 in order, so the union of the N shards is
// exactly the unsharded run (docs/regress.md names each workload's items).

export interface Shard {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

/** The whole run as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

export const MAX_SHARDS = 100_000;

/** Parses "I/N" (0 <= I < N <= 100000); the error is one line saying what is allowed. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new ShardError(`shard '${text}' is not of the form I/N (e.g. 0/4: the first of four shards)`);
  const index = Number(m[1]),
    count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`shard '${text}': N must be between 1 and ${MAX_SHARDS}`);
  if (index >= count) throw new ShardError(`shard '${text}': I must be between 0 and N-1 = ${count - 1}`);
  return { index, count };
}

export class ShardError extends Error {
  override name = 'ShardError';
}

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;

/** Items [from, to) of `total` that shard `s` owns. */
export function shardRange(total: number, s: Shard): { readonly from: number; readonly to: number } {
  return { from: Math.floor((s.index * total) / s.count), to: Math.floor(((s.index + 1) * total) / s.count) };
}
