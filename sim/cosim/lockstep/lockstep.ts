// Lockstep co-simulation of vti_core against the golden-model emulator: the emulator runs a
// program, each step becomes one core event (events.ts), batches of events go to the RTL
// engine (double-buffered: the next batch is generated while the engine runs this one), and
// after every instruction the core's committed effect is compared with the emulator's. The
// emulator is the reference; the run stops at the first mismatch.
import type { IRDesign } from '../../../hdl/ir/types.js';
import { lengthsOf } from '../../../arch/config.js';
import { DEFAULT_CONFIG, vtiDesign, type VtiConfig } from '../../../gen/vti.js';
import { Emulator, type EmuOptions } from '../../../model/emulator.js';
import { createEngine, type Engine, type EngineName } from '../../engine.js';
import { allocColumns, INPUTS, OUTPUTS, rowAt, sliceColumns, type Columns } from './columns.js';
import { firstMismatch, mismatchesAt, type Mismatch } from '../../../model/blocks/compare.js';
import { COMPARED, compareOptions, DEFAULT_EXCLUSIONS, wordMasks, type Exclusion, type Masks } from './compare.js';
import { allocBatch, EventSource, slotText, type EventBatch } from './events.js';
import { slotTextAt, type SlotDesc } from './bundles.js';

export const DEFAULT_BATCH = 4096;
/** Events kept before a mismatch for its report. */
export const WINDOW = 32;

/** A fresh emulator with the program loaded (called again to re-run a divergence window). */
export type EmulatorFactory = () => Emulator;

export interface LockstepOptions {
  readonly engine: EngineName;
  /** Generator options of the design (and the emulator's implementation parameters). */
  readonly gen?: VtiConfig;
  /** A different design to check (seeded-bug tests); default vtiDesign('vti_core', gen). */
  readonly design?: IRDesign;
  /** Or a ready engine factory (e.g. a Verilator model of mutated Verilog). */
  readonly makeEngine?: () => Promise<Engine>;
  /** Or an open engine, reset here and left open (many short runs: shrinking, tests). */
  readonly engineInstance?: Engine;
  readonly maxSteps?: number;
  readonly batch?: number;
  /** Called after each batch that matched; `actual` is reused by the next batch (copy what is kept). */
  readonly onBatch?: (b: EventBatch, actual: Columns) => void;
  readonly progress?: (steps: number) => void;
  /** Named, reported comparison exclusions (default DEFAULT_EXCLUSIONS; [] compares every bit). */
  readonly exclusions?: readonly Exclusion[];
}

export interface Divergence {
  /** Index of the event (0 = first instruction) and the emulator step. */
  readonly event: number;
  readonly step: number;
  readonly ip: bigint;
  readonly slot: number;
  readonly insn: string;
  readonly iclass: number;
  /** Every output that differs at the event (index: the event). */
  readonly fields: readonly Mismatch[];
  /** The event's inputs (hex strings per port). */
  readonly inputs: Record<string, string>;
  /** Up to WINDOW events before it and itself: inputs, expected, actual. */
  readonly window: {
    readonly first: number;
    readonly inputs: Columns;
    readonly expected: Columns;
    readonly actual: Columns;
    readonly insns: string[];
  };
}

export interface LockstepResult {
  readonly engine: EngineName;
  /** Instructions (events) compared. */
  readonly instructions: number;
  readonly halted: boolean;
  readonly mismatch?: Divergence;
  readonly seconds: number;
  /** The exclusions that were in force (ids and reasons belong in every summary). */
  readonly exclusions: readonly Exclusion[];
}

/** The emulator's spelling of the configuration (valen, palen). */
export function emulatorOptions(gen: VtiConfig): EmuOptions {
  return lengthsOf(gen);
}

export function factoryFor(elf: Uint8Array, gen: VtiConfig = DEFAULT_CONFIG): EmulatorFactory {
  return () => {
    const e = new Emulator(emulatorOptions(gen));
    e.loadElf(elf);
    return e;
  };
}

export async function openEngine(o: LockstepOptions): Promise<Engine> {
  if (o.makeEngine) return o.makeEngine();
  return createEngine(o.engine, o.design ?? vtiDesign('vti_core', o.gen ?? DEFAULT_CONFIG));
}

/** Reset cycle: all state 0, like the emulator's start state (emulator.md). */
export async function resetEngine(engine: Engine): Promise<void> {
  await engine.stepBatch({ rst: Uint32Array.of(1), ev_valid: Uint32Array.of(0) }, 1);
}

/**
 * A run's batch buffers: two event batches (one filled while the engine runs the other) and
 * the output columns the engine writes into (a batch's actual values are used, by onBatch and
 * the kept tail, before the next batch is sent). Pooled: a random-program run is short and
 * fresh buffers of 4096 events (about 1.5 MB, zero-filled) per program were a large share of
 * the garbage collector's work; every column is rewritten before it is read (clearBatch, fill).
 */
interface Buffers {
  readonly cap: number;
  readonly cur: EventBatch;
  readonly next: EventBatch;
  readonly out: Columns;
  /** The last WINDOW events of the previous batch (a divergence's window may start there). */
  readonly tail: Tail;
}
const POOL_MAX = 2;
const pool: Buffers[] = [];

function takeBuffers(cap: number): Buffers {
  const i = pool.findIndex((b) => b.cap === cap);
  if (i >= 0) return pool.splice(i, 1)[0]!;
  return {
    cap,
    cur: allocBatch(cap),
    next: allocBatch(cap),
    out: allocColumns(OUTPUTS, cap),
    tail: {
      first: 0,
      count: 0,
      inputs: allocColumns(INPUTS, WINDOW),
      expected: allocColumns(OUTPUTS, WINDOW),
      actual: allocColumns(OUTPUTS, WINDOW),
      slot: new Array<SlotDesc | null>(WINDOW).fill(null),
    },
  };
}

/** Events [first, first + count) of the run, copied from the end of the batch before (preallocated, rewritten per batch). */
interface Tail {
  first: number;
  count: number;
  readonly inputs: Columns;
  readonly expected: Columns;
  readonly actual: Columns;
  readonly slot: (SlotDesc | null)[];
}

export async function runLockstep(makeEmu: EmulatorFactory, o: LockstepOptions): Promise<LockstepResult> {
  const t0 = performance.now();
  const cap = o.batch ?? DEFAULT_BATCH;
  const maxSteps = o.maxSteps ?? 10_000_000;
  const src = new EventSource(makeEmu());
  const engine = o.engineInstance ?? (await openEngine(o));
  let done = 0;
  let mismatch: Divergence | undefined;
  let tail: Tail | null = null;
  const exclusions = o.exclusions ?? DEFAULT_EXCLUSIONS;
  const masks = wordMasks(exclusions);
  try {
    await resetEngine(engine);
    const buffers = takeBuffers(cap);
    let { cur, next } = buffers;
    const out = buffers.out;
    const kept = buffers.tail;
    src.fill(cur, maxSteps);
    while (cur.count > 0) {
      // The engine also compares every output word with the expected ones (Verilator: on its
      // thread pool); only a batch where some word differs is compared here, field by field,
      // with the exclusions and rd_value only where a value was read (the core's rd_value
      // without rd_valid is not 0, so most batches with a register read take this path).
      const pending = engine.checkBatch(cur.inputs, cur.expected, cur.count, true, out);
      src.fill(next, maxSteps); // overlaps with the engine on Verilator's thread pool
      const { actual, differs } = await pending;
      for (const p of COMPARED)
        if (!actual[p.name]) throw new Error(`lockstep: the engine returned no output '${p.name}'`);
      const bad = differs
        ? firstMismatch(COMPARED, cur.expected, actual, cur.count, compareOptions(cur.expected, masks))
        : null;
      if (bad) {
        mismatch = divergence(cur, actual, bad.index, done, tail, masks);
        done += bad.index + 1;
        break;
      }
      o.onBatch?.(cur, actual);
      tail = keepTail(kept, cur, actual, done);
      done += cur.count;
      o.progress?.(done);
      [cur, next] = [next, cur];
    }
    // Back to the pool only after a run that ended normally: after an exception the engine
    // may still be reading or writing them.
    if (pool.length < POOL_MAX) pool.push(buffers);
  } finally {
    if (!o.engineInstance) await engine.close();
  }
  return {
    engine: o.engine,
    instructions: done,
    halted: src.halted || src.m.halted,
    ...(mismatch ? { mismatch } : {}),
    seconds: (performance.now() - t0) / 1000,
    exclusions,
  };
}

function keepTail(t: Tail, b: EventBatch, actual: Columns, offset: number): Tail {
  const from = Math.max(0, b.count - WINDOW),
    n = b.count - from;
  const copy = (ports: typeof INPUTS, dst: Columns, src: Columns) => {
    for (const p of ports) {
      const d = dst[p.name]!,
        s = src[p.name]!,
        w = p.words;
      for (let j = 0, o = from * w; j < n * w; j++) d[j] = s[o + j]!;
    }
  };
  copy(INPUTS, t.inputs, b.inputs);
  copy(OUTPUTS, t.expected, b.expected);
  copy(OUTPUTS, t.actual, actual);
  for (let k = 0; k < n; k++) t.slot[k] = b.slot[from + k]!;
  t.first = offset + from;
  t.count = n;
  return t;
}

/** The disassembly of the tail's events [from, count). */
function tailTexts(t: Tail, from: number): string[] {
  const ip = t.inputs.ip!;
  return Array.from({ length: t.count - from }, (_, k) => {
    const sd = t.slot[from + k]!;
    return sd ? slotTextAt(sd, ip[2 * (from + k)]!, ip[2 * (from + k) + 1]!) : '(no translation)';
  });
}

function concat(ports: typeof INPUTS, a: Columns | undefined, b: Columns): Columns {
  if (!a) return b;
  return Object.fromEntries(
    ports.map((p) => {
      const x = a[p.name]!,
        y = b[p.name]!;
      const z = new Uint32Array(x.length + y.length);
      z.set(x);
      z.set(y, x.length);
      return [p.name, z];
    }),
  );
}

function divergence(
  b: EventBatch,
  actual: Columns,
  i: number,
  offset: number,
  tail: Tail | null,
  masks: Masks,
): Divergence {
  const from = Math.max(0, i + 1 - WINDOW);
  const cut = (ports: typeof INPUTS, c: Columns) => sliceColumns(ports, c, from, i + 1 - from);
  // Events of the previous batch complete the window when the mismatch is near the batch start.
  const need = WINDOW - (i + 1 - from);
  const prev = tail && need > 0 ? { n: Math.min(need, tail.count) } : null;
  const pre = (ports: typeof INPUTS, c: Columns | undefined) =>
    prev && c ? sliceColumns(ports, c, tail!.count - prev.n, prev.n) : undefined;
  const ip = (BigInt(b.inputs.ip![2 * i + 1]!) << 32n) | BigInt(b.inputs.ip![2 * i]!);
  return {
    event: offset + i,
    step: b.step[i]!,
    ip,
    slot: b.inputs.slot![i]!,
    insn: slotText(b, i),
    iclass: b.inputs.iclass![i]!,
    fields: mismatchesAt(COMPARED, b.expected, actual, i, compareOptions(b.expected, masks, offset)),
    inputs: rowAt(INPUTS, b.inputs, i),
    window: {
      first: offset + from - (prev?.n ?? 0),
      inputs: concat(INPUTS, pre(INPUTS, tail?.inputs), cut(INPUTS, b.inputs)),
      expected: concat(OUTPUTS, pre(OUTPUTS, tail?.expected), cut(OUTPUTS, b.expected)),
      actual: concat(OUTPUTS, pre(OUTPUTS, tail?.actual), cut(OUTPUTS, actual)),
      insns: [
        ...(prev ? tailTexts(tail!, tail!.count - prev.n) : []),
        ...Array.from({ length: i + 1 - from }, (_, k) => slotText(b, from + k)),
      ],
    },
  };
}
