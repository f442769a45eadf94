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
 */
export interface Exclusion {
  readonly id: string; readonly port: string; readonly mask: bigint; readonly why: string;
  /** Only at events whose EventBatch.flags has this bit (default: every event). */
  readonly flag?: number;
}

/** EventBatch.flags bit: ISR holds the emulator's value for a data fault of a non-access instruction (ISR.na = 1). */
export const FLAG_NON_ACCESS = 1;
/** EventBatch.flags bit: the event reads such an ISR (mov r1 = cr.isr). */
export const FLAG_NON_ACCESS_READ = 2;

/**
 * D2: a data fault of a non-access instruction (probe, fc, tpa): the emulator writes ISR.na
 * and ISR.r (model/exec/xlate.ts isrFor); the core has no access-kind input (blocks.md lists
 * "access kind" in the event) and derives r/w from the class only, so it writes neither.
 */
export const ISR_NA_NON_ACCESS: Exclusion = {
  id: 'D2', port: 'isr', mask: (1n << 35n) | (1n << 34n) | (1n << 33n), flag: FLAG_NON_ACCESS,
  why: 'ISR.na/r/w of data faults of non-access instructions (probe, fc, tpa): no access-kind input on the core',
};
/** D2 as seen by a later `mov r1 = cr.isr` (the value read). */
export const ISR_NA_NON_ACCESS_READ: Exclusion = { ...ISR_NA_NON_ACCESS, port: 'rd_value', flag: FLAG_NON_ACCESS_READ, why: `${ISR_NA_NON_ACCESS.why} (as read by mov r1 = cr.isr)` };
export const DEFAULT_EXCLUSIONS: readonly Exclusion[] = [ISR_NA_NON_ACCESS, ISR_NA_NON_ACCESS_READ];

export interface Masks {
  /** Per port, per word: bits always compared. */
  readonly always: Map<string, Uint32Array>;
  /** Per port: conditional exclusions (flag, per-word mask). */
  readonly cond: Map<string, { flag: number; mask: Uint32Array }[]>;
}

const words = (v: bigint, n: number) => Uint32Array.from({ length: n }, (_, k) => Number((v >> BigInt(32 * k)) & 0xffffffffn));

export function wordMasks(ex: readonly Exclusion[]): Masks {
  const always = new Map<string, Uint32Array>(), cond = new Map<string, { flag: number; mask: Uint32Array }[]>();
  for (const p of COMPARED) {
    let keep = (1n << BigInt(32 * p.words)) - 1n;
    const c: { flag: number; mask: Uint32Array }[] = [];
    for (const e of ex) if (e.port === p.name) { keep &= ~e.mask; if (e.flag) c.push({ flag: e.flag, mask: words(e.mask, p.words) }); }
    // Conditional bits are in `keep`'s complement; they are compared where the flag is clear.
    always.set(p.name, words(keep, p.words));
    cond.set(p.name, c);
  }
  return { always, cond };
}
const ALL_BITS = wordMasks([]);

/** Whether a difference `d` in word k of event i survives the exclusions. */
function real(m: Masks, port: string, d: number, k: number, flags: Uint8Array | undefined, i: number): boolean {
  if ((d & m.always.get(port)![k]!) !== 0) return true;
  // Bits under a conditional exclusion are compared where its flag is clear; other excluded bits never.
  for (const c of m.cond.get(port)!) if ((d & c.mask[k]!) !== 0 && !(flags && (flags[i]! & c.flag) !== 0)) return true;
  return false;
}

/** Index of the first event in [0, count) where expected and actual differ, or -1. */
export function firstDifference(expected: Columns, actual: Columns, count: number, masks: Masks = ALL_BITS, flags?: Uint8Array): number {
  let first = count;
  const rdv = expected.rd_valid!;
  for (const p of COMPARED) {
    const e = expected[p.name]!, a = actual[p.name];
    if (!a) throw new Error(`lockstep: the engine returned no output '${p.name}'`);
    const w = p.words, n = Math.min(count, first) * w, mk = masks.always.get(p.name)!;
    if (p.name === 'rd_value') {
      for (let j = 0; j < n; j++) {
        const d = (e[j]! ^ a[j]!) >>> 0;
        if (d !== 0 && rdv[(j / 2) | 0] === 1 && real(masks, p.name, d, j % w, flags, (j / w) | 0)) { first = (j / w) | 0; break; }
      }
    } else if (mk.every((x) => x === 0xffffffff)) {
      for (let j = 0; j < n; j++) if (e[j] !== a[j]) { first = (j / w) | 0; break; }
    } else {
      for (let j = 0; j < n; j++) {
        const d = (e[j]! ^ a[j]!) >>> 0;
        if (d !== 0 && real(masks, p.name, d, j % w, flags, (j / w) | 0)) { first = (j / w) | 0; break; }
      }
    }
  }
  return first === count ? -1 : first;
}

/** Every differing field of event i. */
export function diffsAt(expected: Columns, actual: Columns, i: number, masks: Masks = ALL_BITS, flags?: Uint8Array): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const p of COMPARED) {
    if (p.name === 'rd_value' && expected.rd_valid![i] !== 1) continue;
    let differs = false;
    for (let k = 0; k < p.words; k++) {
      const d = (expected[p.name]![i * p.words + k]! ^ actual[p.name]![i * p.words + k]!) >>> 0;
      if (d !== 0 && real(masks, p.name, d, k, flags, i)) differs = true;
    }
    const e = valueAt(expected, p, i), a = valueAt(actual, p, i);
    if (differs) out.push({ field: p.name, expected: e, actual: a });
  }
  return out;
}
