// One shard's result: the JSON file each shard writes (schema "vti-shard-result", version 1,
// documented in docs/regress.md). Everything in it adds up across shards (counts, coverage bin
// counts, RTL coverage point counts) or lists up (mismatches, each with what replays it), so
// `vti merge` needs nothing but the files. Written atomically: a file is whole or absent.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomicInNewDir } from '../cache/atomic-write.js';
import type { Shard } from './shard.js';
import type { WorkloadSpec } from './workloads/spec.js';

export const RESULT_SCHEMA = 'vti-shard-result';
export const RESULT_VERSION = 1;

/** A mismatch (a failing vector, a diverging program, a killed mutant, a failing check) and how to replay it. */
export interface ResultMismatch {
  /** Position over the whole unsharded run (vector index, program seed, mutant id, sweep point): merged lists sort by it. */
  readonly order: readonly number[];
  /** Set when only the first mismatch of this group (a block) is reported: the merge keeps the lowest `order` of the group. */
  readonly firstOf?: string;
  /** One line: where and what. */
  readonly what: string;
  /** The `vti` arguments that replay exactly this case on one machine. */
  readonly replay: readonly string[];
  /** Anything else needed to see it (inputs, expected/actual, the divergence's first lines). */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** What a shard finds and a merge adds up (the same fields in a shard result and a merged one). */
export interface Findings {
  /** Work done and outcomes, by name (vectors, instructions, mismatches, killed, ...): summed on merge. */
  readonly counts: Readonly<Record<string, number>>;
  readonly mismatches: readonly ResultMismatch[];
  /** Functional-coverage bins ("group: bin" → hits), summed on merge. */
  readonly bins: Readonly<Record<string, number>>;
  /** RTL code-coverage points ("kind module file:line name" → count), summed on merge; absent when not measured. */
  readonly rtlCoverage?: Readonly<Record<string, number>>;
}

export interface ShardResult extends Findings {
  readonly schema: typeof RESULT_SCHEMA;
  readonly version: typeof RESULT_VERSION;
  /** The workload as configured (the same in every shard of one run). */
  readonly workload: WorkloadSpec;
  /** sha256 of the workload's canonical JSON. */
  readonly configHash: string;
  /** regress/source-hash.ts. */
  readonly sourceHash: string;
  readonly shard: Shard;
  /** This shard's items [from, to) of the workload's `total` items (of `unit`). */
  readonly items: { readonly unit: string; readonly total: number; readonly from: number; readonly to: number };
  /** 'failed': the shard stopped with `error` (its counts are not used). */
  readonly status: 'ok' | 'failed';
  readonly error?: string;
  readonly timings: {
    readonly startedAt: string;
    readonly seconds: number;
    readonly cpuSeconds: number;
    readonly host: string;
  };
}

/** Canonical JSON (object keys sorted) so equal configurations hash equally. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export const configHash = (w: WorkloadSpec): string =>
  `sha256:${createHash('sha256').update(canonicalJson(w)).digest('hex')}`;

export class ResultError extends Error {
  override name = 'ResultError';
}

/** Reads and checks one result file; a bad file is one line naming it. */
export function readResult(file: string): ShardResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ResultError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let v: Partial<ShardResult>;
  try {
    v = JSON.parse(text) as Partial<ShardResult>;
  } catch {
    throw new ResultError(`${file}: not JSON (a shard result is written whole or not at all; is this one?)`);
  }
  if (v?.schema !== RESULT_SCHEMA)
    throw new ResultError(`${file}: not a vti shard result (schema '${String(v?.schema)}')`);
  if (v.version !== RESULT_VERSION)
    throw new ResultError(
      `${file}: shard result version ${String(v.version)}, this vti reads version ${RESULT_VERSION}`,
    );
  const s = v.shard;
  if (!s || !Number.isInteger(s.index) || !Number.isInteger(s.count) || s.index < 0 || s.index >= s.count)
    throw new ResultError(`${file}: bad shard field`);
  for (const k of [
    'workload',
    'configHash',
    'sourceHash',
    'items',
    'status',
    'counts',
    'mismatches',
    'bins',
    'timings',
  ])
    if ((v as Record<string, unknown>)[k] === undefined) throw new ResultError(`${file}: field '${k}' is missing`);
  return v as ShardResult;
}

/** Writes the result under a temporary name in its folder and renames it into place. */
export function writeResult(file: string, r: ShardResult): void {
  writeFileAtomicInNewDir(file, JSON.stringify(r) + '\n');
}

/** The file name of a workload's shard in a results folder: <workload>.<I>-of-<N>.json. */
export const resultName = (workload: string, s: Shard): string => `${workload}.${s.index}-of-${s.count}.json`;
