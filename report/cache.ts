// The report's cache: the content-addressed cache of cache/content-cache.ts in the report/
// folder of the cache root (schematic layouts, synthesis figures). Place-and-route results
// are not kept here but in the one P&R cache that `vti gen --fpga` uses too
// (formal/fpga-timing-cache.ts).
import { type Cache, createContentCache } from '../cache/content-cache.js';
import { type CacheNotice, cacheSubdir, noticeOnStderr } from '../cache/root.js';

export { type Cache, entryValue, keyOf } from '../cache/content-cache.js';

/** The report's default cache folder: report/ below $VTI_CACHE_DIR (else .cache); undefined when VTI_CACHE_DIR=off. */
export const defaultReportCacheDir = (): string | undefined => cacheSubdir('report');

/** dir undefined: no cache (always computes). `say`: where a repaired entry or a replaced folder is reported. */
export function createCache(dir: string | undefined, say: CacheNotice = noticeOnStderr): Cache {
  return createContentCache(dir, say, 'report cache');
}
