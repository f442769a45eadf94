// How long named work took the last time (a Verilator build, a pipeline step), kept in a small
// JSON file of a cache folder, for the estimates progress lines show. Best effort: a missing,
// damaged or unwritable record only loses the estimate.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function read(dir: string, file: string): Record<string, number> {
  try {
    const v = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Milliseconds the last run of `key` took, as recorded in `dir/file`, if known. */
export function lastDurationMs(dir: string, file: string, key: string): number | undefined {
  const ms = read(dir, file)[key];
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** Remember that `key` took `ms` (written to a temporary name and renamed). */
export function recordDurationMs(dir: string, file: string, key: string, ms: number): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${file}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ ...read(dir, file), [key]: Math.round(ms) }, null, 2));
    renameSync(tmp, join(dir, file));
  } catch {
    /* only the estimate is lost */
  }
}
