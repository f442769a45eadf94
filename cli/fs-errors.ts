// File-system errors are the user's to fix (a path that does not exist, is read-only, is a
// file where a folder is needed, a full disk): `vti` reports them as one line naming the path
// and the reason, exit 1 — never as a stack trace.

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'broken pipe',
};

/** System calls that read; `open` is said as such, any other failing call on a path is a write. */
const READS = new Set(['read', 'stat', 'lstat', 'scandir', 'readlink', 'access']);

/** "CODE (reason)" of an errno exception, or undefined for anything that is not one we explain. */
export function fsReason(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(REASONS, code) ? `${code} (${REASONS[code]})` : undefined;
}

/** One line for a file-system error on a named path ("cannot write out/x.v: ENOSPC (no space left on device)"), or undefined. */
export function describeFsError(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const reason = fsReason(e);
  if (!reason || typeof err?.path !== 'string') return undefined;
  const verb = err.syscall === 'open' ? 'open' : err.syscall && READS.has(err.syscall) ? 'read' : 'write';
  return `cannot ${verb} ${err.path}: ${reason}`;
}
