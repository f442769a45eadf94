// A cache entry's manifest: the size and sha256 of each file that matters, written when the
// entry is built and checked before it is used, so a truncated, emptied, deleted or altered
// file is found (and rebuilt) instead of being loaded (a damaged shared library is a SIGBUS).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { join } from 'node:path';

export const MANIFEST = 'manifest.json';

interface FileRecord {
  readonly size: number;
  readonly sha256: string;
}

type Manifest = Readonly<Record<string, FileRecord>>;

const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Record `files` (paths relative to `dir`) in `dir`/manifest.json. */
export function writeManifest(dir: string, files: readonly string[]): void {
  const m: Record<string, FileRecord> = {};
  for (const f of files) m[f] = { size: statSync(join(dir, f)).size, sha256: sha256Of(join(dir, f)) };
  writeFileAtomic(join(dir, MANIFEST), JSON.stringify(m, null, 2));
}

/** What is wrong with the entry in `dir` (one phrase), or undefined when every file of `files` matches. */
export function manifestProblem(dir: string, files: readonly string[]): string | undefined {
  let m: Manifest;
  try {
    if (!statSync(dir).isDirectory()) return 'not a folder';
    m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${MANIFEST} is missing` : `${MANIFEST} is unreadable`;
  }
  for (const f of files) {
    const want = m[f];
    if (!want || typeof want.size !== 'number' || typeof want.sha256 !== 'string')
      return `${MANIFEST} does not list ${f}`;
    let size: number;
    try {
      size = statSync(join(dir, f)).size;
    } catch {
      return `${f} is missing`;
    }
    if (size !== want.size) return `${f} has ${size} bytes, ${want.size} were built`;
    if (sha256Of(join(dir, f)) !== want.sha256) return `${f} differs from the one built (sha256)`;
  }
  return undefined;
}
