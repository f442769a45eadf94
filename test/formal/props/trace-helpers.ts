// Reading a checker trace in the spec's terms: the event of a cycle (SAT step k's inputs) and
// the PSR before / after it (o_* at steps k and k+1). See formal/props/trace.ts for the timing.
import { ICLASS, type IClassName } from '../../../arch/iclass.js';
import { NON_ACCESS } from '../../../arch/non-access.js';
import { traceValue, type TraceStep } from '../../../formal/props/index.js';

export interface Event {
  readonly get: (input: string) => bigint;
  readonly cls: IClassName;
  readonly before: (output: string) => bigint;
  readonly after: (output: string) => bigint;
}

const must = (v: bigint | undefined, what: string): bigint => {
  if (v === undefined) throw new Error(`trace has no defined value for ${what}`);
  return v;
};

/** The event judged by the last step of the trace (the one whose ok / cover decided). */
export function lastEvent(steps: readonly TraceStep[]): Event {
  const ev = steps[steps.length - 2]!;
  const next = steps[steps.length - 1]!;
  const code = must(traceValue(ev, 'iclass'), 'iclass');
  const cls = (Object.keys(ICLASS) as IClassName[]).find((k) => BigInt(ICLASS[k].code) === code)!;
  return {
    get: (n) => must(traceValue(ev, n), n),
    cls,
    before: (n) => must(traceValue(ev, n), `${n} before`),
    after: (n) => must(traceValue(next, n), `${n} after`),
  };
}

/** PSR field of a 64-bit PSR value. */
export const psrField = (psr: bigint, lo: number, width = 1): bigint =>
  (psr >> BigInt(lo)) & ((1n << BigInt(width)) - 1n);

/** ISR.code{3:0} the event's `non_access_kind` adds to its faults' code (arch/non-access.ts; 0 for NONE). */
export const naCode = (e: Event): bigint =>
  BigInt(Object.values(NON_ACCESS).find((k) => BigInt(k.value) === e.get('non_access_kind'))?.code ?? 0);
