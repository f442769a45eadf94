// The folder of one regression run (`vti regress FILE --dir DIR`; `--resume DIR` reads it back):
//   regression.json        the parsed regression, the source hash, the shard attempts so far
//   results/<w>.<I>-of-<N>.json   one shard result each (written atomically by the shard)
//   work/<w>.<I>/          a shard's own files (divergence reports, coverage.dat, programs)
//   logs/                  each shard's output (local: task-<T>.log; Slurm: slurm-<job>_<T>.out)
//   slurm/regress.sbatch   the job-array script; slurm/jobs.json the submitted jobs
//   merged/<w>.json        the merged result per workload; summary.txt, summary.md
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Regression } from './regression.js';
import { resultName, writeResult } from './result.js';
import { writeFileAtomicInNewDir } from '../cache/atomic-write.js';

export interface RunDir {
  readonly root: string;
  readonly plan: string;
  readonly results: string;
  readonly work: string;
  readonly logs: string;
  readonly slurm: string;
  readonly merged: string;
}

export const runDir = (root: string): RunDir => ({
  root,
  plan: join(root, 'regression.json'),
  results: join(root, 'results'),
  work: join(root, 'work'),
  logs: join(root, 'logs'),
  slurm: join(root, 'slurm'),
  merged: join(root, 'merged'),
});

export interface Plan {
  readonly format: 'vti-regression-run';
  readonly version: 1;
  readonly regression: Regression;
  readonly sourceHash: string;
  readonly createdAt: string;
  /** Runs started per task (index → count), for the retry limit across resumes. */
  readonly attempts: Readonly<Record<string, number>>;
}

export function readPlan(d: RunDir): Plan {
  if (!existsSync(d.plan)) throw new Error(`${d.root}: no regression.json there (not a vti regress folder)`);
  const p = JSON.parse(readFileSync(d.plan, 'utf8')) as Plan;
  if (p.format !== 'vti-regression-run' || p.version !== 1)
    throw new Error(`${d.plan}: not a vti regression run (format ${String(p.format)} version ${String(p.version)})`);
  return p;
}

export const writePlan = (d: RunDir, p: Plan): void =>
  writeFileAtomicInNewDir(d.plan, JSON.stringify(p, null, 1) + '\n');

export const resultFile = (d: RunDir, workload: string, shard: number, shards: number): string =>
  join(d.results, resultName(workload, { index: shard, count: shards }));

export { writeResult };
