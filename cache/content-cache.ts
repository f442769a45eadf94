// A small content-addressed cache for slow, deterministic results (the report's schematic
// layout and synthesis figures, place-and-route timing): the key is a sha256 over everything
// the result depends on, the value a file under the cache folder whose first line records the
// value's size and sha256.
// An entry that does not match its header (truncated, emptied, edited) is recomputed with one
// line saying so; a folder that cannot be written is replaced by a temporary one (cache/root.ts);
// a failed write only loses the entry.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CacheNotice, noticeOnStderr, writableCacheDir } from './root.js';

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

/** An entry's file name; v2 entries carry the header (older files are simply not looked at). */
const entryName = (kind: string, parts: readonly string[]) => `${kind}-v2-${keyOf(parts)}`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const header = (value: string) => `vti-cache ${Buffer.byteLength(value)} ${sha256(value)}\n`;

/** The value of an entry's text, or why it cannot be trusted. */
export function entryValue(text: string): { value: string } | { problem: string } {
  const nl = text.indexOf('\n');
  const m = /^vti-cache (\d+) ([0-9a-f]{64})$/.exec(nl < 0 ? text : text.slice(0, nl));
  if (!m) return { problem: text.length === 0 ? 'empty' : 'no valid header' };
  const value = text.slice(nl + 1);
  if (Buffer.byteLength(value) !== Number(m[1]))
    return { problem: `${Buffer.byteLength(value)} bytes, ${m[1]} written` };
  if (sha256(value) !== m[2]) return { problem: 'content differs from the one written (sha256)' };
  return { value };
}

/**
 * dir undefined: no cache (always computes). `say`: where a repaired entry or a replaced folder
 * is reported; `label` names the cache in those lines.
 */
export function createContentCache(
  dir: string | undefined,
  say: CacheNotice = noticeOnStderr,
  label = 'content cache',
): Cache {
  let root: string | undefined;
  return {
    async text(kind, parts, compute) {
      if (!dir) return { value: await compute(), hit: false };
      root ??= writableCacheDir(dir, say);
      const file = join(root, entryName(kind, parts));
      if (existsSync(file)) {
        let got: ReturnType<typeof entryValue>;
        try {
          got = entryValue(readFileSync(file, 'utf8'));
        } catch (e) {
          got = { problem: (e as NodeJS.ErrnoException).code ?? 'unreadable' };
        }
        if ('value' in got) return { value: got.value, hit: true };
        say(`${label} entry ${file} is damaged (${got.problem}): recomputing it`);
      }
      const value = await compute();
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, header(value) + value);
        renameSync(tmp, file);
      } catch (e) {
        rmSync(tmp, { force: true });
        say(
          `could not store ${file} in the ${label} (${(e as NodeJS.ErrnoException).code ?? 'error'}); it will be recomputed next time`,
        );
      }
      return { value, hit: false };
    },
  };
}
