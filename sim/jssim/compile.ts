// IR → JavaScript source → `new Function`. The generated code keeps every signal word in a
// local (s<id>_<word>), computes each expression once per phase at word level, and loads
// from / stores to one Uint32Array `S` (the simulator state) only at function boundaries.
// Batch kernels inline the whole per-vector body in a loop over column arrays.
import type { IRDesign, SignalKind } from '../../hdl/ir/types.js';
import { chunkedKernel, chunkedMain } from './chunked.js';
import type { GenContext } from './emit.js';
import { planExpr, type Plan } from './expr.js';
import { at, type FlatDesign, flatten, type FScope, SimError } from './flatten.js';
import { ReadCollector } from '../../hdl/ir/reads.js';
import { schedule, stmtRoots } from './schedule.js';
import { splitExpressions } from './split.js';
import { straightKernel, straightMain } from './straight.js';
import { nwords } from './words.js';

export interface SignalInfo {
  readonly id: number;
  readonly name: string; // hierarchical ('inst.sig'); top-level signals unprefixed
  readonly local: string;
  readonly width: number;
  readonly words: number;
  readonly offset: number; // first word in `state`
  readonly kind: SignalKind;
  readonly top: boolean;
  readonly isState: boolean; // updated at clock edges
}

export interface BatchKernel {
  readonly source: string;
  /** Inputs / outputs as column arrays in the order of the kernel's names. */
  run(inputs: readonly Uint32Array[], outputs: readonly Uint32Array[], count: number): void;
}

export interface CompiledSim {
  readonly top: string;
  /** Generated JavaScript of `evalAll` and `stepN` (batch kernels carry their own). */
  readonly source: string;
  readonly state: Uint32Array;
  readonly signals: readonly SignalInfo[];
  readonly byName: ReadonlyMap<string, SignalInfo>;
  readonly inputs: readonly SignalInfo[]; // top-level inputs except the clock
  readonly outputs: readonly SignalInfo[];
  readonly clock: SignalInfo | null;
  /** Signals that carry the clock (instance clock ports), for waveforms. */
  readonly clockAliases: readonly number[];
  readonly scope: FScope;
  /** Settles combinational logic from `state` and stores every signal back. */
  evalAll(): void;
  /** n rising edges (settling before each), then a full settle and store. */
  stepN(n: number): void;
  /** A compiled loop over vectors, cached per (kind, input names). */
  batch(kind: 'eval' | 'step', inputNames: readonly string[]): BatchKernel;
}

export interface CompileOptions {
  /**
   * Target size in characters of one generated chunk function. A design whose longest
   * straight-line function is more than STRAIGHT_LIMIT_FACTOR times this is split into chunk
   * functions (see chunked.ts); `Infinity` never chunks, `1` chunks every unit.
   */
  readonly chunkChars?: number;
}

export const DEFAULT_CHUNK_CHARS = 12_000;
/** A design is chunked when its longest straight function exceeds this many times `chunkChars`. */
export const STRAIGHT_LIMIT_FACTOR = 12;

function longestFunction(src: string): number {
  const starts = [...src.matchAll(/^function /gm)].map((m) => m.index!);
  return Math.max(0, ...starts.map((s, i) => (starts[i + 1] ?? src.length) - s));
}

/** Schedule, expression plans and state layout of one flat netlist. */
function prepare(flat: FlatDesign) {
  const sch = schedule(flat);
  const plans: Plan[] = [];
  const exprStateDep = new Uint8Array(flat.exprs.length);
  // References first: the splitter appends them after the expressions that use them.
  const order = flat.exprs.map((_, i) => i);
  order.sort((a, b) => Number(flat.exprs[b]!.op === 'ref') - Number(flat.exprs[a]!.op === 'ref') || a - b);
  for (const id of order) {
    const e = flat.exprs[id]!;
    plans[id] = planExpr(
      e,
      id,
      (i) => plans[i]!,
      (i) => flat.exprs[i]!.width,
      flat.exprModule[id]!,
    );
    exprStateDep[id] = e.op === 'ref' ? sch.stateDep[e.signal]! : plans[id]!.deps.some((d) => exprStateDep[d]) ? 1 : 0;
  }
  // Registers first, so that the chunked clock edge commits with one S.set(NS).
  const isState = (id: number) => flat.driver[id] === 'sync';
  const offset = new Int32Array(flat.signals.length);
  let words = 0;
  let stateWords = 0;
  for (const pass of [true, false])
    for (const s of flat.signals)
      if (isState(s.id) === pass) {
        offset[s.id] = words;
        words += nwords(s.width);
        if (pass) stateWords = words;
      }
  const rc = new ReadCollector(flat.exprs);
  const syncReads = [
    ...new Set(
      flat.syncs.flatMap((p) => [...rc.reads(stmtRoots(p.body), new Set()), ...(p.reset === null ? [] : [p.reset])]),
    ),
  ];
  const g: GenContext = { flat, sch, plans, exprStateDep, offset, syncReads };
  const topInputs = flat.signals.filter((s) => flat.driver[s.id] === 'input').map((s) => s.id);
  const stateSigs = flat.signals.filter((s) => isState(s.id)).map((s) => s.id);
  const combSigs = flat.signals.filter((s) => flat.driver[s.id] === 'comb').map((s) => s.id);
  return { flat, sch, g, offset, words, stateWords, isState, topInputs, stateSigs, combSigs };
}

export function compileDesign(design: IRDesign, opts: CompileOptions = {}): CompiledSim {
  const budget = opts.chunkChars ?? DEFAULT_CHUNK_CHARS;
  let p = prepare(flatten(design));
  let main = straightMain(p.g, p.topInputs, p.stateSigs, p.combSigs);
  // Straight code is fastest while V8 still optimizes it: measured, the core (58 KB stepN) ran
  // 1.5x faster straight than chunked, while a 190 KB function ran 40x slower than chunked.
  const chunked = longestFunction(main) > STRAIGHT_LIMIT_FACTOR * budget;
  if (chunked) {
    // About 40 characters of code per computed word.
    p = prepare(splitExpressions(p.flat, Math.max(4, Math.floor(budget / 80))).flat);
    main = chunkedMain(p.g, budget);
  }
  const { flat, sch, g, offset, isState, topInputs, stateSigs } = p;
  const state = new Uint32Array(p.words);
  const nextState = new Uint32Array(p.stateWords);
  const signals: SignalInfo[] = flat.signals.map((s) => ({
    id: s.id,
    name: s.name,
    local: s.local,
    width: s.width,
    words: nwords(s.width),
    offset: offset[s.id]!,
    kind: s.kind,
    top: s.top,
    isState: isState(s.id),
  }));

  const clockId = resolveClock(flat);
  const copy = copyMap(flat);
  const clockAliases =
    clockId === null ? [] : flat.signals.filter((s) => resolveCopy(copy, s.id) === clockId).map((s) => s.id);
  const source =
    `"use strict";\n// jssim: design '${design.top}', ${flat.signals.length} signals, ${sch.units.length} units, ${flat.syncs.length} clocked processes${chunked ? ', chunked' : ''}\n` +
    main +
    'return { evalAll, stepN };\n';
  const fns = new Function('S', 'NS', source)(state, nextState) as { evalAll(): void; stepN(n: number): void };

  const byName = new Map(signals.filter((s) => !s.name.startsWith('~')).map((s) => [s.name, s]));
  const outputs = signals.filter((s) => s.top && s.kind === 'output');
  const outIds = outputs.map((s) => s.id);
  const kernels = new Map<string, BatchKernel>();

  const batch = (kind: 'eval' | 'step', inputNames: readonly string[]): BatchKernel => {
    const key = `${kind}:${inputNames.join(',')}`;
    let k = kernels.get(key);
    if (k) return k;
    const ins = inputNames.map((n) => byName.get(n)!.id);
    const src = `"use strict";\n${chunked ? chunkedKernel(g, budget, kind, ins, outIds) : straightKernel(g, kind, ins, outIds, topInputs, stateSigs)}`;
    const fn = new Function('S', 'NS', src)(state, nextState) as (
      I: readonly Uint32Array[],
      O: readonly Uint32Array[],
      count: number,
    ) => void;
    k = { source: src, run: fn };
    kernels.set(key, k);
    return k;
  };

  return {
    top: design.top,
    source,
    state,
    signals,
    byName,
    inputs: signals.filter((s) => s.top && s.kind === 'input' && s.id !== clockId),
    outputs,
    clock: clockId === null ? null : signals[clockId]!,
    clockAliases,
    scope: flat.scope,
    evalAll: fns.evalAll,
    stepN: fns.stepN,
    batch,
  };
}

/** For each signal driven by a plain copy (`a = b`, instance ports): the copied signal, else -1. */
function copyMap(flat: FlatDesign): Int32Array {
  const copy = new Int32Array(flat.signals.length).fill(-1);
  for (const u of flat.units) {
    const s = u.body.length === 1 ? u.body[0]! : undefined;
    if (s?.kind !== 'assign' || s.hi !== undefined) continue;
    const e = flat.exprs[s.value]!;
    if (e.op === 'ref') copy[s.target] = e.signal;
  }
  return copy;
}

/** Follows plain copies back to the signal that originates a value. */
function resolveCopy(copy: Int32Array, id: number): number {
  for (let hops = 0; copy[id]! >= 0 && hops < copy.length; hops++) id = copy[id]!;
  return id;
}

function resolveClock(flat: FlatDesign): number | null {
  const copy = copyMap(flat);
  const clocks = new Set<number>();
  for (const p of flat.syncs) {
    const c = resolveCopy(copy, p.clock);
    if (flat.driver[c] !== 'input')
      throw new SimError(
        `the clock of the clocked process at ${at(p.loc)} is '${flat.signals[c]!.name}', which is not a top-level input (derived clocks are not supported)`,
      );
    clocks.add(c);
  }
  if (clocks.size > 1)
    throw new SimError(
      `the design has more than one clock (${[...clocks].map((c) => `'${flat.signals[c]!.name}'`).join(', ')}); jssim simulates a single clock`,
    );
  return clocks.size ? [...clocks][0]! : null;
}
