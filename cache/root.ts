// Where the caches live, and what happens when that place cannot be used. $VTI_CACHE_DIR is
// the root of every cache (default .cache under the current working directory, never next to
// the package); each cache has its folder below it (verilator/, report/). VTI_CACHE_DIR=off
// turns caching off: the report recomputes everything and Verilator models are built in a
// temporary folder removed at exit. A cache folder that cannot be written (read-only, a file
// where the folder should be) is replaced for this process by a fresh temporary folder, with
// one line saying so, instead of failing the run.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The value of $VTI_CACHE_DIR that turns every cache off. */
export const CACHE_OFF = 'off';

/** Where a cache tells its user something (a repair, a fallback): one line each. */
export type CacheNotice = (line: string) => void;

/** The default notice: one line on stderr, so stdout (JSON, tables) stays clean. */
export const noticeOnStderr: CacheNotice = (line) => {
  process.stderr.write(`vti: ${line}\n`);
};

/** True when $VTI_CACHE_DIR=off. */
export function cachingOff(): boolean {
  return process.env.VTI_CACHE_DIR?.trim().toLowerCase() === CACHE_OFF;
}

/** The folder of one cache (`name`: verilator, report) below the root; undefined when caching is off. */
export function cacheSubdir(name: string): string | undefined {
  if (cachingOff()) return undefined;
  return resolve(process.env.VTI_CACHE_DIR || '.cache', name);
}

/** A fresh temporary folder, removed when the process exits. */
export function processTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Why `dir` cannot hold cache entries, or undefined when it can (creates it if missing). */
function unwritableBecause(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) return 'not a folder';
    const probe = join(dir, `.probe-${process.pid}-${Date.now()}`);
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `read-only, ${code}`;
    return code ?? (e as Error).message;
  }
}

const usable = new Map<string, string>();

/**
 * `dir` when it is (or can be made) a writable folder; otherwise a temporary folder for the
 * rest of this process, announced once through `say`.
 */
export function writableCacheDir(dir: string, say: CacheNotice = noticeOnStderr): string {
  const abs = resolve(dir);
  let got = usable.get(abs);
  if (got === undefined) {
    const why = unwritableBecause(abs);
    got = why === undefined ? abs : processTempDir('vti-cache');
    if (why !== undefined) say(`cache folder ${abs} is not writable (${why}); using ${got} for this run`);
    usable.set(abs, got);
  }
  return got;
}
