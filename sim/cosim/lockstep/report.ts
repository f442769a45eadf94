// The divergence report of a lockstep mismatch: the text (step, instruction, address, each
// differing field expected vs actual, the window before it), a VCD of the window (the run
// re-done from reset on the built-in engine, waveform on for the window only), and a
// replayable stimulus file (JSON of the events from reset) under <outDir>/cosim/ (sim/cosim/dirs.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../cache/atomic-write.js';
import { join } from 'node:path';
import { DEFAULT_CONFIG, vtiDesign, type VtiConfig } from '../../../gen/vti.js';
import type { IRDesign } from '../../../hdl/ir/types.js';
import { createSimulator } from '../../jssim/sim.js';
import { createEngine, type EngineName } from '../../engine.js';
import { columnsFromRows, INPUTS, OUTPUTS, rowAt, sliceColumns, valueAt, type Columns } from './columns.js';
import { ICLASS_BY_CODE } from './classify.js';
import { allocBatch, EventSource, slotText } from './events.js';
import { WINDOW, type Divergence, type EmulatorFactory, type LockstepResult } from './lockstep.js';
import { cosimDirs } from '../dirs.js';

/** Stimulus files hold every event from reset up to this many; beyond, only the window. */
export const MAX_STIMULUS_EVENTS = 50_000;

const hx = (v: bigint) => '0x' + v.toString(16);

export function formatDivergence(d: Divergence): string {
  const lines = [
    `mismatch at event ${d.event} (emulator step ${d.step}): ${hx(d.ip)} slot ${d.slot}  ${d.insn}  [iclass ${ICLASS_BY_CODE[d.iclass] ?? d.iclass}]`,
    ...d.fields.map(
      (f) =>
        `  ${f.port.padEnd(12)} expected ${hx(f.expected).padStart(20)}   rtl ${hx(f.actual).padStart(20)}   xor ${hx(f.expected ^ f.actual)}`,
    ),
    `  event inputs: ${Object.entries(d.inputs)
      .filter(([, v]) => v !== '0x0')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
    `  window (${d.window.insns.length} events from ${d.window.first}):`,
  ];
  const w = d.window,
    n = w.insns.length;
  const psr = OUTPUTS.find((p) => p.name === 'psr')!,
    vec = OUTPUTS.find((p) => p.name === 'intr_vector')!;
  for (let i = Math.max(0, n - 8); i < n; i++) {
    const ip = valueAt(w.inputs, INPUTS.find((p) => p.name === 'ip')!, i);
    lines.push(
      `    ${String(w.first + i).padStart(8)} ${hx(ip).padStart(12)} ${w.insns[i]!.padEnd(34)} psr exp ${hx(valueAt(w.expected, psr, i))} rtl ${hx(valueAt(w.actual, psr, i))}` +
        (valueAt(w.expected, vec, i) || valueAt(w.actual, vec, i)
          ? ` vector exp ${hx(valueAt(w.expected, vec, i))} rtl ${hx(valueAt(w.actual, vec, i))}`
          : ''),
    );
  }
  return lines.join('\n') + '\n';
}

export interface Stimulus {
  readonly format: 'vti-core-stimulus/1';
  readonly gen: VtiConfig;
  /** true: `events` start right after reset (exactly replayable); false: only the window. */
  readonly fromReset: boolean;
  readonly first: number;
  readonly events: Record<string, string>[];
  readonly insns: string[];
  /** Emulator's expected outputs after the last event, and what the RTL gave. */
  readonly expectedLast: Record<string, string>;
  readonly actualLast: Record<string, string>;
}

export interface Artifacts {
  readonly text: string;
  readonly stimulus: string;
  readonly vcd: string | null;
  readonly reproduced: boolean | null;
}

/** Re-runs the emulator from the start and collects the inputs of events [0, count). */
function regenerate(make: EmulatorFactory, count: number): { inputs: Columns; insns: string[] } {
  const src = new EventSource(make());
  const b = allocBatch(Math.max(1, count));
  src.fill(b, Number.MAX_SAFE_INTEGER);
  if (b.count < count)
    throw new Error(
      `report: the re-run produced ${b.count} events, fewer than the ${count} of the lockstep run (non-deterministic program?)`,
    );
  return {
    inputs: sliceColumns(INPUTS, b.inputs, 0, count),
    insns: Array.from({ length: count }, (_, i) => slotText(b, i)),
  };
}

/** Writes the text report, the stimulus and (when the design is known) the VCD into `dir` (default cosimDirs().cosim); returns their paths. */
export async function writeDivergence(
  r: LockstepResult,
  make: EmulatorFactory,
  o: { name: string; gen?: VtiConfig; design?: IRDesign; dir?: string },
): Promise<Artifacts> {
  const d = r.mismatch;
  if (!d) throw new Error('writeDivergence: the run has no mismatch');
  const dir = o.dir ?? cosimDirs().cosim;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${o.name}-event${d.event}`);
  const gen = o.gen ?? DEFAULT_CONFIG;
  const total = d.event + 1;
  const fromReset = total <= MAX_STIMULUS_EVENTS;
  const all = fromReset ? regenerate(make, total) : null;
  const win = all
    ? { inputs: all.inputs, insns: all.insns, first: 0 }
    : { inputs: d.window.inputs, insns: d.window.insns, first: d.window.first };
  const n = win.insns.length;
  const stim: Stimulus = {
    format: 'vti-core-stimulus/1',
    gen,
    fromReset,
    first: win.first,
    events: Array.from({ length: n }, (_, i) => rowAt(INPUTS, win.inputs, i)),
    insns: win.insns,
    expectedLast: rowAt(OUTPUTS, d.window.expected, d.window.insns.length - 1),
    actualLast: rowAt(OUTPUTS, d.window.actual, d.window.insns.length - 1),
  };
  writeFileAtomic(`${base}.json`, JSON.stringify(stim, null, 1) + '\n');
  writeFileAtomic(`${base}.txt`, formatDivergence(d));
  let vcd: string | null = null,
    reproduced: boolean | null = null;
  if (all) {
    // The built-in engine, from reset: the prefix fast, the window with the waveform on.
    const sim = createSimulator(o.design ?? vtiDesign('vti_core', gen));
    sim.stepBatch({ rst: Uint32Array.of(1) }, 1);
    const from = Math.max(0, total - WINDOW);
    if (from > 0) sim.stepBatch(sliceColumns(INPUTS, all.inputs, 0, from), from);
    vcd = `${base}.vcd`;
    sim.vcd(vcd);
    const out = sim.stepBatch(sliceColumns(INPUTS, all.inputs, from, total - from), total - from);
    sim.close();
    reproduced = OUTPUTS.every(
      (p) => '0x' + valueAt(out, p, total - from - 1).toString(16) === stim.actualLast[p.name],
    );
  }
  return { text: `${base}.txt`, stimulus: `${base}.json`, vcd, reproduced };
}

/** Replays a stimulus file from reset on an engine; the outputs after its last event. */
export async function replayStimulus(
  file: string,
  engine: EngineName,
  design?: IRDesign,
): Promise<{ outputs: Record<string, string>; matchesExpected: boolean; matchesRecorded: boolean }> {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Stimulus;
  if (s.format !== 'vti-core-stimulus/1')
    throw new Error(`${file}: not a vti-core stimulus file (format '${String(s.format)}')`);
  if (!s.fromReset)
    throw new Error(
      `${file}: holds only the window before event ${s.first + s.events.length - 1}, not the events from reset; re-run the lockstep instead`,
    );
  const e = await createEngine(engine, design ?? vtiDesign('vti_core', s.gen));
  try {
    await e.stepBatch({ rst: Uint32Array.of(1) }, 1);
    const out = await e.stepBatch(columnsFromRows(INPUTS, s.events), s.events.length);
    const outputs = rowAt(OUTPUTS, out, s.events.length - 1);
    const same = (ref: Record<string, string>) => OUTPUTS.every((p) => outputs[p.name] === ref[p.name]);
    return { outputs, matchesExpected: same(s.expectedLast), matchesRecorded: same(s.actualLast) };
  } finally {
    await e.close();
  }
}
