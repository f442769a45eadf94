// How long the last build of each design took, per cache folder, for the estimate a long
// build shows (heartbeat.ts). Best effort: a missing, damaged or unwritable record only loses
// the estimate.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'build-times.json';

function read(cacheDir: string): Record<string, number> {
  try {
    const v = JSON.parse(readFileSync(join(cacheDir, FILE), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Milliseconds the last build of `top` (a design and build flavour) took in `cacheDir`, if known. */
export function lastBuildMs(cacheDir: string, top: string): number | undefined {
  const ms = read(cacheDir)[top];
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** Remember that building `top` took `ms` (written to a temporary name and renamed). */
export function recordBuildMs(cacheDir: string, top: string, ms: number): void {
  try {
    const tmp = join(cacheDir, `${FILE}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ ...read(cacheDir), [top]: Math.round(ms) }, null, 2));
    renameSync(tmp, join(cacheDir, FILE));
  } catch {
    /* only the estimate is lost */
  }
}
