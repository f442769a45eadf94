// A regression description (the file `vti regress FILE` reads, JSON; docs/regress.md):
//   { "name": "nightly", "shards": 8, "retries": 2,
//     "workloads": { "blocks": { "kind": "cosim-blocks", "vectors": 100000000 },
//                    "random": { "kind": "cosim-random", "programs": 5000, "shards": 50 } },
//     "slurm": { "partition": "batch", "timeLimit": "02:00:00", "cpusPerTask": 1, "maxParallel": 100 } }
// Each workload is split into its own number of shards (default the file's "shards"); a task
// is one shard of one workload, numbered in file order — the index of a Slurm array element.
import { readFileSync } from 'node:fs';
import { parseWorkload, SpecError, type WorkloadSpec } from './workloads/spec.js';
import { MAX_SHARDS } from './shard.js';

export interface SlurmOptions {
  readonly partition?: string;
  readonly timeLimit?: string;
  readonly cpusPerTask: number;
  /** At most this many array elements at once (`--array=...%K`); absent: no limit. */
  readonly maxParallel?: number;
  /** Extra `#SBATCH` lines, e.g. "--account=hw". */
  readonly extra: readonly string[];
}

export interface RegressionWorkload {
  /** Its name in the file: result files are <name>.<I>-of-<N>.json. */
  readonly name: string;
  readonly shards: number;
  readonly spec: WorkloadSpec;
}

export interface Regression {
  readonly name: string;
  readonly workloads: readonly RegressionWorkload[];
  /** Re-runs of a failed or lost shard before the regression gives up on it. */
  readonly retries: number;
  readonly slurm: SlurmOptions;
}

export interface Task {
  /** 0-based over all workloads' shards, in file order. */
  readonly index: number;
  readonly workload: RegressionWorkload;
  readonly shard: number;
}

export function tasksOf(r: Regression): Task[] {
  const out: Task[] = [];
  for (const w of r.workloads)
    for (let s = 0; s < w.shards; s++) out.push({ index: out.length, workload: w, shard: s });
  return out;
}

type Raw = Record<string, unknown>;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function posInt(o: Raw, k: string, where: string, dflt: number | undefined, max: number): number {
  const v = o[k] ?? dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < (k === 'retries' ? 0 : 1) || v > max)
    throw new SpecError(
      `${where}: '${k}' must be an integer between ${k === 'retries' ? 0 : 1} and ${max}, got ${JSON.stringify(o[k])}`,
    );
  return v;
}

function str(o: Raw, k: string, where: string, re: RegExp, what: string): string | undefined {
  const v = o[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !re.test(v))
    throw new SpecError(`${where}: '${k}' must be ${what}, got ${JSON.stringify(v)}`);
  return v;
}

export function parseRegression(v: unknown, where: string): Regression {
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new SpecError(`${where}: a regression must be a JSON object`);
  const o = v as Raw;
  for (const k of Object.keys(o))
    if (!['name', 'shards', 'retries', 'workloads', 'slurm'].includes(k))
      throw new SpecError(`${where}: unknown field '${k}' (allowed: name, shards, retries, workloads, slurm)`);
  const name = str(o, 'name', where, NAME, 'letters, digits, - and _ (at most 64)') ?? 'regression';
  const shards = posInt(o, 'shards', where, 1, MAX_SHARDS);
  const ws = o.workloads;
  if (!ws || typeof ws !== 'object' || Array.isArray(ws) || Object.keys(ws).length === 0)
    throw new SpecError(
      `${where}: 'workloads' must be an object of named workloads ({"blocks": {"kind": "cosim-blocks", ...}})`,
    );
  const workloads = Object.entries(ws as Raw).map(([n, w]) => {
    const at = `${where} workload '${n}'`;
    if (!NAME.test(n)) throw new SpecError(`${at}: a workload name is letters, digits, - and _`);
    if (!w || typeof w !== 'object' || Array.isArray(w)) throw new SpecError(`${at}: must be an object`);
    const { shards: own, ...spec } = w as Raw;
    return {
      name: n,
      shards: posInt({ shards: own }, 'shards', at, shards, MAX_SHARDS),
      spec: parseWorkload(spec, at),
    };
  });
  const total = workloads.reduce((a, w) => a + w.shards, 0);
  if (total > MAX_SHARDS) throw new SpecError(`${where}: ${total} shards in all; at most ${MAX_SHARDS}`);
  const s = (o.slurm ?? {}) as Raw;
  if (typeof s !== 'object' || Array.isArray(s)) throw new SpecError(`${where}: 'slurm' must be an object`);
  for (const k of Object.keys(s))
    if (!['partition', 'timeLimit', 'cpusPerTask', 'maxParallel', 'extra'].includes(k))
      throw new SpecError(
        `${where} slurm: unknown field '${k}' (allowed: partition, timeLimit, cpusPerTask, maxParallel, extra)`,
      );
  const extra = s.extra ?? [];
  if (!Array.isArray(extra) || extra.some((x) => typeof x !== 'string' || !/^--[a-z][a-z-]*(=[^\s]+)?$/.test(x)))
    throw new SpecError(`${where} slurm: 'extra' must be a list of sbatch options like "--account=hw"`);
  const partition = str(s, 'partition', `${where} slurm`, /^[\w.-]+$/, 'a partition name');
  const timeLimit = str(s, 'timeLimit', `${where} slurm`, /^[\d:-]+$/, 'a Slurm time like 01:00:00');
  const maxParallel =
    s.maxParallel === undefined ? undefined : posInt(s, 'maxParallel', `${where} slurm`, undefined, MAX_SHARDS);
  return {
    name,
    workloads,
    retries: posInt(o, 'retries', where, 2, 100),
    slurm: {
      ...(partition ? { partition } : {}),
      ...(timeLimit ? { timeLimit } : {}),
      cpusPerTask: posInt(s, 'cpusPerTask', `${where} slurm`, 1, 1024),
      ...(maxParallel ? { maxParallel } : {}),
      extra: extra as string[],
    },
  };
}

export function readRegression(file: string): Regression {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SpecError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new SpecError(`${file}: not JSON (a regression file is one JSON object: docs/regress.md)`);
  }
  return parseRegression(v, file);
}
