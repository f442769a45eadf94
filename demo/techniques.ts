// `vti demo`: the same guest workload (programs/lib/workload.inc) under three techniques, each
// measured over the workload window -- from the first instruction at workload_start to the
// first at workload_end -- by classifying every executed instruction by address range:
// VMM = the VMM's IVT and handlers (__vmm_start..__vmm_end) plus its para-virtual page
// (__pv_start..__pv_end); guest = __guest_start..__guest_end. Boot code and the exit hypercall
// lie outside the window.
import { type Counts, FLUSH_RANGE, cyclesPerOp, totalCycles } from './cost.js';
import { big, programSymbols, runProgram } from './run.js';
import { symbol } from '../model/elf.js';
import type { TraceRecord } from '../model/emulator.js';

export interface Technique {
  readonly id: string;
  readonly title: string;
  readonly program: string;
  readonly vt: boolean;
}

export const TECHNIQUES: readonly Technique[] = [
  { id: 'vt-trap', title: 'VT-i trap-and-emulate (a)', program: 'vtvmm', vt: true },
  { id: 'vt-paravirt', title: 'VT-i para-virtual vmsw (c)', program: 'paravirt', vt: true },
  { id: 'classic', title: 'classic, no VT-i (d)', program: 'classic', vt: false },
];

/** PSR.vm (bit 46) of a hex PSR string, without BigInt: bit 2 of the 12th hex digit from the right. */
export function vmBit(psr: string): number {
  const i = psr.length - 12;
  return i >= 2 ? (parseInt(psr[i]!, 16) >> 2) & 1 : 0;
}

export interface TechniqueResult extends Counts {
  /** Window instructions executed with PSR.vm = 0 (the PSR before the instruction): under
   * VT-i trap-and-emulate exactly the VMM's; the para-virtual page runs part vm = 1. */
  readonly vm0Instructions: number;
  readonly id: string;
  readonly title: string;
  readonly program: string;
  readonly vt: boolean;
  readonly cyclesPerOp: number;
  readonly cyclesPerOpRange: readonly [number, number];
  readonly totalCycles: number;
  readonly halted: boolean;
  readonly vmmError: number;
  /** The run passed both workload_start and workload_end (else the counts are partial). */
  readonly windowComplete: boolean;
}

export interface DemoResult {
  readonly iterations: number;
  readonly flushCycles: number;
  readonly flushRange: readonly [number, number];
  readonly techniques: readonly TechniqueResult[];
}

export async function measure(t: Technique, iterations: number, flushCycles: number): Promise<TechniqueResult> {
  const syms = programSymbols(t.program);
  const n = (s: string) => Number(symbol(syms, s));
  const ranges: [number, number][] = [
    [n('__vmm_start'), n('__vmm_end')],
    [n('__pv_start'), n('__pv_end')],
  ];
  const guest: [number, number] = [n('__guest_start'), n('__guest_end')];
  const start = n('workload_start'),
    end = n('workload_end');
  let inWindow = false,
    done = false;
  const c = { interruptions: 0, vmmInstructions: 0, guestInstructions: 0, vm0Instructions: 0 };
  const onStep = (rec: TraceRecord): void => {
    if (done) return;
    const ip = Number(rec.ip);
    if (!inWindow) {
      if (ip !== start) return;
      inWindow = true;
    }
    if (ip === end) {
      done = true;
      return;
    }
    if (rec.event !== undefined) c.interruptions++;
    if (vmBit(rec.psr) === 0) c.vm0Instructions++;
    if (ip >= guest[0] && ip < guest[1]) c.guestInstructions++;
    else if (ranges.some(([lo, hi]) => ip >= lo && ip < hi)) c.vmmInstructions++;
  };
  // ~250 steps per iteration for the slowest technique; the bound only guards against a hang.
  const maxSteps = 1000 * iterations + 100_000;
  const r = await runProgram(t.program, { vt: t.vt, iterations, extras: 0, onStep, maxSteps });
  const counts: Counts = { ...c, emulatedOps: Number(big(r.state.gr[19]!)) };
  return {
    id: t.id,
    title: t.title,
    program: t.program,
    vt: t.vt,
    ...counts,
    vm0Instructions: c.vm0Instructions,
    cyclesPerOp: cyclesPerOp(counts, flushCycles),
    cyclesPerOpRange: [cyclesPerOp(counts, FLUSH_RANGE[0]), cyclesPerOp(counts, FLUSH_RANGE[1])],
    totalCycles: totalCycles(counts, flushCycles),
    halted: r.state.halted,
    vmmError: Number(big(r.state.gr[25]!)),
    windowComplete: inWindow && done,
  };
}

export async function runDemo(iterations: number, flushCycles: number): Promise<DemoResult> {
  const techniques: TechniqueResult[] = [];
  for (const t of TECHNIQUES) techniques.push(await measure(t, iterations, flushCycles));
  return { iterations, flushCycles, flushRange: FLUSH_RANGE, techniques };
}

const f1 = (x: number) => x.toFixed(1);

export function formatTable(d: DemoResult): string {
  const head = [
    'technique',
    'interruptions',
    'VMM instr',
    'guest instr',
    'ops emulated',
    'VMM instr/op',
    `cycles/op @${d.flushCycles}`,
    `@${d.flushRange[0]}..${d.flushRange[1]}`,
  ];
  const rows = d.techniques.map((t) => [
    t.title,
    String(t.interruptions),
    String(t.vmmInstructions),
    String(t.guestInstructions),
    String(t.emulatedOps),
    f1(t.emulatedOps ? t.vmmInstructions / t.emulatedOps : 0),
    f1(t.cyclesPerOp),
    `${f1(t.cyclesPerOpRange[0])}..${f1(t.cyclesPerOpRange[1])}`,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  const out = [
    `workload: ${d.iterations} iterations x 6 privileged operations; cost model: 1 cycle/instruction + ` +
      `${d.flushCycles} cycles/interruption (programs/README.md)`,
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...rows.map(line),
  ];
  for (const t of d.techniques) {
    if (!t.windowComplete)
      out.push(`warning: ${t.program} did not run its whole workload window; its counts are partial`);
    if (!t.halted) out.push(`warning: ${t.program} did not halt within the step limit`);
    if (t.vmmError) out.push(`warning: ${t.program}: the VMM gave up (error ${t.vmmError}, see programs/README.md)`);
  }
  return out.join('\n') + '\n';
}
