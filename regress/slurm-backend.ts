// The Slurm backend: the tasks become one job array (`sbatch --parsable --array=LIST`, the
// script in slurm/regress.sbatch), followed with `squeue -h -r -t all -j JOB -o %K|%T` (one
// machine-readable line per array element, finished ones included while the controller keeps
// them) and, once squeue has forgotten an element, `sacct -P --noheader -X -o JobID,State`
// when accounting is enabled. An element is over when it reaches a final state or leaves
// both; its result file then says whether it succeeded. Submitted jobs are recorded in
// slurm/jobs.json so a resumed driver follows the elements still queued instead of resubmitting.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomicInNewDir } from '../cache/atomic-write.js';
import type { Backend, Log } from './backend.js';
import type { RunDir } from './layout.js';
import type { Regression } from './regression.js';

const run = promisify(execFile);

/** States after which an array element does no more work (squeue/sacct names). */
export const FINAL_STATES = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'PREEMPTED',
  'OUT_OF_MEMORY',
  'BOOT_FAIL',
  'DEADLINE',
  'SPECIAL_EXIT',
  'REVOKED',
]);

/** "0-3,5,7-9" for [0,1,2,3,5,7,8,9] (sbatch --array's list syntax). */
export function arrayList(tasks: readonly number[]): string {
  const s = [...tasks].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    parts.push(i === j ? `${s[i]}` : `${s[i]}-${s[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Parses `squeue -h -r -o %K|%T` (or sacct -P JobID|State with JOB_TASK ids) lines: task → state. */
export function parseStates(text: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [id, state] = line.trim().split('|');
    if (!id || !state) continue;
    const task = Number(id.includes('_') ? id.slice(id.lastIndexOf('_') + 1) : id);
    // "CANCELLED by 0" → CANCELLED; pending ranges ("[3-5]") are not one element.
    if (Number.isInteger(task)) m.set(task, state.split(' ')[0]!);
  }
  return m;
}

export function sbatchScript(r: Regression, d: RunDir, vti: readonly string[], cwd: string): string {
  const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const s = r.slurm;
  return [
    '#!/bin/bash',
    `# vti regress: one array element per shard task (task T = element T); written by vti, regenerated on each submission.`,
    `#SBATCH --job-name=vti-${r.name}`,
    `#SBATCH --output=${join(d.logs, 'slurm-%A_%a.out')}`,
    `#SBATCH --cpus-per-task=${s.cpusPerTask}`,
    ...(s.partition ? [`#SBATCH --partition=${s.partition}`] : []),
    ...(s.timeLimit ? [`#SBATCH --time=${s.timeLimit}`] : []),
    ...s.extra.map((x) => `#SBATCH ${x}`),
    `cd ${q(cwd)}`,
    `exec ${[...vti, 'regress', '--worker', d.root].map(q).join(' ')} --task "$SLURM_ARRAY_TASK_ID"`,
    '',
  ].join('\n');
}

interface JobRecord {
  readonly job: string;
  readonly tasks: readonly number[];
  readonly attempt: number;
  readonly submittedAt: string;
}

export interface SlurmOptions {
  readonly dir: RunDir;
  readonly regression: Regression;
  readonly vti: readonly string[];
  /** Where the array elements start (the package's users' working folder). */
  readonly cwd: string;
  readonly pollSeconds?: number;
  readonly log: Log;
}

const jobsFile = (d: RunDir) => join(d.slurm, 'jobs.json');

function readJobs(d: RunDir): JobRecord[] {
  return existsSync(jobsFile(d)) ? (JSON.parse(readFileSync(jobsFile(d), 'utf8')) as JobRecord[]) : [];
}

async function squeueStates(job: string): Promise<Map<number, string>> {
  const { stdout } = await run('squeue', ['-h', '-r', '-t', 'all', '-j', job, '-o', '%K|%T']).catch(
    (e: { stdout?: string; stderr?: string }) => {
      // A job the controller no longer knows: "Invalid job id specified" — nothing listed.
      if (/Invalid job id/i.test(e.stderr ?? '')) return { stdout: '' };
      throw e;
    },
  );
  return parseStates(stdout);
}

async function sacctStates(job: string): Promise<Map<number, string> | undefined> {
  try {
    const { stdout } = await run('sacct', ['-j', job, '-P', '--noheader', '-X', '-o', 'JobID,State']);
    return parseStates(stdout);
  } catch {
    return undefined; // accounting disabled (no slurmdbd): the result files decide
  }
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

/** Waits until every task of `job` is over; logs each element's state changes. */
async function follow(job: string, tasks: readonly number[], o: SlurmOptions): Promise<void> {
  const seen = new Map<number, string>();
  const open = new Set(tasks);
  while (open.size > 0) {
    const q = await squeueStates(job);
    const gone = [...open].filter((t) => !q.has(t));
    const acct = gone.length ? await sacctStates(job) : undefined;
    for (const t of [...open]) {
      const state = q.get(t) ?? acct?.get(t) ?? 'GONE';
      if (seen.get(t) !== state) {
        seen.set(t, state);
        if (state !== 'PENDING') o.log(`slurm job ${job}_${t}: ${state}`);
      }
      if (FINAL_STATES.has(state) || state === 'GONE') open.delete(t);
    }
    if (open.size > 0) await sleep(o.pollSeconds ?? 2);
  }
}

export function slurmBackend(o: SlurmOptions): Backend {
  return {
    name: 'slurm',
    async run(tasks, attempt) {
      // A resumed driver: elements of earlier submissions still queued or running are followed, not resubmitted.
      const live = new Set<number>();
      for (const j of readJobs(o.dir)) {
        const q = await squeueStates(j.job);
        const active = [...q].filter(([t, s]) => tasks.includes(t) && !FINAL_STATES.has(s)).map(([t]) => t);
        if (active.length) {
          o.log(`slurm job ${j.job}: following ${active.length} element(s) still queued or running`);
          await follow(j.job, active, o);
          for (const t of active) live.add(t);
        }
      }
      const todo = tasks.filter((t) => !live.has(t));
      if (todo.length === 0) return;
      const script = join(o.dir.slurm, 'regress.sbatch');
      mkdirSync(o.dir.logs, { recursive: true }); // sbatch --output needs the folder
      writeFileAtomicInNewDir(script, sbatchScript(o.regression, o.dir, o.vti, o.cwd));
      const max = o.regression.slurm.maxParallel;
      const array = arrayList(todo) + (max ? `%${max}` : '');
      const { stdout } = await run('sbatch', ['--parsable', `--array=${array}`, script]);
      const job = stdout.trim().split(';')[0]!;
      if (!/^\d+$/.test(job)) throw new Error(`sbatch printed '${stdout.trim()}', not a job id`);
      writeFileAtomicInNewDir(
        jobsFile(o.dir),
        JSON.stringify(
          [...readJobs(o.dir), { job, tasks: todo, attempt, submittedAt: new Date().toISOString() }],
          null,
          1,
        ) + '\n',
      );
      o.log(`slurm: submitted job array ${job} (${todo.length} task(s): ${array})`);
      await follow(job, todo, o);
    },
  };
}
