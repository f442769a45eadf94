// The local backend: one child process per task (`vti regress --worker DIR --task T`), at most
// `jobs` at a time (default: one per core); each task's output goes to logs/task-<T>.log.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Backend, Log } from './backend.js';
import type { RunDir } from './layout.js';

export interface LocalOptions {
  readonly dir: RunDir;
  /** The command that runs `vti` (e.g. [node, bin/vti.js]); the worker arguments are appended. */
  readonly vti: readonly string[];
  readonly jobs?: number;
  readonly log: Log;
}

export function localBackend(o: LocalOptions): Backend {
  const jobs = Math.max(1, o.jobs ?? availableParallelism());
  const one = (task: number) =>
    new Promise<void>((done) => {
      mkdirSync(o.dir.logs, { recursive: true });
      const fd = openSync(join(o.dir.logs, `task-${task}.log`), 'a');
      const child = spawn(o.vti[0]!, [...o.vti.slice(1), 'regress', '--worker', o.dir.root, '--task', String(task)], {
        stdio: ['ignore', fd, fd],
      });
      child.on('error', (e) => {
        o.log(`task ${task}: could not start: ${e.message}`);
        closeSync(fd);
        done();
      });
      child.on('exit', (code, signal) => {
        closeSync(fd);
        if (code !== 0) o.log(`task ${task}: exited ${signal ? `on ${signal}` : `with ${code}`}`);
        done();
      });
    });
  return {
    name: 'local',
    async run(tasks) {
      const queue = [...tasks];
      const lane = async () => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift()) await one(t);
      };
      await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
    },
  };
}
