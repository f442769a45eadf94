// --shard I/N and --result FILE of `vti cosim` and `vti formal`: run one deterministic shard of
// the command's work (regress/shard.ts: contiguous ranges of seeds, batches, mutants or checks)
// and write its mergeable result (regress/result.ts) for `vti merge`.
import { dirname, join, resolve } from 'node:path';
import type { FlagSpecs, Parsed } from './args.js';
import { UserError } from './errors.js';
import { outDir } from './dirs.js';
import { makeDir } from '../cache/atomic-write.js';
import { parseShard, ShardError, WHOLE, type Shard } from '../regress/shard.js';
import { resultName, writeResult } from '../regress/result.js';
import { runShard } from '../regress/run-shard.js';
import { mergeResults } from '../regress/merge.js';
import { formatMerged } from '../regress/format.js';
import type { WorkloadSpec } from '../regress/workloads/spec.js';

export const SHARD_FLAGS: FlagSpecs = {
  shard: {
    type: 'string',
    metavar: 'I/N',
    help: 'run shard I (0-based) of N of this run (docs/regress.md: which seeds, batches, mutants or checks) and write its result for `vti merge`',
  },
  result: {
    type: 'string',
    metavar: 'FILE',
    help: 'the shard result JSON (default out/results/<workload>.<I>-of-<N>.json; alone: the whole run as shard 0/1)',
  },
};

/** Whether this run is a shard (--shard or --result given). */
export const shardRequested = (p: Parsed): boolean => p.flags.shard !== undefined || p.flags.result !== undefined;

export function shardOf(p: Parsed): Shard {
  if (p.flags.shard === undefined) return WHOLE;
  try {
    return parseShard(p.flags.shard as string);
  } catch (e) {
    if (e instanceof ShardError) throw new UserError(`--shard: ${e.message}`, 2);
    throw e;
  }
}

/** Runs the shard, writes its result atomically, prints its summary (or the result with --json); exit 1 on mismatches or failure. */
export async function runShardCommand(p: Parsed, w: WorkloadSpec): Promise<number> {
  const shard = shardOf(p);
  const file = resolve((p.flags.result as string | undefined) ?? join(outDir(), 'results', resultName(w.kind, shard)));
  makeDir(dirname(file));
  const r = await runShard(w, shard, {
    workDir: join(outDir(), 'shards', `${w.kind}.${shard.index}-of-${shard.count}`),
  });
  writeResult(file, r);
  if (p.flags.json === true) process.stdout.write(JSON.stringify(r, null, 1) + '\n');
  else {
    process.stdout.write(
      `shard ${shard.index}/${shard.count}: ${r.items.unit} ${r.items.from}..${r.items.to - 1} of ${r.items.total}\n`,
    );
    process.stdout.write(formatMerged({ ...mergeResults([r]), missing: [], complete: r.status === 'ok' }));
    process.stdout.write(`result: ${file}\n`);
  }
  if (r.status !== 'ok') throw new UserError(`shard ${shard.index}/${shard.count} failed: ${r.error}`);
  return r.mismatches.length > 0 ? 1 : 0;
}
