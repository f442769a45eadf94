// Counterexamples from `sat -dump_json` (WaveJSON) of a `miter -make_outputs` design, as
// structured per-step data, a readable table and a VCD of our own (Yosys' own VCD dump puts the
// first step at the same time stamp as the initial state, which viewers show confusingly).

/** A value as Yosys printed it: MSB-first binary (may contain x), and hex ('x' nibbles kept). */
export interface CexValue {
  readonly width: number;
  readonly bin: string;
  /** `0x…`; a nibble with any undefined bit prints as `x`. */
  readonly hex: string;
}

export interface CexStep {
  /** 1-based time step of the SAT problem. */
  readonly step: number;
  /** false for steps the proof does not check (the reset step of a sequential check). */
  readonly compared: boolean;
  readonly inputs: Readonly<Record<string, CexValue>>;
  readonly gold: Readonly<Record<string, CexValue>>;
  readonly gate: Readonly<Record<string, CexValue>>;
  /** Output names whose gold and gate values differ at this step. */
  readonly mismatches: readonly string[];
}

export function binToHex(bin: string): string {
  let hex = '';
  for (let end = bin.length; end > 0; end -= 4) {
    const nib = bin.slice(Math.max(0, end - 4), end);
    hex = (/[^01]/.test(nib) ? 'x' : parseInt(nib, 2).toString(16)) + hex;
  }
  return '0x' + (hex || '0');
}

const value = (bin: string): CexValue => ({ width: bin.length, bin, hex: binToHex(bin) });

interface WaveSignal {
  name: string;
  wave: string;
  data?: string[];
}

/** Decodes one WaveJSON signal into one entry per wave position (null where absent). */
function decodeWave(s: WaveSignal): (string | null)[] {
  const out: (string | null)[] = [];
  let d = 0;
  let prev: string | null = null;
  for (const ch of s.wave) {
    if (ch === '.') out.push(prev);
    else if (ch === '=') (prev = s.data?.[d++] ?? null), out.push(prev);
    else if (ch === '4') d++, (prev = null), out.push(null);
    else (prev = ch), out.push(ch);
  }
  return out;
}

/**
 * Every signal of a WaveJSON dump, per step. `sequential`: position 0 of each wave is the
 * initial state and positions 1..N are steps 1..N; combinational: position 0 is the model.
 */
export function waveSteps(text: string, sequential: boolean): Map<string, CexValue>[] {
  const doc = JSON.parse(text) as { signal: WaveSignal[] };
  const waves = [...doc.signal].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => [s.name, decodeWave(s)] as const);
  const len = Math.max(0, ...waves.map(([, w]) => w.length));
  const positions = sequential ? [...Array(Math.max(0, len - 1)).keys()].map((i) => i + 1) : [0];
  return positions.map((pos) => {
    const m = new Map<string, CexValue>();
    for (const [name, w] of waves) {
      const v = w[pos];
      if (v != null) m.set(name, value(v));
    }
    return m;
  });
}

/**
 * Steps of a miter counterexample (`in_*`, `gold_*`, `gate_*` signals).
 * `skip` = number of leading steps the proof did not check.
 */
export function parseWaveJson(text: string, sequential: boolean, skip = 0): CexStep[] {
  const steps: CexStep[] = waveSteps(text, sequential).map((sig, i) => {
    const inputs: Record<string, CexValue> = {};
    const gold: Record<string, CexValue> = {};
    const gate: Record<string, CexValue> = {};
    for (const [name, v] of sig) {
      if (name.startsWith('in_')) inputs[name.slice(3)] = v;
      else if (name.startsWith('gold_')) gold[name.slice(5)] = v;
      else if (name.startsWith('gate_')) gate[name.slice(5)] = v;
    }
    const mismatches = Object.keys(gold).filter((k) => gate[k] && gate[k].bin !== gold[k]!.bin);
    const step = sequential ? i + 1 : 1;
    return { step, compared: step > skip, inputs, gold, gate, mismatches };
  });
  // Drop trailing steps after the first checked mismatch: they are solver noise.
  const first = steps.findIndex((s) => s.compared && s.mismatches.length > 0);
  return first < 0 ? steps : steps.slice(0, first + 1);
}

/** A readable table: one row per step, inputs then outputs (gold / gate where they differ). */
export function formatCex(steps: readonly CexStep[]): string {
  if (steps.length === 0) return '(no counterexample)';
  const inNames = Object.keys(steps[0]!.inputs).filter((n) => n !== 'clk');
  const outNames = Object.keys(steps[0]!.gold);
  const header = ['step', ...inNames, ...outNames.map((n) => `${n} (gold/gate)`)];
  const rows = steps.map((s) => [
    `${s.step}${s.compared ? '' : ' (reset, not compared)'}`,
    ...inNames.map((n) => s.inputs[n]?.hex ?? '?'),
    ...outNames.map((n) => {
      const g = s.gold[n]?.hex ?? '?';
      const h = s.gate[n]?.hex ?? '?';
      return g === h ? g : `${g} / ${h}  <-- differs`;
    }),
  ]);
  // Transposed layout (one line per signal) stays readable with 64-bit values and many ports.
  const lines: string[] = [];
  const w = Math.max(...header.map((h) => h.length));
  for (let c = 0; c < header.length; c++) {
    lines.push(header[c]!.padEnd(w) + ' | ' + rows.map((r) => r[c]!).join(' | '));
  }
  return lines.join('\n');
}

/** A VCD of the counterexample: one clock period per step, inputs and gold_/gate_ outputs. */
export function cexToVcd(steps: readonly CexStep[], top: string): string {
  const sigs: { name: string; width: number; get: (s: CexStep) => CexValue | undefined }[] = [];
  const first = steps[0];
  if (first) {
    for (const [n, v] of Object.entries(first.inputs))
      if (n !== 'clk') sigs.push({ name: n, width: v.width, get: (s) => s.inputs[n] });
    for (const [n, v] of Object.entries(first.gold))
      sigs.push({ name: `gold_${n}`, width: v.width, get: (s) => s.gold[n] });
    for (const [n, v] of Object.entries(first.gate))
      sigs.push({ name: `gate_${n}`, width: v.width, get: (s) => s.gate[n] });
  }
  const id = (i: number) => `s${i}`;
  const out = ['$timescale 1ns $end', `$scope module ${top} $end`, '$var wire 1 ck clk $end'];
  sigs.forEach((s, i) => {
    out.push(`$var wire ${s.width} ${id(i)} ${s.name} $end`);
  });
  out.push('$upscope $end', '$enddefinitions $end');
  steps.forEach((st, k) => {
    out.push(`#${k * 10}`, '0ck');
    sigs.forEach((s, i) => {
      const v = s.get(st);
      if (v) out.push(s.width === 1 ? `${v.bin}${id(i)}` : `b${v.bin} ${id(i)}`);
    });
    out.push(`#${k * 10 + 5}`, '1ck');
  });
  out.push(`#${steps.length * 10}`);
  return out.join('\n') + '\n';
}
