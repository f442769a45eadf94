// The TypeScript side of a verilated model: validates columns, allocates outputs and
// calls the addon. Batches of >= ASYNC_MIN vectors run on libuv's thread pool, so the
// caller can prepare the next batch while this one evaluates (double buffering).
// All operations on one model are serialised through a promise chain, so a poke()
// issued after an evalBatch() is applied after that batch, as written.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ModuleSpec, type PortSpec, wordsFor } from './spec.js';

export interface StepOptions {
  /** Also return each output sampled before the rising edge, under `<name>@pre`. */
  sampleBefore?: boolean;
}

export interface VerilatedModel {
  readonly spec: ModuleSpec;
  /**
   * Combinational evaluation of `count` independent vectors. Each input column holds
   * count * ceil(w/32) words (least-significant word first; bits above the width are
   * ignored). An input left out keeps its current value: the last poke, or the last
   * vector of an earlier batch. Returns one fresh column per output.
   */
  evalBatch(inputs: Record<string, Uint32Array>, count: number): Promise<Record<string, Uint32Array>>;
  /**
   * `cycles` clock cycles. Cycle k: clock 0 and inputs[k] applied, eval (settle),
   * clock 0→1, eval, outputs sampled. The clock may not be given; reset is an input.
   */
  stepBatch(
    inputs: Record<string, Uint32Array>,
    cycles: number,
    opts?: StepOptions,
  ): Promise<Record<string, Uint32Array>>;
  /**
   * evalBatch (step false) or stepBatch (step true) with every output word of every vector
   * compared against `expected` inside the addon, on the evaluating thread; `out` are output
   * columns to reuse (else fresh ones). `differs` is true when any word differs. A
   * combinational batch (step false) whose words all match may leave `actual` unwritten (the
   * addon then only compares; on a difference it evaluates the batch again, storing them).
   */
  checkBatch(
    inputs: Record<string, Uint32Array>,
    expected: Record<string, Uint32Array>,
    count: number,
    step: boolean,
    out?: Record<string, Uint32Array>,
  ): Promise<CheckedBatch>;
  /** Set an input (applied in order with the other calls; takes effect at the next eval). */
  poke(name: string, value: bigint): void;
  /** Settle the model and read a port (input or output). */
  peek(name: string): Promise<bigint>;
  /** n clock cycles with the current inputs (same cycle as stepBatch). */
  step(n?: number): Promise<void>;
  /** Dump every following evaluation to a VCD file (model built with { trace: true }). */
  enableVcd(path: string): void;
  /**
   * Write this instance's code-coverage counters (model built with { coverage: true }) as
   * Verilator's coverage.dat to `path`; counts accumulate from creation over every eval.
   */
  writeCoverage(path: string): Promise<void>;
  /** Flush the VCD, run final blocks and free the model. */
  close(): Promise<void>;
}

/** The functions exported by the addon (native/addon.cc). */
export interface Addon {
  trace: boolean;
  create(): unknown;
  destroy(h: unknown): void;
  /** With `expected` (one column per output): the result says whether any output word differs. */
  batch(
    h: unknown,
    inputs: (Uint32Array | null)[],
    outputs: Uint32Array[],
    pre: Uint32Array[] | null,
    count: number,
    step: boolean,
    async: boolean,
    expected?: Uint32Array[],
  ): Promise<boolean | undefined> | boolean | undefined;
  setInput(h: unknown, index: number, words: Uint32Array): void;
  read(h: unknown, isInput: boolean, index: number, words: Uint32Array): void;
  traceOpen(h: unknown, path: string): void;
  selfBench(h: unknown, n: number, step?: boolean): number;
  /** Only in models built with { coverage: true }. */
  coverageWrite?(h: unknown, path: string): void;
}

/** checkBatch's result: the engine's outputs and whether any word differs from the expected. */
export interface CheckedBatch {
  readonly actual: Record<string, Uint32Array>;
  readonly differs: boolean;
}

/** Batches at least this long run off the main thread. */
export const ASYNC_MIN = 4096;

/** Split a non-negative bigint into `nw` little-endian 32-bit words. */
export function bigintToWords(value: bigint, nw: number): Uint32Array {
  const out = new Uint32Array(nw);
  let v = value;
  for (let i = 0; i < nw; i++) {
    out[i] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
  return out;
}

/** Join little-endian 32-bit words (starting at `offset`) into a bigint. */
export function wordsToBigint(words: Uint32Array, nw: number, offset = 0): bigint {
  let v = 0n;
  for (let i = nw - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[offset + i]!);
  return v;
}

export class NapiModel implements VerilatedModel {
  private handle: unknown;
  private chain: Promise<unknown> = Promise.resolve();
  /** Operations enqueued and not yet settled. */
  private pending = 0;
  private closed = false;
  private failure: Error | null = null;
  private readonly ins: PortSpec[];
  private readonly outs: PortSpec[];
  private readonly inIndex = new Map<string, number>();
  private readonly outIndex = new Map<string, number>();
  /** Batches of at least this many vectors run on the thread pool (tunable for benches). */
  asyncMin = ASYNC_MIN;

  constructor(
    private readonly addon: Addon,
    readonly spec: ModuleSpec,
  ) {
    this.ins = spec.ports.filter((p) => p.dir === 'input');
    this.outs = spec.ports.filter((p) => p.dir === 'output');
    this.ins.forEach((p, i) => {
      this.inIndex.set(p.name, i);
    });
    this.outs.forEach((p, i) => {
      this.outIndex.set(p.name, i);
    });
    this.handle = addon.create();
  }

  /** The C++ limit: n vectors of C++-generated random inputs, no JavaScript involved
   *  (step: n clock cycles, two evals each, as stepBatch runs them). */
  selfBench(n: number, step = false): number {
    this.checkOpen('selfBench');
    return this.addon.selfBench(this.handle, n, step);
  }

  private enqueue<T>(fn: () => T | Promise<T>): Promise<T> {
    let p: Promise<T>;
    if (this.pending === 0 && this.failure === null) {
      // Idle: start now, so that a thread-pool batch is already running while the caller
      // goes on preparing the next one (through .then it would start only at the caller's
      // next await).
      try {
        p = Promise.resolve(fn());
      } catch (e) {
        p = Promise.reject(e);
      }
    } else {
      p = this.chain.then(() => {
        // A failed poke()/enableVcd() has no promise of its own: report it on the next call.
        const f = this.failure;
        if (f) {
          this.failure = null;
          throw f;
        }
        return fn();
      });
    }
    this.pending++;
    this.chain = p.then(
      () => {
        this.pending--;
      },
      () => {
        this.pending--;
      },
    );
    return p;
  }

  /** enqueue for the void methods: an error is kept and thrown by the next operation. */
  private fireAndForget(fn: () => void): void {
    this.enqueue(fn).catch((e: unknown) => {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
    });
  }

  private checkOpen(who: string): void {
    if (this.closed) throw new Error(`${who}: model '${this.spec.top}' is closed`);
  }

  private inputColumns(
    who: string,
    inputs: Record<string, Uint32Array>,
    count: number,
    forbidClock: boolean,
  ): (Uint32Array | null)[] {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`${who}: count must be a non-negative integer, got ${count}`);
    const cols: (Uint32Array | null)[] = this.ins.map(() => null);
    for (const [name, col] of Object.entries(inputs)) {
      const i = this.inIndex.get(name);
      if (i === undefined) {
        throw new Error(
          `${who}: '${name}' is not an input of ${this.spec.top} (inputs: ${this.ins.map((p) => p.name).join(', ')})`,
        );
      }
      if (forbidClock && name === this.spec.clock) {
        throw new Error(`${who}: '${name}' is the clock; stepBatch toggles it and it cannot be driven`);
      }
      if (!(col instanceof Uint32Array)) throw new Error(`${who}: input '${name}' must be a Uint32Array`);
      const nw = wordsFor(this.ins[i]!.width);
      if (col.length < count * nw) {
        throw new Error(
          `${who}: input '${name}' has ${col.length} words, needs ${count * nw} (${count} × ${nw} words)`,
        );
      }
      cols[i] = col;
    }
    return cols;
  }

  private allocOutputs(count: number): Uint32Array[] {
    return this.outs.map((p) => new Uint32Array(count * wordsFor(p.width)));
  }

  private async runBatch(
    inCols: (Uint32Array | null)[],
    outCols: Uint32Array[],
    pre: Uint32Array[] | null,
    count: number,
    step: boolean,
    expected?: Uint32Array[],
  ): Promise<boolean> {
    if (count === 0) return false;
    const r = this.addon.batch(this.handle, inCols, outCols, pre, count, step, count >= this.asyncMin, expected);
    return (typeof r === 'object' ? await r : r) === true;
  }

  checkBatch(
    inputs: Record<string, Uint32Array>,
    expected: Record<string, Uint32Array>,
    count: number,
    step: boolean,
    out?: Record<string, Uint32Array>,
  ): Promise<CheckedBatch> {
    try {
      const who = step ? 'checkBatch (step)' : 'checkBatch';
      this.checkOpen(who);
      if (step) this.requireClock(who);
      const inCols = this.inputColumns(who, inputs, count, step);
      const exp = this.outs.map((p) => {
        const c = expected[p.name],
          nw = wordsFor(p.width);
        if (!(c instanceof Uint32Array) || c.length < count * nw)
          throw new Error(`${who}: expected column '${p.name}' needs ${count * nw} words`);
        return c;
      });
      const outCols = this.outs.map((p) => {
        const c = out?.[p.name],
          nw = wordsFor(p.width);
        if (c === undefined) return new Uint32Array(count * nw);
        if (!(c instanceof Uint32Array) || c.length < count * nw)
          throw new Error(`${who}: output column '${p.name}' needs ${count * nw} words`);
        return c;
      });
      return this.enqueue(async () => {
        const differs = await this.runBatch(inCols, outCols, null, count, step, exp);
        return { actual: this.record(outCols), differs };
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  evalBatch(inputs: Record<string, Uint32Array>, count: number): Promise<Record<string, Uint32Array>> {
    try {
      this.checkOpen('evalBatch');
      const inCols = this.inputColumns('evalBatch', inputs, count, false);
      const outCols = this.allocOutputs(count);
      return this.enqueue(async () => {
        await this.runBatch(inCols, outCols, null, count, false);
        return this.record(outCols);
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  stepBatch(
    inputs: Record<string, Uint32Array>,
    cycles: number,
    opts: StepOptions = {},
  ): Promise<Record<string, Uint32Array>> {
    try {
      this.checkOpen('stepBatch');
      this.requireClock('stepBatch');
      const inCols = this.inputColumns('stepBatch', inputs, cycles, true);
      const outCols = this.allocOutputs(cycles);
      const pre = opts.sampleBefore ? this.allocOutputs(cycles) : null;
      return this.enqueue(async () => {
        await this.runBatch(inCols, outCols, pre, cycles, true);
        const res = this.record(outCols);
        if (pre)
          this.outs.forEach((p, i) => {
            res[`${p.name}@pre`] = pre[i]!;
          });
        return res;
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private record(cols: Uint32Array[]): Record<string, Uint32Array> {
    const res: Record<string, Uint32Array> = {};
    this.outs.forEach((p, i) => {
      res[p.name] = cols[i]!;
    });
    return res;
  }

  private requireClock(who: string): void {
    if (!this.spec.clock) throw new Error(`${who}: module '${this.spec.top}' has no clock (set ModuleSpec.clock)`);
  }

  poke(name: string, value: bigint): void {
    this.checkOpen('poke');
    const i = this.inIndex.get(name);
    if (i === undefined)
      throw new Error(
        `poke: '${name}' is not an input of ${this.spec.top} (inputs: ${this.ins.map((p) => p.name).join(', ')})`,
      );
    const w = this.ins[i]!.width;
    if (typeof value !== 'bigint' || value < 0n || value >> BigInt(w) !== 0n) {
      throw new Error(`poke: value ${String(value)} does not fit in '${name}' (${w} bits, unsigned)`);
    }
    const words = bigintToWords(value, wordsFor(w));
    this.fireAndForget(() => this.addon.setInput(this.handle, i, words));
  }

  peek(name: string): Promise<bigint> {
    try {
      this.checkOpen('peek');
      const oi = this.outIndex.get(name);
      const ii = this.inIndex.get(name);
      if (oi === undefined && ii === undefined) {
        throw new Error(
          `peek: '${name}' is not a port of ${this.spec.top} (ports: ${this.spec.ports.map((p) => p.name).join(', ')})`,
        );
      }
      const port = oi !== undefined ? this.outs[oi]! : this.ins[ii!]!;
      const nw = wordsFor(port.width);
      return this.enqueue(() => {
        const words = new Uint32Array(nw);
        this.addon.read(this.handle, oi === undefined, oi ?? ii!, words);
        return wordsToBigint(words, nw);
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  step(n = 1): Promise<void> {
    try {
      this.checkOpen('step');
      this.requireClock('step');
      if (!Number.isInteger(n) || n < 0) throw new Error(`step: n must be a non-negative integer, got ${n}`);
      const inCols = this.ins.map(() => null);
      return this.enqueue(async () => {
        // Outputs are discarded: run in chunks so step(1e7) does not allocate 1e7 words.
        for (let done = 0; done < n; ) {
          const k = Math.min(n - done, 1 << 16);
          await this.runBatch(inCols, this.allocOutputs(k), null, k, true);
          done += k;
        }
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  enableVcd(path: string): void {
    this.checkOpen('enableVcd');
    if (!this.addon.trace) {
      throw new Error(`enableVcd: model '${this.spec.top}' was built without tracing; build it with { trace: true }`);
    }
    const abs = resolve(path);
    mkdirSync(dirname(abs), { recursive: true });
    this.fireAndForget(() => this.addon.traceOpen(this.handle, abs));
  }

  writeCoverage(path: string): Promise<void> {
    try {
      this.checkOpen('writeCoverage');
      const write = this.addon.coverageWrite;
      if (!write)
        throw new Error(
          `writeCoverage: model '${this.spec.top}' was built without coverage; build it with { coverage: true }`,
        );
      const abs = resolve(path);
      mkdirSync(dirname(abs), { recursive: true });
      return this.enqueue(() => write(this.handle, abs));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.enqueue(() => this.addon.destroy(this.handle));
  }
}
