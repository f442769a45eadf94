// A small content-addressed cache for the slow, deterministic parts of the report (schematic
// layout, synthesis figures): the key is a sha256 over everything the result depends on, the
// value a file under the cache folder. A corrupt or unreadable entry is recomputed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Cache {
  /** Returns the cached text for the key parts, or computes, stores and returns it. */
  text(
    kind: string,
    parts: readonly string[],
    compute: () => Promise<string>,
  ): Promise<{ value: string; hit: boolean }>;
}

export function keyOf(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

/** dir undefined: no cache (always computes). */
export function createCache(dir: string | undefined): Cache {
  return {
    async text(kind, parts, compute) {
      if (!dir) return { value: await compute(), hit: false };
      const file = join(dir, `${kind}-${keyOf(parts)}`);
      if (existsSync(file)) {
        try {
          return { value: readFileSync(file, 'utf8'), hit: true };
        } catch {
          /* recompute */
        }
      }
      const value = await compute();
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, value);
      renameSync(tmp, file);
      return { value, hit: false };
    },
  };
}
