// Running the external compilers with captured output and readable failures.
import { execFile, spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a program; resolves with its exit code and output (ENOENT rejects). */
export function run(bin: string, args: string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(bin, args, { cwd, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err && typeof (err as NodeJS.ErrnoException).code === 'string') return reject(err);
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolvePromise({ code: typeof code === 'number' ? code : 1, stdout, stderr });
    });
  });
}

/**
 * `run` with a time limit: a program still running after `timeoutMs` is killed with everything
 * it started (it runs in its own process group: `verilator` is a script around verilator_bin,
 * `iverilog` a driver around ivl) and resolves with `timedOut` set.
 */
export function runWithTimeout(
  bin: string,
  args: string[],
  cwd: string | undefined,
  timeoutMs: number,
): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
      resolvePromise({ code: code ?? 1, stdout: text(out), stderr: text(err), timedOut });
    });
  });
}

/** Run a program and throw `what` plus its output if it fails. */
export async function runChecked(what: string, bin: string, args: string[], cwd?: string): Promise<RunResult> {
  const r = await run(bin, args, cwd).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT')
      throw new Error(`${what} failed: '${bin}' not found (a C++ compiler: \`apt-get install g++\`)`);
    throw e;
  });
  if (r.code !== 0) {
    const out = (r.stderr + r.stdout).trim().split('\n').slice(0, 60).join('\n');
    throw new Error(`${what} failed (exit ${r.code}):\n$ ${bin} ${args.join(' ')}\n${out}`);
  }
  return r;
}
