// How long the last build of each design took, per cache folder, for the estimate a long
// build shows (heartbeat.ts); kept by cache/durations.ts.
import { lastDurationMs, recordDurationMs } from '../../cache/durations.js';

const FILE = 'build-times.json';

/** Milliseconds the last build of `top` (a design and build flavour) took in `cacheDir`, if known. */
export const lastBuildMs = (cacheDir: string, top: string): number | undefined => lastDurationMs(cacheDir, FILE, top);

/** Remember that building `top` took `ms`. */
export const recordBuildMs = (cacheDir: string, top: string, ms: number): void =>
  recordDurationMs(cacheDir, FILE, top, ms);
