// `vti regress` end to end: one small regression file run on the local backend (child
// processes), on a real one-node Slurm cluster (scripts/slurm-local.sh, started here if not
// running; .ci/run starts it too) as a job array, and unsharded; the three merged results
// are equal. Resuming picks up from results on disk; failed shards are re-run up to the limit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { drive, startRun } from '../../regress/driver.js';
import { mergedOutcome, type MergedResult } from '../../regress/merge.js';
import { parseRegression, tasksOf } from '../../regress/regression.js';
import { runTask } from '../../regress/worker.js';
import type { Backend } from '../../regress/backend.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'vti-regress-run-'));

/** Two workloads, two shards each: tiny, so four `vti` processes finish in seconds on 2 cores. */
const REGRESSION = {
  name: 'tiny',
  shards: 2,
  retries: 1,
  workloads: {
    blocks: {
      kind: 'cosim-blocks',
      blocks: ['vti_vmsw', 'vti_addr_check'],
      vectors: 3000,
      batch: 1000,
      seed: 5,
      engine: 'builtin',
    },
    random: { kind: 'cosim-random', programs: 2, items: 20, seed: 7, engine: 'builtin' },
  },
};
const file = join(tmp, 'tiny.json');
writeFileSync(file, JSON.stringify(REGRESSION));

function vti(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vti.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const merged = (dir: string, w: string) =>
  mergedOutcome(JSON.parse(readFileSync(join(dir, 'merged', `${w}.json`), 'utf8')) as MergedResult);

/** The same workloads as one shard each (the unsharded run), merged. */
function unsharded(): string {
  const one = { ...REGRESSION, name: 'whole', shards: 1 };
  const f = join(tmp, 'whole.json');
  writeFileSync(f, JSON.stringify(one));
  const r = vti('regress', f, '--dir', join(tmp, 'whole'), '--jobs', '2');
  expect(r.stderr).not.toMatch(/without a result/);
  expect(r.status).toBe(0);
  return join(tmp, 'whole');
}

describe('vti regress: local backend, Slurm job array and the unsharded run agree', () => {
  let whole = '';
  beforeAll(() => {
    whole = unsharded();
  }, 300_000);

  it('local backend: a worker process per core, merged result equal to the unsharded run', () => {
    const dir = join(tmp, 'local');
    const r = vti('regress', file, '--dir', dir, '--backend', 'local', '--jobs', '2');
    expect(r.stderr).toContain('local: 4 of 4 task(s) to run');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'results')).sort()).toEqual([
      'blocks.0-of-2.json',
      'blocks.1-of-2.json',
      'random.0-of-2.json',
      'random.1-of-2.json',
    ]);
    for (const w of ['blocks', 'random']) expect(merged(dir, w)).toEqual(merged(whole, w));
    expect(merged(dir, 'random').counts.programs).toBe(2);
  }, 300_000);

  it('Slurm: one job array on the local cluster, merged result equal to the unsharded run', () => {
    // Idempotent: starts munge, slurmctld and slurmd unless they run; returns when the node is idle.
    execFileSync(join(ROOT, 'scripts/slurm-local.sh'), { stdio: 'pipe', timeout: 120_000 });
    const dir = join(tmp, 'slurm');
    const r = vti('regress', file, '--dir', dir, '--backend', 'slurm', '--poll', '1');
    expect(r.stderr).toMatch(/slurm: submitted job array \d+ \(4 task\(s\): 0-3\)/);
    expect(r.stderr).toMatch(/slurm job \d+_3: COMPLETED/);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'slurm', 'regress.sbatch'), 'utf8')).toContain('--task "$SLURM_ARRAY_TASK_ID"');
    for (const w of ['blocks', 'random']) expect(merged(dir, w)).toEqual(merged(whole, w));
  }, 300_000);

  it('--resume runs only the shards without a result (a killed driver loses nothing written)', async () => {
    const dir = join(tmp, 'resume');
    const reg = parseRegression(REGRESSION, 'tiny');
    startRun(dir, reg);
    await runTask(dir, 0); // as if the driver had been killed after one shard
    writeFileSync(join(dir, 'results', '.random.0-of-2.json.999.tmp'), '{"half": '); // a shard killed mid-write
    const r = vti('regress', '--resume', dir, '--jobs', '2');
    expect(r.stderr).toContain('local: 3 of 4 task(s) to run');
    expect(r.status).toBe(0);
    for (const w of ['blocks', 'random']) expect(merged(dir, w)).toEqual(merged(whole, w));
  }, 300_000);
});

describe('the driver re-runs failed shards up to the limit', () => {
  /** Runs the tasks of the run in `dir` in this process; task 1's first `failures` attempts end without a result. */
  const flaky = (dir: string, failures: number): Backend & { runs: number[][] } => {
    let left = failures;
    const runs: number[][] = [];
    return {
      name: 'local',
      runs,
      async run(tasks) {
        runs.push([...tasks]);
        for (const t of tasks) {
          if (t === 1 && left > 0) left--;
          else await runTask(dir, t);
        }
      },
    };
  };
  const reg = parseRegression(
    { name: 'flaky', shards: 2, retries: 1, workloads: { blocks: REGRESSION.workloads.blocks } },
    'flaky',
  );

  it('a shard lost once is re-run and the merge is complete', async () => {
    const dir = join(tmp, 'flaky-1');
    startRun(dir, reg);
    const b = flaky(dir, 1);
    const out = await drive(dir, b, () => {});
    expect(b.runs).toEqual([[0, 1], [1]]);
    expect(out.unfinished).toEqual([]);
    expect(out.merged[0]!.complete).toBe(true);
  }, 120_000);

  it('a shard lost more often than the retries is named missing', async () => {
    const dir = join(tmp, 'flaky-3');
    startRun(dir, reg);
    const b = flaky(dir, 3);
    const out = await drive(dir, b, () => {});
    expect(b.runs).toEqual([[0, 1], [1]]);
    expect(out.unfinished).toEqual([tasksOf(reg)[1]!.index]);
    expect(out.merged[0]!.missing).toEqual([1]);
    expect(readFileSync(join(dir, 'summary.txt'), 'utf8')).toContain('missing shards: 1');
  }, 120_000);
});
