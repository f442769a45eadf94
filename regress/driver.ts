// `vti regress`: starts a run folder from a regression (or resumes one), runs the tasks that
// have no successful result yet on a backend, re-runs failed or lost ones up to the
// regression's retry limit, and merges each workload's shard results. Everything it needs to
// go on is on disk (regression.json with the attempts, results/), so a killed driver is
// resumed with `vti regress --resume DIR`, and a killed shard is re-run.
import { existsSync, mkdirSync } from 'node:fs';
import { writeFileAtomicInNewDir } from '../cache/atomic-write.js';
import type { Backend, Log } from './backend.js';
import { formatMerged, markdownSection } from './format.js';
import { readPlan, resultFile, runDir, writePlan, type Plan, type RunDir } from './layout.js';
import { mergeResults, type MergedResult } from './merge.js';
import { tasksOf, type Regression, type Task } from './regression.js';
import { readResult, type ShardResult } from './result.js';
import { sourceHash } from './source-hash.js';
import { join } from 'node:path';

/** Creates the run folder for `r` (refuses one that holds another regression). */
export function startRun(dir: string, r: Regression): RunDir {
  const d = runDir(dir);
  const hash = sourceHash();
  if (existsSync(d.plan)) {
    const p = readPlan(d);
    if (JSON.stringify(p.regression) !== JSON.stringify(r))
      throw new Error(`${dir} holds another regression's run; use --resume ${dir}, or another --dir`);
    if (p.sourceHash !== hash) throw new Error(`${dir} was run on other sources; start in another --dir`);
    return d;
  }
  mkdirSync(d.results, { recursive: true });
  writePlan(d, {
    format: 'vti-regression-run',
    version: 1,
    regression: r,
    sourceHash: hash,
    createdAt: new Date().toISOString(),
    attempts: {},
  });
  return d;
}

/** The task's result on disk, if whole and readable. */
function resultOf(d: RunDir, t: Task): ShardResult | undefined {
  const f = resultFile(d, t.workload.name, t.shard, t.workload.shards);
  if (!existsSync(f)) return undefined;
  try {
    return readResult(f);
  } catch {
    return undefined;
  }
}

export interface RegressionOutcome {
  readonly merged: readonly MergedResult[];
  /** Tasks that never produced a successful result within the retry limit. */
  readonly unfinished: readonly number[];
  readonly summary: string;
  readonly seconds: number;
}

export async function drive(dir: string, backend: Backend, log: Log): Promise<RegressionOutcome> {
  const t0 = performance.now();
  const d = runDir(dir);
  let plan: Plan = readPlan(d);
  const tasks = tasksOf(plan.regression);
  const ok = (t: Task) => resultOf(d, t)?.status === 'ok';
  for (;;) {
    const todo = tasks.filter((t) => !ok(t) && (plan.attempts[t.index] ?? 0) <= plan.regression.retries);
    if (todo.length === 0) break;
    const attempt = Math.max(...todo.map((t) => plan.attempts[t.index] ?? 0));
    const attempts = { ...plan.attempts };
    for (const t of todo) attempts[t.index] = (attempts[t.index] ?? 0) + 1;
    plan = { ...plan, attempts };
    writePlan(d, plan);
    log(
      `${backend.name}: ${todo.length} of ${tasks.length} task(s) to run${attempt > 0 ? ` (re-run ${attempt})` : ''}`,
    );
    await backend.run(
      todo.map((t) => t.index),
      attempt,
    );
    for (const t of todo)
      if (!ok(t)) {
        const r = resultOf(d, t);
        log(
          `task ${t.index} (${t.workload.name} shard ${t.shard}/${t.workload.shards}): ${r ? `failed: ${r.error}` : 'no result'}`,
        );
      }
  }
  const merged = plan.regression.workloads.map((w) => {
    const results = tasks
      .filter((t) => t.workload === w || t.workload.name === w.name)
      .flatMap((t) => resultOf(d, t) ?? []);
    return results.length ? mergeResults(results) : emptyMerge(w.name, w.shards, plan);
  });
  mkdirSync(d.merged, { recursive: true });
  for (const [i, m] of merged.entries())
    writeFileAtomicInNewDir(
      join(d.merged, `${plan.regression.workloads[i]!.name}.json`),
      JSON.stringify(m, null, 1) + '\n',
    );
  const summary = plan.regression.workloads.map((w, i) => `[${w.name}] ${formatMerged(merged[i]!)}`).join('\n');
  writeFileAtomicInNewDir(join(d.root, 'summary.txt'), summary);
  writeFileAtomicInNewDir(join(d.root, 'summary.md'), markdownSection(merged));
  return {
    merged,
    unfinished: tasks.filter((t) => !ok(t)).map((t) => t.index),
    summary,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** A workload none of whose shards wrote a result: every shard missing. */
function emptyMerge(name: string, shards: number, plan: Plan): MergedResult {
  const w = plan.regression.workloads.find((x) => x.name === name)!;
  return {
    workload: w.spec,
    configHash: '',
    sourceHash: plan.sourceHash,
    shards,
    items: { unit: '', total: 0, done: 0 },
    missing: Array.from({ length: shards }, (_, i) => i),
    failed: [],
    complete: false,
    counts: {},
    mismatches: [],
    bins: {},
    timings: { shardSeconds: 0, cpuSeconds: 0, slowestShard: 0, hosts: [] },
  };
}
