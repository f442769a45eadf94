// How long each pipeline step took the last time it passed, kept in the cache
// (`<cache>/steps/step-times.json`), so a running step can say how long it has left.
import { lastDurationMs, recordDurationMs } from '../cache/durations.js';
import { cacheSubdir } from '../cache/root.js';
import type { StepDurations, StillRunningOptions } from './step.js';

const FILE = 'step-times.json';

/** The steps' durations in the cache; undefined when caching is off (no estimates then). */
export function stepDurationsInCache(): StepDurations | undefined {
  const dir = cacheSubdir('steps');
  if (dir === undefined) return undefined;
  return {
    last: (id) => lastDurationMs(dir, FILE, id),
    record: (id, ms) => recordDurationMs(dir, FILE, id, ms),
  };
}

/**
 * Progress lines for `vti all` and `vti report`: the first after 5 s, then every 15 s (as
 * cli/progress.ts does off a terminal), with the estimates of the cache.
 */
export function stillRunningWithEstimates(): StillRunningOptions {
  const durations = stepDurationsInCache();
  return { firstMs: 5_000, everyMs: 15_000, ...(durations ? { durations } : {}) };
}
