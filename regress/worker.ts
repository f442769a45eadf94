// One task of a regression run (`vti regress --worker DIR --task T`, what every local child
// process and every Slurm array element runs): shard I of workload W, result written
// atomically into DIR/results. Refuses to run on other sources than the run started with.
import { join } from 'node:path';
import { readPlan, resultFile, runDir } from './layout.js';
import { tasksOf } from './regression.js';
import { writeResult, type ShardResult } from './result.js';
import { runShard } from './run-shard.js';
import { sourceHash } from './source-hash.js';

export async function runTask(dir: string, task: number): Promise<ShardResult> {
  const d = runDir(dir);
  const plan = readPlan(d);
  const tasks = tasksOf(plan.regression);
  const t = tasks[task];
  if (!t) throw new Error(`task ${task}: the regression has tasks 0..${tasks.length - 1}`);
  const here = sourceHash();
  if (here !== plan.sourceHash)
    throw new Error(
      `the sources changed since this regression started (${plan.sourceHash.slice(7, 19)} → ${here.slice(7, 19)}); start a new run`,
    );
  const r = await runShard(
    t.workload.spec,
    { index: t.shard, count: t.workload.shards },
    { workDir: join(d.work, `${t.workload.name}.${t.shard}`), sourceHash: here },
  );
  writeResult(resultFile(d, t.workload.name, t.shard, t.workload.shards), r);
  return r;
}
