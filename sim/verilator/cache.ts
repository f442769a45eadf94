// Content-addressed build directories under .cache/verilator. A build is written into
// a private temp dir and published with one rename(), so two processes building the
// same key at once never see a half-written directory: the loser discards its copy.
// An entry with a manifest (cache/manifest.ts) is checked before use; a damaged one is moved
// aside and rebuilt, with one line saying so.
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
import { manifestProblem, writeManifest } from '../../cache/manifest.js';
import { type CacheNotice, cacheSubdir, noticeOnStderr, processTempDir } from '../../cache/root.js';

let offDir: string | undefined;

/**
 * Default cache root: $VTI_VERILATOR_CACHE, else verilator/ below $VTI_CACHE_DIR, else
 * .cache/verilator under the current working directory — the user's project, never next to
 * this file (an installed package must not write into node_modules). With VTI_CACHE_DIR=off, a
 * temporary folder removed at exit (a model must be a file to be loaded). Callers that know
 * better pass `cacheDir` to buildVerilatorModel.
 */
export function defaultCacheDir(): string {
  if (process.env.VTI_VERILATOR_CACHE) return resolve(process.env.VTI_VERILATOR_CACHE);
  const dir = cacheSubdir('verilator');
  if (dir !== undefined) return dir;
  offDir ??= processTempDir('vti-verilator');
  return offDir;
}

/** How publishDir checks an entry: the files its manifest records, and what to call the entry. */
export interface EntryCheck {
  /** Paths relative to the entry: recorded (size, sha256) when built, compared before use. */
  readonly files: readonly string[];
  /** The entry in the notice, e.g. "the Verilator model of vti_core". */
  readonly what: string;
  readonly say?: CacheNotice;
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

/** What is wrong with the published entry (undefined: usable). Without a check, existing is enough. */
function entryProblem(final: string, check: EntryCheck | undefined): string | undefined {
  if (!existsSync(final)) return 'missing';
  return check ? manifestProblem(final, check.files) : undefined;
}

/**
 * Return `final` if it already exists (and, with `check`, matches its manifest); otherwise run
 * `fill(tmpDir)` in a fresh temp directory next to it and rename that into place. `fill` must
 * leave a complete build. A `<final>.lock` file makes concurrent processes (parallel test
 * workers) wait for the first builder instead of compiling the same thing twice; the rename
 * alone would already keep the result consistent, the lock only saves CPU. A damaged entry
 * is replaced under the lock, so only one process rebuilds it and says so.
 */
export async function publishDir(
  final: string,
  fill: (tmp: string) => Promise<void>,
  check?: EntryCheck,
): Promise<{ dir: string; built: boolean }> {
  if (entryProblem(final, check) === undefined) return { dir: final, built: false };
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
      // Someone builds (or repairs) it: wait for the lock to go, then look again under it.
      if (lockIsStale(lock)) rmSync(lock, { force: true });
      else await sleep(50);
    }
  }
  try {
    return await publishLocked(final, parent, fill, check);
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Move a damaged entry out of the way (one rename, so no reader sees it half-deleted), then delete it. */
function discard(final: string, parent: string): void {
  const aside = join(parent, `damaged-${process.pid}-${randomBytes(4).toString('hex')}`);
  renameSync(final, aside);
  rmSync(aside, { recursive: true, force: true });
}

async function publishLocked(
  final: string,
  parent: string,
  fill: (tmp: string) => Promise<void>,
  check: EntryCheck | undefined,
): Promise<{ dir: string; built: boolean }> {
  const problem = entryProblem(final, check);
  if (problem === undefined) return { dir: final, built: false };
  if (problem !== 'missing') {
    (check?.say ?? noticeOnStderr)(`${check?.what ?? final} in ${final} is damaged (${problem}): rebuilding it`);
    discard(final, parent);
  }
  const tmp = join(parent, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    await fill(tmp);
    if (check) writeManifest(tmp, check.files);
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
