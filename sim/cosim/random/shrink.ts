// Shrinking a failing random program: the shortest failing prefix of its items (binary
// search: items after the failing one never run before the mismatch), then delta debugging
// (ddmin, complements of n chunks) down to a 1-minimal item list that still fails with the
// same signature (differing fields and instruction class of the first mismatch).
import { DEFAULT_CONFIG, type VtiConfig } from '../../../gen/vti.js';
import type { Engine } from '../../engine.js';
import { factoryFor, runLockstep, type LockstepOptions, type LockstepResult } from '../lockstep/lockstep.js';
import type { Item } from './items.js';
import { buildRandomProgram, renderProgram } from './program.js';

export type RunItems = (items: readonly Item[]) => Promise<LockstepResult>;

/** Lockstep on a list of items, on one open engine (reset per run); programs built in `randomDir` (default cosimDirs().random). */
export function itemRunner(
  engine: Engine,
  gen: VtiConfig = DEFAULT_CONFIG,
  more: Partial<LockstepOptions> = {},
  randomDir?: string,
): RunItems {
  return async (items) => {
    const { elf } = buildRandomProgram(renderProgram(items), randomDir);
    return runLockstep(factoryFor(elf, gen), {
      engine: engine.name,
      gen,
      engineInstance: engine,
      maxSteps: 2_000_000,
      ...more,
    });
  };
}

export function signature(r: LockstepResult): string | null {
  const d = r.mismatch;
  return d ? `${d.iclass}:${d.fields.map((f) => f.port).join(',')}` : null;
}

export interface ShrinkResult {
  readonly items: readonly Item[];
  readonly result: LockstepResult;
  readonly signature: string;
  /** Lockstep runs spent. */
  readonly runs: number;
}

export async function shrink(
  items: readonly Item[],
  run: RunItems,
  opts: { maxRuns?: number } = {},
): Promise<ShrinkResult> {
  const maxRuns = opts.maxRuns ?? 400;
  let runs = 0;
  const first = await run(items);
  runs++;
  const sig = signature(first);
  if (!sig) throw new Error('shrink: the program does not fail');
  let best = { items, result: first };
  const fails = async (xs: readonly Item[]): Promise<boolean> => {
    if (runs >= maxRuns) return false;
    const r = await run(xs);
    runs++;
    if (signature(r) === sig) {
      if (xs.length <= best.items.length) best = { items: xs, result: r };
      return true;
    }
    return false;
  };
  // 1. Shortest failing prefix.
  let lo = 1,
    hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await fails(items.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  let cur = items.slice(0, hi);
  if (cur.length < best.items.length && !(await fails(cur))) cur = [...best.items];
  // 2. ddmin over the prefix.
  let n = 2;
  while (cur.length >= 2 && runs < maxRuns) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let k = 0; k < n && !reduced; k++) {
      const complement = [...cur.slice(0, k * size), ...cur.slice((k + 1) * size)];
      if (complement.length > 0 && complement.length < cur.length && (await fails(complement))) {
        cur = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(n * 2, cur.length);
    }
  }
  return { items: best.items, result: best.result, signature: sig, runs };
}
