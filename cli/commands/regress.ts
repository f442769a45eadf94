// `vti regress FILE`: a regression (docs/regress.md) run as shards — locally (a child process
// per core) or as a Slurm job array — re-running failed shards, merging the results.
// `--resume DIR` goes on from the results on disk; `--worker DIR --task T` is one shard (what
// the backends start).
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { outDir } from '../dirs.js';
import { readRegression } from '../../regress/regression.js';
import { SpecError } from '../../regress/workloads/spec.js';
import { drive, startRun } from '../../regress/driver.js';
import { readPlan, runDir } from '../../regress/layout.js';
import { localBackend } from '../../regress/local-backend.js';
import { slurmBackend } from '../../regress/slurm-backend.js';
import { runTask } from '../../regress/worker.js';

/** The command that starts this same `vti` (node, its loader flags, bin/vti.js or cli/main.ts). */
const selfCommand = (): string[] => [process.execPath, ...process.execArgv, resolve(process.argv[1]!)];

export const command: Command = {
  summary:
    'run a regression file as shards, locally (a worker per core) or as a Slurm job array, and merge the results',
  usage: 'FILE [--dir DIR] [--backend local|slurm] [--jobs N] [--json]  |  --resume DIR [--backend local|slurm]',
  positionals: true,
  flags: {
    dir: { type: 'string', metavar: 'DIR', help: 'the run folder (default out/regress/<name>)' },
    resume: {
      type: 'string',
      metavar: 'DIR',
      help: 'go on with the run in DIR: run what has no result yet, then merge',
    },
    backend: { type: 'choice', choices: ['local', 'slurm'], default: 'local', help: 'where the shards run' },
    jobs: {
      type: 'int',
      metavar: 'N',
      min: 1,
      max: 1024,
      help: 'local backend: shards at once (default: one per core)',
    },
    poll: {
      type: 'int',
      metavar: 'S',
      min: 1,
      max: 600,
      default: 2,
      help: 'slurm backend: seconds between squeue polls',
    },
    json: { type: 'bool', help: 'print the merged results as JSON' },
    worker: { type: 'string', metavar: 'DIR', help: '(internal) run one task of the run in DIR (with --task)' },
    task: { type: 'int', metavar: 'T', min: 0, help: '(internal) with --worker: the task index' },
  },
  async run({ flags, positional, given }) {
    if (flags.worker !== undefined) {
      if (flags.task === undefined) throw new UserError('--worker needs --task T', 2);
      let r: Awaited<ReturnType<typeof runTask>>;
      try {
        r = await runTask(resolve(flags.worker as string), flags.task as number);
      } catch (e) {
        // A run folder that is not one, a task out of range, sources changed since the start.
        throw new UserError(e instanceof Error ? e.message : String(e));
      }
      process.stdout.write(
        `task ${String(flags.task)}: ${r.status}${r.error ? `: ${r.error}` : ''} (${r.timings.seconds.toFixed(1)} s)\n`,
      );
      return r.status === 'ok' ? 0 : 1;
    }
    if (given?.has('task')) throw new UserError('--task applies only with --worker', 2);
    let dir: string;
    if (flags.resume !== undefined) {
      if (positional.length) throw new UserError('--resume DIR takes no regression file (it is in DIR)', 2);
      if (given?.has('dir')) throw new UserError('--resume DIR and --dir exclude each other', 2);
      dir = resolve(flags.resume as string);
      try {
        readPlan(runDir(dir));
      } catch (e) {
        throw new UserError((e as Error).message);
      }
    } else {
      if (positional.length !== 1)
        throw new UserError('give one regression file (vti regress FILE), or --resume DIR', 2);
      let reg: ReturnType<typeof readRegression>;
      try {
        reg = readRegression(positional[0]!);
      } catch (e) {
        if (e instanceof SpecError) throw new UserError(e.message, 2);
        throw e;
      }
      dir = resolve((flags.dir as string | undefined) ?? join(outDir(), 'regress', reg.name));
      try {
        startRun(dir, reg);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
    }
    const d = runDir(dir);
    const log = (line: string) => process.stderr.write(`vti regress: ${line}\n`);
    const vti = selfCommand();
    const backend =
      flags.backend === 'slurm'
        ? slurmBackend({
            dir: d,
            regression: readPlan(d).regression,
            vti,
            cwd: process.cwd(),
            pollSeconds: flags.poll as number,
            log,
          })
        : localBackend({ dir: d, vti, jobs: (flags.jobs as number | undefined) ?? availableParallelism(), log });
    const out = await drive(dir, backend, log);
    if (flags.json) process.stdout.write(JSON.stringify(out.merged, null, 1) + '\n');
    else
      process.stdout.write(
        `${out.summary}\nrun folder ${dir} (merged/, summary.txt, summary.md); ${out.seconds.toFixed(1)} s\n`,
      );
    if (out.unfinished.length)
      log(`${out.unfinished.length} task(s) without a result after the retries: ${out.unfinished.join(', ')}`);
    return out.unfinished.length === 0 && out.merged.every((m) => m.mismatches.length === 0) ? 0 : 1;
  },
};
