// Traces of the property checker (`sat -dump_json` WaveJSON of vti_props): per-step values, a
// per-cycle table aligned with docs/vti_core.md's timing tables, and a VCD.
// Alignment: in SAT step k the inputs are the event of cycle k and the o_* outputs are the
// registered state BEFORE its edge; the effect of cycle k's event shows in step k+1. So column
// k of the table pairs step k's inputs with step k+1's outputs (and ok/cov, which judge the
// previous cycle's event). The VCD keeps the raw per-step values (one clock period per step).
import { waveSteps, type CexValue } from '../cex.js';
import { ICLASS } from '../../arch/iclass.js';

/** One SAT time step: every dumped signal (inputs and outputs of vti_props). */
export interface TraceStep {
  readonly step: number;
  readonly signals: Readonly<Record<string, CexValue>>;
}

/** Steps 1..N of a sequential dump (wave position 0 is the initial state and is dropped). */
export function parseTrace(json: string): TraceStep[] {
  return waveSteps(json, true).map((m, i) => ({
    step: i + 1,
    signals: Object.fromEntries([...m].map(([name, v]) => [name.replace(/^\\/, ''), v])),
  }));
}

/** A signal's value as a bigint (undefined when absent or with x bits). */
export function traceValue(s: TraceStep | undefined, name: string): bigint | undefined {
  const v = s?.signals[name];
  return v && /^[01]+$/.test(v.bin) ? BigInt('0b' + v.bin) : undefined;
}

const CLASS_NAME = new Map(Object.entries(ICLASS).map(([k, v]) => [BigInt(v.code), k]));

function show(name: string, v: CexValue | undefined): string {
  if (!v) return '?';
  if (name === 'iclass' && /^[01]+$/.test(v.bin)) return CLASS_NAME.get(BigInt('0b' + v.bin)) ?? v.hex;
  return v.width <= 3 && /^[01]+$/.test(v.bin) ? String(parseInt(v.bin, 2)) : v.hex;
}

/**
 * Per-cycle table: a header line of cycle numbers, then one line per event input (step k), a
 * separator, and one line per output after the edge (step k+1). `failAt`: the step whose `ok`
 * failed (marked on its cycle, k = failAt - 1).
 */
export function formatTrace(
  steps: readonly TraceStep[],
  inputs: readonly string[],
  outputs: readonly string[],
  mark?: { step: number; text: string },
): string {
  const cycles = steps.slice(0, -1).map((s) => s.step);
  const after = (k: number) => steps.find((s) => s.step === k + 1);
  const rows: string[][] = [
    ['cycle', ...cycles.map((k) => String(k) + (mark && mark.step === k + 1 ? ` ${mark.text}` : ''))],
  ];
  for (const n of inputs) rows.push([n, ...cycles.map((k) => show(n, steps.find((s) => s.step === k)!.signals[n]))]);
  rows.push(['-- after the edge --', ...cycles.map(() => '')]);
  for (const n of outputs) rows.push([n, ...cycles.map((k) => show(n, after(k)?.signals[n]))]);
  const colW = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((x, c) => (c === 0 ? x.padEnd(colW[c]!) : x.padStart(colW[c]!)))
        .join(' | ')
        .trimEnd(),
    )
    .join('\n');
}

/** A VCD: one clock period per step, every dumped signal with its value during that step. */
export function traceToVcd(steps: readonly TraceStep[], top: string): string {
  const names = steps[0]
    ? Object.keys(steps[0].signals)
        .filter((n) => n !== 'clk')
        .sort()
    : [];
  const out = ['$timescale 1ns $end', `$scope module ${top} $end`, '$var wire 1 ck clk $end'];
  names.forEach((n, i) => {
    out.push(`$var wire ${steps[0]!.signals[n]!.width} s${i} ${n} $end`);
  });
  out.push('$upscope $end', '$enddefinitions $end');
  steps.forEach((st, k) => {
    out.push(`#${k * 10}`, '0ck');
    names.forEach((n, i) => {
      const v = st.signals[n];
      if (v) out.push(v.width === 1 ? `${v.bin}s${i}` : `b${v.bin} s${i}`);
    });
    out.push(`#${k * 10 + 5}`, '1ck');
  });
  out.push(`#${steps.length * 10}`);
  return out.join('\n') + '\n';
}
