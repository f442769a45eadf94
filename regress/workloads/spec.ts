// The workloads a regression shards, as plain data (the configuration a shard result carries
// and hashes). Each kind's items — what a shard takes a contiguous range of (regress/shard.ts):
//   cosim-blocks  per block in order: its directed/exhaustive sets (one item), then each random batch (batch k: seed + k)
//   cosim-random  the random programs, seeds seed .. seed+programs-1 (item i: seed + i)
//   mutants       per block in order: Yosys mutants 1..count (`mutate -list count -seed seed`)
//   ski-programs  the differential programs of tools/ski (item i: the i-th of the list), each against its recorded Ski run
//   formal        per sweep point (a generator configuration) in order: each block's gate + equivalence + properties, then each vti_core property
import type { BlockName } from '../../blocks/registry.js';
import { BLOCK_NAMES } from '../../blocks/registry.js';
import { checkConfig, type VtiConfig } from '../../gen/vti.js';
import { PROP_NAMES, type PropName } from '../../formal/props/index.js';
import { CHECK_MUTANTS, type CheckMutant } from '../../sim/cosim/lockstep/check-mutants.js';
import { skiProgramNames } from '../../tools/ski/fixture.js';
import { SKI_PROGRAMS_DIR } from '../../tools/ski/paths.js';

export type EngineChoice = 'verilator' | 'builtin';

export interface CosimBlocksSpec {
  readonly kind: 'cosim-blocks';
  readonly blocks: readonly BlockName[];
  /** Random vectors per block on top of the directed and exhaustive sets. */
  readonly vectors: number;
  readonly seed: number;
  /** Random vectors per batch (the unit of sharding); default 65536 as `vti cosim`. */
  readonly batch: number;
  readonly engine: EngineChoice;
  /** Verilator line/branch/toggle counts of each block (engine verilator). */
  readonly rtlCoverage: boolean;
}

export interface CosimRandomSpec {
  readonly kind: 'cosim-random';
  readonly programs: number;
  readonly seed: number;
  readonly items: number;
  readonly traps: boolean;
  readonly engine: EngineChoice;
  /** vti_core with one check removed (a regression that must find it); absent: the real core. */
  readonly seededBug?: CheckMutant;
}

export interface MutantsSpec {
  readonly kind: 'mutants';
  readonly blocks: readonly BlockName[];
  readonly count: number;
  readonly seed: number;
  readonly vectors: number;
  readonly batch: number;
}

export interface FormalSpec {
  readonly kind: 'formal';
  /** Blocks checked at each sweep point (gate, equivalence to the reference, block properties). */
  readonly blocks: readonly BlockName[];
  /** vti_core safety properties proven at each sweep point. */
  readonly properties: readonly PropName[];
  /** Generator configurations: the option sweep. */
  readonly sweep: readonly VtiConfig[];
}

export interface SkiProgramsSpec {
  readonly kind: 'ski-programs';
  /** The differential programs of tools/ski/programs, in the order items are numbered (default: all, by name). */
  readonly programs: readonly string[];
  /** The recorded Ski runs, relative to the working directory (default test/fixtures/ski). */
  readonly fixtures: string;
}

export type WorkloadSpec = CosimBlocksSpec | CosimRandomSpec | MutantsSpec | FormalSpec | SkiProgramsSpec;
export type WorkloadKind = WorkloadSpec['kind'];
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'cosim-blocks',
  'cosim-random',
  'mutants',
  'formal',
  'ski-programs',
];

export class SpecError extends Error {
  override name = 'SpecError';
}

type Raw = Record<string, unknown>;

function int(o: Raw, k: string, where: string, dflt: number | undefined, min: number, max: number): number {
  const v = o[k] ?? dflt;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
    throw new SpecError(`${where}: '${k}' must be an integer between ${min} and ${max}, got ${JSON.stringify(o[k])}`);
  return v;
}
function bool(o: Raw, k: string, where: string, dflt: boolean): boolean {
  const v = o[k] ?? dflt;
  if (typeof v !== 'boolean') throw new SpecError(`${where}: '${k}' must be true or false, got ${JSON.stringify(v)}`);
  return v;
}
function oneOf<T extends string>(o: Raw, k: string, where: string, allowed: readonly T[], dflt?: T): T {
  const v = o[k] ?? dflt;
  if (typeof v !== 'string' || !allowed.includes(v as T))
    throw new SpecError(`${where}: '${k}' must be one of ${allowed.join(', ')}, got ${JSON.stringify(o[k])}`);
  return v as T;
}
function listOf<T extends string>(o: Raw, k: string, where: string, allowed: readonly T[], dflt: readonly T[]): T[] {
  const v = o[k] ?? dflt;
  if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || !allowed.includes(x as T)))
    throw new SpecError(
      `${where}: '${k}' must be a non-empty list of ${allowed.join(', ')}, got ${JSON.stringify(o[k])}`,
    );
  return v as T[];
}
function only(o: Raw, where: string, keys: readonly string[]): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) throw new SpecError(`${where}: unknown field '${k}' (allowed: ${keys.join(', ')})`);
}

const ENGINES: readonly EngineChoice[] = ['verilator', 'builtin'];

/** A workload from JSON-like data, defaults filled in; every error one line naming `where` and the field. */
export function parseWorkload(v: unknown, where: string): WorkloadSpec {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new SpecError(`${where}: a workload must be an object`);
  const o = v as Raw;
  const kind = oneOf(o, 'kind', where, WORKLOAD_KINDS);
  switch (kind) {
    case 'cosim-blocks': {
      only(o, where, ['kind', 'blocks', 'vectors', 'seed', 'batch', 'engine', 'rtlCoverage']);
      const spec: CosimBlocksSpec = {
        kind,
        blocks: listOf(o, 'blocks', where, BLOCK_NAMES, BLOCK_NAMES),
        vectors: int(o, 'vectors', where, 100_000, 0, 1e15),
        seed: int(o, 'seed', where, 1, 0, 2 ** 31),
        batch: int(o, 'batch', where, 65_536, 1, 1 << 20),
        engine: oneOf(o, 'engine', where, ENGINES, 'verilator'),
        rtlCoverage: bool(o, 'rtlCoverage', where, false),
      };
      if (spec.rtlCoverage && spec.engine !== 'verilator')
        throw new SpecError(`${where}: 'rtlCoverage' needs engine verilator`);
      return spec;
    }
    case 'cosim-random': {
      only(o, where, ['kind', 'programs', 'seed', 'items', 'traps', 'engine', 'seededBug']);
      const bug =
        o.seededBug === undefined
          ? undefined
          : oneOf(o, 'seededBug', where, Object.keys(CHECK_MUTANTS) as CheckMutant[]);
      return {
        kind,
        programs: int(o, 'programs', where, undefined, 1, 1e9),
        seed: int(o, 'seed', where, 1, 0, 2 ** 31),
        items: int(o, 'items', where, 500, 1, 20_000),
        traps: bool(o, 'traps', where, true),
        engine: oneOf(o, 'engine', where, ENGINES, 'verilator'),
        ...(bug ? { seededBug: bug } : {}),
      };
    }
    case 'mutants':
      only(o, where, ['kind', 'blocks', 'count', 'seed', 'vectors', 'batch']);
      return {
        kind,
        blocks: listOf(o, 'blocks', where, BLOCK_NAMES, BLOCK_NAMES),
        count: int(o, 'count', where, undefined, 1, 1000),
        seed: int(o, 'seed', where, 1, 0, 2 ** 31),
        vectors: int(o, 'vectors', where, 100_000, 0, 1e12),
        batch: int(o, 'batch', where, 65_536, 1, 1 << 20),
      };
    case 'formal': {
      only(o, where, ['kind', 'blocks', 'properties', 'sweep']);
      const sweepRaw = o.sweep ?? [{}];
      if (!Array.isArray(sweepRaw) || sweepRaw.length === 0)
        throw new SpecError(`${where}: 'sweep' must be a non-empty list of generator options`);
      const sweep = sweepRaw.map((p, i) => sweepPoint(p, `${where} sweep[${i}]`));
      const blocks = o.blocks === undefined ? [...BLOCK_NAMES] : o.blocks;
      const properties = o.properties === undefined ? [...PROP_NAMES] : o.properties;
      return {
        kind,
        blocks:
          Array.isArray(blocks) && blocks.length === 0 ? [] : listOf({ blocks }, 'blocks', where, BLOCK_NAMES, []),
        properties:
          Array.isArray(properties) && properties.length === 0
            ? []
            : listOf({ properties }, 'properties', where, PROP_NAMES, []),
        sweep,
      };
    }
    case 'ski-programs': {
      only(o, where, ['kind', 'programs', 'fixtures']);
      const all = skiProgramNames(SKI_PROGRAMS_DIR);
      const fixtures = o.fixtures ?? 'test/fixtures/ski';
      if (typeof fixtures !== 'string' || fixtures === '')
        throw new SpecError(`${where}: 'fixtures' must be a folder name, got ${JSON.stringify(o.fixtures)}`);
      return { kind, programs: listOf(o, 'programs', where, all, all), fixtures };
    }
  }
}

function sweepPoint(p: unknown, where: string): VtiConfig {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new SpecError(`${where}: must be an object`);
  const o = p as Raw;
  only(o, where, ['vmImplemented', 'implVaMsb', 'implPaMsb', 'guestShrink']);
  const g: VtiConfig = {
    vmImplemented: bool(o, 'vmImplemented', where, true),
    implVaMsb: int(o, 'implVaMsb', where, 60, 0, 63),
    implPaMsb: int(o, 'implPaMsb', where, 62, 0, 63),
    guestShrink: int(o, 'guestShrink', where, 1, 0, 63),
  };
  try {
    checkConfig(g);
  } catch (e) {
    throw new SpecError(`${where}: ${(e as Error).message}`);
  }
  return g;
}
