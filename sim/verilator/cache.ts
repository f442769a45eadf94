// Content-addressed build directories under .cache/verilator. A build is written into
// a private temp dir and published with one rename(), so two processes building the
// same key at once never see a half-written directory: the loser discards its copy.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve, dirname } from 'node:path';

/**
 * Default cache root: $VTI_VERILATOR_CACHE, else .cache/verilator under the current working
 * directory — the user's project, never next to this file (an installed package must not
 * write into node_modules). Callers that know better pass `cacheDir` to buildVerilatorModel.
 */
export function defaultCacheDir(): string {
  return resolve(process.env.VTI_VERILATOR_CACHE || join('.cache', 'verilator'));
}

/** Hex sha256 of a JSON-serialisable description (object keys in the given order). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lock is stale when its owner process is gone or it is older than 10 minutes. */
function lockIsStale(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) return true;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    process.kill(pid, 0);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ESRCH'; // owner died; ENOENT: lock just vanished, retry anyway
  }
}

/**
 * Return `final` if it already exists; otherwise run `fill(tmpDir)` in a fresh temp
 * directory next to it and rename that into place. `fill` must leave a complete build.
 * A `<final>.lock` file makes concurrent processes (parallel test workers) wait for the
 * first builder instead of compiling the same thing twice; the rename alone would
 * already keep the result consistent, the lock only saves CPU.
 */
export async function publishDir(
  final: string,
  fill: (tmp: string) => Promise<void>,
): Promise<{ dir: string; built: boolean }> {
  if (existsSync(final)) return { dir: final, built: false };
  const parent = dirname(final);
  mkdirSync(parent, { recursive: true });
  const lock = `${final}.lock`;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (existsSync(final)) return { dir: final, built: false };
      if (lockIsStale(lock)) rmSync(lock, { force: true });
      else await sleep(50);
    }
  }
  try {
    return await publishLocked(final, parent, fill);
  } finally {
    rmSync(lock, { force: true });
  }
}

async function publishLocked(
  final: string,
  parent: string,
  fill: (tmp: string) => Promise<void>,
): Promise<{ dir: string; built: boolean }> {
  if (existsSync(final)) return { dir: final, built: false };
  const tmp = join(parent, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    await fill(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  try {
    renameSync(tmp, final);
    return { dir: final, built: true };
  } catch (e) {
    // Someone else published the same key first: theirs is equivalent, keep it.
    const code = (e as NodeJS.ErrnoException).code;
    rmSync(tmp, { recursive: true, force: true });
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(final)) return { dir: final, built: false };
    throw e;
  }
}
