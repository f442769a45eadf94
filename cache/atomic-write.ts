// Outputs appear whole or not at all: each file is written under a temporary name in its own
// folder and renamed over the target (rename is atomic within a file system), so a failed run
// (a full disk, an error half-way) leaves the previous outputs as they were.
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';

/** A temporary name next to `file`, and the two ways to end it. */
export interface PendingFile {
  readonly file: string;
  readonly tmp: string;
  /** Renames the temporary file over the target. */
  commit(): void;
  /** Removes the temporary file (if any). */
  abort(): void;
  /** The error with its path set to the target when it names the temporary file. */
  naming(e: unknown): unknown;
}

export function pendingFile(file: string): PendingFile {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  return {
    file,
    tmp,
    commit: () => renameSync(tmp, file),
    abort: () => rmSync(tmp, { force: true }),
    naming: (e) => namingTarget(e, [{ file, tmp }]),
  };
}

/**
 * Creates `dir` and its missing parents one level at a time. (Node 20's recursive mkdirSync
 * loops forever on some paths, e.g. under /proc; this one fails with the path's error.)
 */
export function makeDir(dir: string): void {
  const full = resolve(dir);
  const { root } = parse(full);
  const parts = full.slice(root.length).split(/[\\/]/).filter(Boolean);
  let at = root;
  for (const part of parts) {
    at = join(at, part);
    try {
      mkdirSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!statSync(at).isDirectory())
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), {
          code: 'ENOTDIR',
          syscall: 'mkdir',
          path: at,
        });
    }
  }
}

/** Writes every file of `files` (name → text) into `dir`; all are renamed into place only after all were written. */
export function writeFilesAtomic(dir: string, files: Readonly<Record<string, string>>): void {
  makeDir(dir);
  const pending = Object.keys(files).map((name) => pendingFile(join(dir, name)));
  try {
    for (const [i, text] of Object.values(files).entries()) writeFileSync(pending[i]!.tmp, text);
    for (const p of pending) p.commit();
  } catch (e) {
    for (const p of pending) p.abort();
    throw namingTarget(e, pending);
  }
}

/** One file written whole or not at all (its folder must exist). */
export function writeFileAtomic(file: string, text: string): void {
  const p = pendingFile(file);
  try {
    writeFileSync(p.tmp, text);
    p.commit();
  } catch (e) {
    p.abort();
    throw namingTarget(e, [p]);
  }
}

/** One file written whole or not at all, its folder created first (result files, run folders). */
export function writeFileAtomicInNewDir(file: string, text: string): void {
  makeDir(dirname(file));
  writeFileAtomic(file, text);
}

/** An error about a temporary file names the file the user asked for. */
function namingTarget(e: unknown, pending: readonly { file: string; tmp: string }[]): unknown {
  const err = e as NodeJS.ErrnoException;
  const target = pending.find((p) => p.tmp === err?.path)?.file;
  if (target !== undefined) err.path = target;
  return e;
}
