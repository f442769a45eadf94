// The simulator API over a compiled design: poke/peek by name, eval/step, compiled batch
// loops over column arrays, and VCD output.
import type { IRDesign } from '../../hdl/ir/types.js';
import { type CompiledSim, compileDesign, type CompileOptions, type SignalInfo } from './compile.js';
import { SimError } from './flatten.js';
import { HALF_PERIOD, VcdWriter } from './vcd.js';
import { fromWords, toWords } from './words.js';
import { probeProperties, PropertyFailure, type PropertyProbe } from './properties.js';
import { lowerMemories } from './memories.js';

export interface Simulator {
  /** Sets a top-level input (not the clock). */
  poke(port: string, value: bigint | number): void;
  /** A port or internal signal ('sig' in the top module, 'inst.sig' inside instances). Settles first if inputs changed. */
  peek(name: string): bigint;
  /** Settles combinational logic. */
  eval(): void;
  /** n rising edges of the clock, settling before and after each. */
  step(n?: number): void;
  /**
   * Inputs as column arrays (ceil(w/32) words per vector, word 0 = bits 31..0); missing inputs
   * keep their poked value. `into` may supply output arrays to fill (no allocation, no page
   * faults on fresh memory); outputs it lacks are allocated.
   */
  evalBatch(
    inputs: Record<string, Uint32Array>,
    count: number,
    into?: Record<string, Uint32Array>,
  ): Record<string, Uint32Array>;
  /** Cycle k: apply inputs[k], settle, rising edge, settle, sample every output. */
  stepBatch(
    inputs: Record<string, Uint32Array>,
    cycles: number,
    into?: Record<string, Uint32Array>,
  ): Record<string, Uint32Array>;
  /** Starts writing a VCD of every signal (timescale 1 ns, clock period 10 ns). */
  vcd(path: string): void;
  /** Finishes the VCD, if any. */
  close(): void;
  /** The compiled design (generated source in `compiled.source`). */
  readonly compiled: CompiledSim;
  /** Rising edges so far (through step; batch runs do not count and do not check properties). */
  readonly cycle: number;
  /** The design's covers with the cycles (before the edge) at which each was hit so far. */
  coverHits(): { readonly message: string; readonly wire: string; readonly cycles: readonly number[] }[];
}

/**
 * The design compiled to JavaScript. Its properties (m.assert/assume/cover) are checked before
 * each rising edge of step() (and on every settle for a module without a clock): a failed
 * assertion throws a PropertyFailure naming the cycle, the message and the source line.
 */
export function createSimulator(design: IRDesign, opts: CompileOptions = {}): Simulator {
  const { design: probed, probes } = probeProperties(design);
  const { design: lowered, init } = lowerMemories(probed);
  const compiled = compileDesign(lowered, opts);
  for (const w of init) {
    const s = compiled.byName.get(w.name)!;
    toWords(BigInt(`0x${w.hex}`), s.words).forEach((x, i) => {
      compiled.state[s.offset + i] = x;
    });
  }
  return new JsSimulator(compiled, probes);
}

class JsSimulator implements Simulator {
  private dirty = true;
  private now = 0;
  private wave: VcdWriter | null = null;
  private readonly inputs: Map<string, SignalInfo>;

  cycle = 0;
  private readonly hits: number[][];

  constructor(
    readonly compiled: CompiledSim,
    private readonly probes: readonly PropertyProbe[] = [],
  ) {
    this.inputs = new Map(compiled.inputs.map((s) => [s.name, s]));
    this.hits = probes.map(() => []);
    this.eval();
  }

  /** Reads every probe (clocked ones only on an edge): a failed assert/assume throws, a cover counts. */
  private checkProperties(edge: boolean): void {
    this.probes.forEach((p, i) => {
      if (p.clocked !== edge) return;
      const s = this.compiled.byName.get(p.wire)!;
      const v = this.compiled.state[s.offset]! & 1;
      if (p.kind === 'cover') {
        if (v) this.hits[i]!.push(this.cycle);
      } else if (!v) throw new PropertyFailure(p, this.cycle);
    });
  }

  coverHits(): { readonly message: string; readonly wire: string; readonly cycles: readonly number[] }[] {
    return this.probes.flatMap((p, i) =>
      p.kind === 'cover' ? [{ message: p.message, wire: p.wire, cycles: [...this.hits[i]!] }] : [],
    );
  }

  private input(port: string, what: string): SignalInfo {
    const s = this.inputs.get(port);
    if (s) return s;
    if (this.compiled.clock?.name === port) throw new SimError(`${what}: '${port}' is the clock; step() drives it`);
    const names = [...this.inputs.keys()].join(', ') || 'none';
    throw new SimError(`${what}: '${port}' is not an input of '${this.compiled.top}' (inputs: ${names})`);
  }

  poke(port: string, value: bigint | number): void {
    const s = this.input(port, 'poke');
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new SimError(`poke: value ${value} for '${port}' is not an integer`);
    const v = BigInt(value);
    if (v < 0n || v >> BigInt(s.width) !== 0n)
      throw new SimError(
        `poke: value ${value} does not fit input '${port}' (${s.width} bit${s.width === 1 ? '' : 's'})`,
      );
    toWords(v, s.words).forEach((w, i) => {
      this.compiled.state[s.offset + i] = w;
    });
    this.dirty = true;
  }

  peek(name: string): bigint {
    const s = this.compiled.byName.get(name);
    if (!s)
      throw new SimError(
        `peek: no signal '${name}' in '${this.compiled.top}' (signals inside instances are named 'inst.sig')`,
      );
    if (this.dirty) this.eval();
    return fromWords(this.compiled.state, s.offset, s.words);
  }

  eval(): void {
    this.compiled.evalAll();
    this.dirty = false;
    this.wave?.sample(this.now);
    if (this.probes.length) this.checkProperties(false);
  }

  step(n = 1): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new SimError(`step: cycle count ${n} is not a non-negative integer`);
    if (!this.compiled.clock) throw new SimError(`step: design '${this.compiled.top}' has no clocked process`);
    if (!this.wave && !this.probes.length) {
      this.compiled.stepN(n);
      this.cycle += n;
      this.dirty = false;
      return;
    }
    for (let i = 0; i < n; i++) {
      this.eval();
      if (this.probes.length) this.checkProperties(true);
      this.compiled.stepN(1);
      this.cycle++;
      if (!this.wave) continue;
      this.wave.sample(this.now + HALF_PERIOD, 1);
      this.wave.sample(this.now + 2 * HALF_PERIOD, 0);
      this.now += 2 * HALF_PERIOD;
    }
    this.dirty = false;
  }

  private columns(what: string, inputs: Record<string, Uint32Array>, count: number): SignalInfo[] {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new SimError(`${what}: count ${count} is not a non-negative integer`);
    const sigs = Object.keys(inputs)
      .sort()
      .map((name) => this.input(name, what));
    for (const s of sigs) {
      const a = inputs[s.name]!;
      if (!(a instanceof Uint32Array)) throw new SimError(`${what}: input '${s.name}' must be a Uint32Array`);
      if (a.length < count * s.words)
        throw new SimError(
          `${what}: input '${s.name}' has ${a.length} words, needs ${count * s.words} (${count} × ${s.words} word${s.words === 1 ? '' : 's'})`,
        );
    }
    return sigs;
  }

  private batch(
    kind: 'eval' | 'step',
    inputs: Record<string, Uint32Array>,
    count: number,
    into: Record<string, Uint32Array> = {},
  ): Record<string, Uint32Array> {
    const what = kind === 'eval' ? 'evalBatch' : 'stepBatch';
    const sigs = this.columns(what, inputs, count);
    if (kind === 'step' && !this.compiled.clock)
      throw new SimError(`stepBatch: design '${this.compiled.top}' has no clocked process`);
    const outs = this.compiled.outputs.map((s) => {
      const given = into[s.name];
      if (given === undefined) return new Uint32Array(count * s.words);
      if (!(given instanceof Uint32Array) || given.length < count * s.words)
        throw new SimError(
          `${what}: output array for '${s.name}' must be a Uint32Array of at least ${count * s.words} words`,
        );
      return given;
    });
    if (this.wave) this.slowBatch(kind, sigs, inputs, outs, count);
    else {
      this.compiled
        .batch(
          kind,
          sigs.map((s) => s.name),
        )
        .run(
          sigs.map((s) => inputs[s.name]!),
          outs,
          count,
        );
      // Inputs and registers in the state are current; internal wires settle at the next peek.
      if (count > 0) this.dirty = true;
    }
    return Object.fromEntries(this.compiled.outputs.map((s, j) => [s.name, outs[j]!]));
  }

  /** Vector by vector through poke/eval/step, so that the waveform sees every vector. */
  private slowBatch(
    kind: 'eval' | 'step',
    sigs: SignalInfo[],
    inputs: Record<string, Uint32Array>,
    outs: Uint32Array[],
    count: number,
  ): void {
    const { state, outputs } = this.compiled;
    for (let k = 0; k < count; k++) {
      for (const s of sigs) for (let i = 0; i < s.words; i++) state[s.offset + i] = inputs[s.name]![k * s.words + i]!;
      if (kind === 'eval') this.eval();
      else this.step(1);
      outputs.forEach((s, j) => {
        for (let i = 0; i < s.words; i++) outs[j]![k * s.words + i] = state[s.offset + i]!;
      });
    }
  }

  evalBatch(
    inputs: Record<string, Uint32Array>,
    count: number,
    into?: Record<string, Uint32Array>,
  ): Record<string, Uint32Array> {
    return this.batch('eval', inputs, count, into);
  }

  stepBatch(
    inputs: Record<string, Uint32Array>,
    cycles: number,
    into?: Record<string, Uint32Array>,
  ): Record<string, Uint32Array> {
    return this.batch('step', inputs, cycles, into);
  }

  vcd(path: string): void {
    this.close();
    if (this.dirty) this.compiled.evalAll();
    this.dirty = false;
    this.wave = new VcdWriter(path, this.compiled, this.now);
  }

  close(): void {
    this.wave?.close();
    this.wave = null;
  }
}
