// What the lockstep compares of the core's registered outputs with the emulator's committed
// effect: which outputs, which bits (named exclusions), and rd_value only where a value was
// read. The comparison itself is the one of every co-simulation (model/blocks/compare.ts).
import type { CompareOptions } from '../../../model/blocks/compare.js';
import type { Port } from '../../../model/blocks/columns.js';
import { OUTPUTS, type Columns } from './columns.js';

/** Outputs compared after every instruction (docs/vti_core.md, committed-effect outputs). */
export const COMPARED: readonly Port[] = OUTPUTS;

/**
 * A named exclusion from the comparison: bits of one output not compared, because of a
 * divergence between the RTL and the emulator that is reported (not silently tolerated).
 * None is in force by default: every bit of every output is compared (the last one, D2,
 * ISR.na of non-access faults, is fixed by the core's `non_access_kind` input).
 */
export interface Exclusion {
  readonly id: string;
  readonly port: string;
  readonly mask: bigint;
  readonly why: string;
}

export const DEFAULT_EXCLUSIONS: readonly Exclusion[] = [];

/** Per port, per word: the bits compared. */
export type Masks = ReadonlyMap<string, Uint32Array>;

const words = (v: bigint, n: number) =>
  Uint32Array.from({ length: n }, (_, k) => Number((v >> BigInt(32 * k)) & 0xffffffffn));

export function wordMasks(ex: readonly Exclusion[]): Masks {
  const out = new Map<string, Uint32Array>();
  for (const p of COMPARED) {
    let keep = (1n << BigInt(32 * p.words)) - 1n;
    for (const e of ex) if (e.port === p.name) keep &= ~e.mask;
    out.set(p.name, words(keep, p.words));
  }
  return out;
}

/**
 * What the lockstep compares in a batch (for model/blocks/compare.ts): the bits the exclusions
 * leave, and rd_value only on the events where a value was read (expected rd_valid).
 */
export function compareOptions(expected: Columns, masks: Masks, offset = 0): CompareOptions {
  return { masks, when: { rd_value: expected.rd_valid }, offset };
}
