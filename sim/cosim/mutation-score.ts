// Mutation score of the block co-simulation. Yosys `mutate` (formal/yosys-mutants.ts) plants single-bit
// faults in the generated Verilog of one block; each mutant is verilated and run on the same
// stimulus as sim/cosim/blocks.ts (directed + exhaustive where small + seeded random batches)
// against the independent reference model (model/blocks). A mutant is killed by the first
// output mismatch. A survivor is, on request, classified formally: provably equivalent to the
// original (unkillable, left out of the score) or a real gap in the stimulus.
//
// The stimulus and the reference outputs are computed once per block and reused for every
// mutant; only the mutant's model is built and evaluated per mutant. Models are built one
// after the other (the Verilator cache builds in-process; 2 cores). All Yosys work goes
// through the one queued Yosys-WASM runner of formal/yosys.ts.
import type { Columns, Port } from '../../model/blocks/columns.js';
import { firstMismatch } from '../../model/blocks/compare.js';
import type { BlockName } from '../../blocks/registry.js';
import type { Stimulus } from '../../model/blocks/vectors.js';
import { blockRunner, RANDOM_BATCH, type StimSetName } from './blocks.js';
import { DEFAULT_CONFIG, vtiSpec, type VtiConfig } from '../../gen/vti.js';
import type { ModuleSpec } from '../../gen/verilog/index.js';
import { mutants as yosysMutants, type Mutant } from '../../formal/yosys-mutants.js';
import { proveEquivalent, type EquivResult } from '../../formal/equiv.js';
import { proveProperties, type Property } from '../../formal/property-prover.js';
import { blockProperties } from '../../formal/blocks.js';
import { buildVerilatorModel, verilatorAvailable } from '../verilator/index.js';

export type { Mutant } from '../../formal/yosys-mutants.js';

export interface MutationOptions {
  /** Number of Yosys mutants (`mutate -list count -seed seed`). */
  readonly count: number;
  /** Seeds both the mutant list and the random stimulus (batch k uses seed + k, as cosimBlock). */
  readonly seed: number;
  /** Random vectors (cycles for vti_psr) on top of the directed and exhaustive sets. */
  readonly vectors: number;
  readonly engine?: 'verilator';
  /** Prove each survivor equivalent or not (Yosys sat; k-induction for vti_psr). Default true. */
  readonly classify?: boolean;
  readonly gen?: VtiConfig;
  /** Random batch size; default as cosimBlock (RANDOM_BATCH, 65536). */
  readonly batch?: number;
  /** Stimulus sets to run (default all: directed, exhaustive where the block has one, random);
   *  e.g. ['random'] measures what the random vectors alone would kill. */
  readonly sets?: readonly MutantKill['set'][];
  /** Called after each mutant has been simulated (and again after each classification). */
  readonly progress?: (event: MutationProgress) => void;
}

export type MutationProgress =
  | { readonly phase: 'simulate'; readonly done: number; readonly total: number; readonly mutant: MutantOutcome }
  | { readonly phase: 'classify'; readonly done: number; readonly total: number; readonly mutant: MutantOutcome };

export type MutantStatus = 'killed' | 'equivalent' | 'gap' | 'survived' | 'error';

export interface MutantKill {
  /** Which stimulus set killed it: 'directed', 'exhaustive' or 'random'. */
  readonly set: StimSetName;
  /** Index of the first differing vector (cycle) over the whole run, as cosimBlock counts. */
  readonly vector: number;
  readonly label?: string;
  readonly port: string;
}

export interface MutantOutcome {
  readonly id: number;
  readonly command: string;
  /** survived = not killed and not classified (classify: false). */
  readonly status: MutantStatus;
  readonly kill?: MutantKill;
  /** Verdict of the equivalence proof for a survivor. */
  readonly verdict?: EquivResult['verdict'];
  /** Counterexample table of a 'different' verdict (the input that the stimulus misses). */
  readonly table?: string;
  /** How the verdict was reached (sequential blocks: plain k-induction, or strengthened). */
  readonly method?: string;
  /** Build or simulation error (status 'error'; excluded from the score). */
  readonly error?: string;
}

export interface MutationGap {
  readonly id: number;
  readonly command: string;
  /** 'different': proved killable; 'inconclusive': induction did not close (treated as a gap). */
  readonly verdict: EquivResult['verdict'];
  readonly method?: string;
  readonly table?: string;
}

export interface MutationResult {
  readonly block: BlockName;
  readonly mutants: number;
  readonly killed: number;
  /** Not killed by the co-simulation (equivalent + gaps when classified). */
  readonly survived: number;
  /** Survivors proved equivalent to the original (not counted against the score). */
  readonly equivalent: number;
  readonly gaps: readonly MutationGap[];
  /** Mutants whose model could not be built or run (excluded from the score). */
  readonly errors: number;
  /** killed / (mutants - equivalent - errors). */
  readonly score: number;
  /** Vectors (cycles) each surviving mutant was run on: directed + exhaustive + random. */
  readonly vectorsPerMutant: number;
  readonly outcomes: readonly MutantOutcome[];
  readonly seconds: number;
  /** Time split: mutant generation, model builds + simulation, formal classification. */
  readonly phases: { readonly mutate: number; readonly simulate: number; readonly classify: number };
}

// ---------------------------------------------------------------------------------------------
// Stimulus: exactly the block co-simulation's sets (`blockRunner` of sim/cosim/blocks.ts);
// directed sets are tagged so a kill says which set found it.

interface StimSet {
  readonly set: MutantKill['set'];
  readonly stim: Stimulus;
  readonly expected: Columns;
  /** Vector index of the set's first vector over the whole run. */
  readonly offset: number;
}

interface BlockStimulus {
  readonly sequential: boolean;
  readonly outputs: readonly Port[];
  readonly sets: readonly StimSet[];
  readonly total: number;
}

/** The co-simulation stimulus of one block with its reference outputs (computed once). */
export function blockStimulus(
  block: BlockName,
  o: { vectors: number; seed: number; gen?: VtiConfig; batch?: number },
): BlockStimulus {
  const r = blockRunner(block, o.gen ?? DEFAULT_CONFIG);
  const sets: StimSet[] = [];
  let done = 0;
  for (const d of r.directed()) {
    sets.push({ set: d.set, stim: d.stim, expected: r.reference(d.stim), offset: done });
    done += d.stim.count;
  }
  const batch = o.batch ?? RANDOM_BATCH;
  const total = done + o.vectors;
  for (let k = 0; done < total; k++) {
    const stim = r.random(Math.min(batch, total - done), o.seed + k);
    sets.push({ set: 'random', stim, expected: r.reference(stim), offset: done });
    done += stim.count;
  }
  return { sequential: r.sequential, outputs: r.outputs, sets, total: done };
}

/** First differing vector of one set, or undefined when all outputs agree. */
function firstKill(outputs: readonly Port[], s: StimSet, actual: Columns): MutantKill | undefined {
  for (const p of outputs)
    if (!actual[p.name]) throw new Error(`mutation: the mutant has no output column '${p.name}'`);
  const m = firstMismatch(outputs, s.expected, actual, s.stim.count);
  if (!m) return undefined;
  const label = s.stim.labels?.[m.index];
  return { set: s.set, vector: s.offset + m.index, ...(label ? { label } : {}), port: m.port };
}

/** Simulates one mutant (any Verilog with the block's ports) on the stimulus; kill or undefined. */
export async function simulateMutant(spec: ModuleSpec, stim: BlockStimulus): Promise<MutantKill | undefined> {
  const model = await buildVerilatorModel(spec);
  try {
    for (const s of stim.sets) {
      const actual = stim.sequential
        ? await model.stepBatch(s.stim.inputs, s.stim.count)
        : await model.evalBatch(s.stim.inputs, s.stim.count);
      const k = firstKill(stim.outputs, s, actual);
      if (k) return k;
    }
    return undefined;
  } finally {
    await model.close();
  }
}

export interface Classification {
  readonly verdict: EquivResult['verdict'];
  readonly method: string;
  readonly table?: string;
}

/**
 * Is the mutant equivalent to the original? Combinational blocks: the SAT miter
 * (formal/equiv.ts). Sequential (vti_psr): k-induction from reset; when that does not close,
 * which happens when the mutant differs only in states that reset never reaches (e.g. it
 * clears a reserved PSR bit that is always 0 anyway, while induction starts from any state),
 * the agreement is proved again strengthened by the block's own safety properties
 * (blocks/properties.ts, e.g. "reserved PSR bits always read 0"): one k-induction over
 * the conjunction `properties of the original && mutant outputs == original outputs` on a
 * wrapper holding both. Sound: the conjunction is proved to hold at every step after reset,
 * so the outputs agree on every reachable state. A base-case failure of the agreement is a
 * real counterexample ('different').
 */
export async function classifyMutant(
  block: BlockName,
  original: ModuleSpec,
  m: Mutant,
  sequential: boolean,
  gen: VtiConfig = DEFAULT_CONFIG,
): Promise<Classification> {
  const plain = await proveEquivalent({
    gold: { files: original.files, top: original.top },
    gate: { files: m.files, top: m.top },
    sequential,
  });
  const method = sequential ? 'k-induction from reset (k <= 8)' : 'combinational SAT miter';
  if (plain.verdict !== 'inconclusive' || !sequential)
    return { verdict: plain.verdict, method, ...(plain.table ? { table: plain.table } : {}) };
  const top = original.top,
    mtop = `${top}__mutant`;
  const rename = new RegExp(`\\bmodule\\s+${top}\\b`);
  const mv = Object.values(m.files).join('\n');
  if (!rename.test(mv)) return { verdict: 'inconclusive', method };
  const outs = original.ports.filter((p) => p.dir === 'output');
  const range = (w: number) => (w > 1 ? `[${w - 1}:0] ` : '');
  const wrapper = [
    `module ${top}__miter(${[...original.ports.map((p) => p.name), 'mutant_agrees'].join(', ')});`,
    ...original.ports.map((p) => `  ${p.dir} ${range(p.width)}${p.name};`),
    '  output mutant_agrees;',
    ...outs.map((p) => `  wire ${range(p.width)}m_${p.name};`),
    `  ${top} gold (${original.ports.map((p) => `.${p.name}(${p.name})`).join(', ')});`,
    `  ${mtop} gate (${original.ports.map((p) => `.${p.name}(${p.dir === 'output' ? `m_${p.name}` : p.name})`).join(', ')});`,
    `  assign mutant_agrees = ${outs.map((p) => `(m_${p.name} == ${p.name})`).join(' && ')};`,
    'endmodule',
    '',
  ].join('\n');
  const files = {
    ...original.files,
    [`${mtop}.v`]: mv.replace(rename, `module ${mtop}`),
    [`${top}__miter.v`]: wrapper,
  };
  const agree: Property = { name: 'mutant outputs equal the original outputs', holds: (s) => s('mutant_agrees') };
  const props = [...blockProperties(block, gen), agree];
  const res = await proveProperties({ files, top: `${top}__miter` }, props, { sequential: true });
  const strengthened = `${method}, inconclusive; then k-induction of agreement && ${props.length - 1} block properties`;
  const a = res.find((r) => r.name === agree.name)!;
  // The conjunction, or (when the conjunction failed) the agreement on its own, proved.
  if (a.verdict === 'holds') return { verdict: 'equivalent', method: strengthened };
  return {
    verdict: a.verdict === 'fails' ? 'different' : 'inconclusive',
    method: strengthened,
    ...(a.table ? { table: a.table } : {}),
  };
}

/** Runs the given mutants (e.g. from `mutants()`, or built by hand) through co-simulation and,
 *  if `classify`, the equivalence proof. */
export async function mutationScoreOf(
  block: BlockName,
  list: readonly Mutant[],
  o: Omit<MutationOptions, 'count'> & { readonly mutateSeconds?: number },
): Promise<MutationResult> {
  if ((o.engine ?? 'verilator') !== 'verilator')
    throw new Error(`mutation: only the verilator engine runs given Verilog, got '${String(o.engine)}'`);
  if (!verilatorAvailable()) throw new Error('Verilator not found: install it with `apt-get install verilator`');
  const t0 = performance.now();
  const gen = o.gen ?? DEFAULT_CONFIG;
  const original = vtiSpec(block, gen);
  const all = blockStimulus(block, { vectors: o.vectors, seed: o.seed, gen, ...(o.batch ? { batch: o.batch } : {}) });
  const stim: BlockStimulus = o.sets ? { ...all, sets: all.sets.filter((x) => o.sets!.includes(x.set)) } : all;
  const vectorsRun = stim.sets.reduce((n, x) => n + x.stim.count, 0);
  const outcomes: MutantOutcome[] = [];
  for (const m of list) {
    const spec: ModuleSpec = { ...original, top: m.top, files: { ...m.files } };
    let out: MutantOutcome;
    try {
      const kill = await simulateMutant(spec, stim);
      out = kill
        ? { id: m.id, command: m.command, status: 'killed', kill }
        : { id: m.id, command: m.command, status: 'survived' };
    } catch (e) {
      out = { id: m.id, command: m.command, status: 'error', error: e instanceof Error ? e.message : String(e) };
    }
    outcomes.push(out);
    o.progress?.({ phase: 'simulate', done: outcomes.length, total: list.length, mutant: out });
  }
  const t1 = performance.now();
  if (o.classify ?? true) {
    const survivors = outcomes.map((x, i) => [x, i] as const).filter(([x]) => x.status === 'survived');
    let done = 0;
    for (const [x, i] of survivors) {
      const m = list[i]!;
      const r = await classifyMutant(block, original, m, stim.sequential, gen);
      const c: MutantOutcome =
        r.verdict === 'equivalent'
          ? { ...x, status: 'equivalent', verdict: r.verdict, method: r.method }
          : { ...x, status: 'gap', verdict: r.verdict, method: r.method, ...(r.table ? { table: r.table } : {}) };
      outcomes[i] = c;
      o.progress?.({ phase: 'classify', done: ++done, total: survivors.length, mutant: c });
    }
  }
  const t2 = performance.now();
  const count = (s: MutantStatus) => outcomes.filter((x) => x.status === s).length;
  const killed = count('killed'),
    equivalent = count('equivalent'),
    errors = count('error');
  const gaps: MutationGap[] = outcomes
    .filter((x) => x.status === 'gap')
    .map((x) => ({
      id: x.id,
      command: x.command,
      verdict: x.verdict!,
      ...(x.method ? { method: x.method } : {}),
      ...(x.table ? { table: x.table } : {}),
    }));
  const scored = list.length - equivalent - errors;
  return {
    block,
    mutants: list.length,
    killed,
    survived: list.length - killed - errors,
    equivalent,
    gaps,
    errors,
    score: scored > 0 ? killed / scored : 1,
    vectorsPerMutant: vectorsRun,
    outcomes,
    seconds: (t2 - t0) / 1000 + (o.mutateSeconds ?? 0),
    phases: { mutate: o.mutateSeconds ?? 0, simulate: (t1 - t0) / 1000, classify: (t2 - t1) / 1000 },
  };
}

/** Mutation score of the block co-simulation on `count` Yosys mutants of the generated block. */
export async function mutationScore(block: BlockName, o: MutationOptions): Promise<MutationResult> {
  const t0 = performance.now();
  const spec = vtiSpec(block, o.gen ?? DEFAULT_CONFIG);
  const list = await yosysMutants(spec.files, block, o.count, o.seed);
  return mutationScoreOf(block, list, { ...o, mutateSeconds: (performance.now() - t0) / 1000 });
}

export function formatMutationTable(rows: readonly MutationResult[]): string {
  const head = ['block', 'mutants', 'killed', 'equivalent', 'gaps', 'errors', 'score', 'vectors', 'time'];
  const body = rows.map((r) => [
    r.block,
    String(r.mutants),
    String(r.killed),
    String(r.equivalent),
    String(r.gaps.length),
    String(r.errors),
    `${(100 * r.score).toFixed(1)}%`,
    String(r.vectorsPerMutant),
    `${r.seconds.toFixed(1)} s`,
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}
