// Comparison of the core's registered outputs with the emulator's committed effect, one batch
// at a time: a tight word loop per output column; on a difference, the first differing event
// and every field that differs there. rd_value is compared only where a value was read.
import { OUTPUTS, valueAt, type Columns, type PortDef } from './columns.js';

export interface FieldDiff { readonly field: string; readonly expected: bigint; readonly actual: bigint }

/** Outputs compared after every instruction (docs/vti_core.md, committed-effect outputs). */
export const COMPARED: readonly PortDef[] = OUTPUTS;

/**
 * A named exclusion from the comparison: bits of one output not compared, because of a
 * divergence between the RTL and the emulator that is reported (not silently tolerated).
 * None is in force by default: every bit of every output is compared (the last one, D2,
 * ISR.na of non-access faults, is fixed by the core's `non_access` input).
 */
export interface Exclusion { readonly id: string; readonly port: string; readonly mask: bigint; readonly why: string }

export const DEFAULT_EXCLUSIONS: readonly Exclusion[] = [];

/** Per port, per word: the bits compared. */
export type Masks = ReadonlyMap<string, Uint32Array>;

const words = (v: bigint, n: number) => Uint32Array.from({ length: n }, (_, k) => Number((v >> BigInt(32 * k)) & 0xffffffffn));

export function wordMasks(ex: readonly Exclusion[]): Masks {
  const out = new Map<string, Uint32Array>();
  for (const p of COMPARED) {
    let keep = (1n << BigInt(32 * p.words)) - 1n;
    for (const e of ex) if (e.port === p.name) keep &= ~e.mask;
    out.set(p.name, words(keep, p.words));
  }
  return out;
}
const ALL_BITS = wordMasks([]);

/** Index of the first event in [0, count) where expected and actual differ, or -1. */
export function firstDifference(expected: Columns, actual: Columns, count: number, masks: Masks = ALL_BITS): number {
  let first = count;
  const rdv = expected.rd_valid!;
  for (const p of COMPARED) {
    const e = expected[p.name]!, a = actual[p.name];
    if (!a) throw new Error(`lockstep: the engine returned no output '${p.name}'`);
    const w = p.words, n = Math.min(count, first) * w, mk = masks.get(p.name)!;
    if (p.name === 'rd_value') {
      for (let j = 0; j < n; j++) {
        const d = (e[j]! ^ a[j]!) >>> 0;
        if ((d & mk[j % w]!) !== 0 && rdv[(j / 2) | 0] === 1) { first = (j / w) | 0; break; }
      }
    } else if (mk.every((x) => x === 0xffffffff)) {
      for (let j = 0; j < n; j++) if (e[j] !== a[j]) { first = (j / w) | 0; break; }
    } else {
      for (let j = 0; j < n; j++) {
        const d = (e[j]! ^ a[j]!) >>> 0;
        if ((d & mk[j % w]!) !== 0) { first = (j / w) | 0; break; }
      }
    }
  }
  return first === count ? -1 : first;
}

/** Every differing field of event i. */
export function diffsAt(expected: Columns, actual: Columns, i: number, masks: Masks = ALL_BITS): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const p of COMPARED) {
    if (p.name === 'rd_value' && expected.rd_valid![i] !== 1) continue;
    let differs = false;
    for (let k = 0; k < p.words; k++) {
      const d = (expected[p.name]![i * p.words + k]! ^ actual[p.name]![i * p.words + k]!) >>> 0;
      if ((d & masks.get(p.name)![k]!) !== 0) differs = true;
    }
    const e = valueAt(expected, p, i), a = valueAt(actual, p, i);
    if (differs) out.push({ field: p.name, expected: e, actual: a });
  }
  return out;
}
