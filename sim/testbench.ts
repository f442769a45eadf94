// A cycle-level testbench for a user's own design, over either engine:
//
//   const tb = await testbench(elaborate(myDesign()).design, { engine: 'verilator' });
//   tb.poke('en', 1);
//   await tb.step(3);
//   await tb.expect('count', 3);
//
// Inputs keep their poked value until poked again; `step` gives rising edges; `peek` settles
// and reads a port. A failed `expect` throws a TestbenchFailure naming the cycle, the port,
// both values and the test's source line, and writes a VCD of the run so far (replayed on the
// built-in engine) next to it. Both engines also check the design's m.assert / m.assume
// properties on every edge (a PropertyFailure with the cycle, the message and its line). Column batches (sim/engine.ts) stay the fast path for bulk runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { moduleSpec, type PortSpec } from '../gen/verilog/index.js';
import type { IRDesign } from '../hdl/ir/types.js';
import { createEngine, type Engine, type EngineName } from './engine.js';
import { createSimulator, type Simulator } from './jssim/sim.js';
import { fromWords, toWords } from './jssim/words.js';

export interface TestbenchOptions {
  readonly engine?: EngineName;
  /** Where a failed expect writes its VCD (default out/testbench under the working directory). */
  readonly vcdDir?: string;
}

/** A failed `expect`: cycle, port, values and the caller's source line; `vcd` is the waveform. */
export class TestbenchFailure extends Error {
  constructor(
    message: string,
    readonly cycle: number,
    readonly vcd: string | undefined,
  ) {
    super(message);
    this.name = 'TestbenchFailure';
  }
}

type Event = { readonly kind: 'poke'; readonly port: string; readonly value: bigint } | { readonly kind: 'step' };

/** The first stack frame outside this file and node internals: the test's line. */
function callerLine(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(1);
  for (const l of lines) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/.exec(l.trim());
    if (!m || m[1]!.includes('testbench.ts') || m[1]!.startsWith('node:') || m[1]!.includes('node_modules')) continue;
    const file = m[1]!.replace(/^file:\/\//, '');
    const rel = file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file;
    return `${rel}:${m[2]}`;
  }
  return '<unknown>';
}

const hex = (v: bigint) => `0x${v.toString(16)}`;

export class Testbench {
  /** Rising edges so far. */
  cycle = 0;
  private readonly inputs = new Map<string, bigint>();
  private readonly events: Event[] = [];
  private outputs: Record<string, bigint> | null = null;

  private constructor(
    readonly design: IRDesign,
    readonly engine: EngineName,
    private readonly ports: readonly PortSpec[],
    private readonly backend: { sim: Simulator } | { engine: Engine },
    private readonly vcdDir: string,
  ) {
    for (const p of ports) if (p.dir === 'input' && p.name !== 'clk') this.inputs.set(p.name, 0n);
  }

  static async create(design: IRDesign, opts: TestbenchOptions = {}): Promise<Testbench> {
    const engine = opts.engine ?? 'builtin';
    const ports = moduleSpec(design).ports;
    const backend =
      engine === 'builtin' ? { sim: createSimulator(design) } : { engine: await createEngine(engine, design) };
    return new Testbench(design, engine, ports, backend, opts.vcdDir ?? join(process.cwd(), 'out', 'testbench'));
  }

  private port(name: string, dir: 'input' | 'output' | 'any', what: string): PortSpec {
    const p = this.ports.find((x) => x.name === name && (dir === 'any' || x.dir === dir));
    if (!p || p.name === 'clk') {
      const names = this.ports.filter((x) => x.name !== 'clk' && (dir === 'any' || x.dir === dir)).map((x) => x.name);
      throw new Error(
        `${what}: '${name}' is not ${dir === 'input' ? 'an input' : 'a port'} of '${this.design.top}' (${names.join(', ')})`,
      );
    }
    return p;
  }

  /** Sets an input (held until poked again). */
  poke(name: string, value: number | bigint): void {
    const p = this.port(name, 'input', 'poke');
    const v = BigInt(value);
    if (v < 0n || v >> BigInt(p.width) !== 0n)
      throw new Error(`poke: ${value} does not fit '${name}' (${p.width} bits)`);
    this.inputs.set(name, v);
    this.events.push({ kind: 'poke', port: name, value: v });
    if ('sim' in this.backend) this.backend.sim.poke(name, v);
    this.outputs = null;
  }

  /** `n` rising edges with the current inputs. */
  async step(n = 1): Promise<void> {
    for (let i = 0; i < n; i++) {
      if ('sim' in this.backend) this.backend.sim.step(1);
      else this.outputs = this.decode(await this.backend.engine.stepBatch(this.columns(), 1));
      this.events.push({ kind: 'step' });
      this.cycle++;
    }
    if ('sim' in this.backend) this.outputs = null;
  }

  /** A port's value now (settled). */
  async peek(name: string): Promise<bigint> {
    const p = this.port(name, 'any', 'peek');
    if (p.dir === 'input') return this.inputs.get(name)!;
    if ('sim' in this.backend) return this.backend.sim.peek(name);
    this.outputs ??= this.decode(await this.backend.engine.evalBatch(this.columns(), 1));
    return this.outputs[name]!;
  }

  /** Fails (TestbenchFailure, with a VCD) unless port `name` holds `value` now. */
  async expect(name: string, value: number | bigint, what?: string): Promise<void> {
    const at = callerLine();
    const got = await this.peek(name);
    if (got === BigInt(value)) return;
    const vcd = this.writeVcd();
    throw new TestbenchFailure(
      `cycle ${this.cycle}: ${what ? `${what}: ` : ''}'${name}' is ${hex(got)}, expected ${hex(BigInt(value))} (${at})${vcd ? `; waveform ${vcd}` : ''}`,
      this.cycle,
      vcd,
    );
  }

  async close(): Promise<void> {
    if ('sim' in this.backend) this.backend.sim.close();
    else await this.backend.engine.close();
  }

  private columns(): Record<string, Uint32Array> {
    const cols: Record<string, Uint32Array> = {};
    for (const [name, v] of this.inputs) {
      const p = this.port(name, 'input', 'step');
      cols[name] = Uint32Array.from(toWords(v, Math.ceil(p.width / 32)));
    }
    return cols;
  }

  private decode(cols: Record<string, Uint32Array>): Record<string, bigint> {
    const out: Record<string, bigint> = {};
    for (const p of this.ports)
      if (p.dir === 'output') out[p.name] = fromWords(cols[p.name]!, 0, Math.ceil(p.width / 32));
    return out;
  }

  /** Replays the run on the built-in engine with a VCD writer (both engines, same waveform). */
  private writeVcd(): string | undefined {
    try {
      mkdirSync(this.vcdDir, { recursive: true });
      const path = join(this.vcdDir, `${this.design.top}-${this.engine}-cycle${this.cycle}.vcd`);
      const sim = createSimulator(this.design);
      sim.vcd(path);
      for (const e of this.events) {
        if (e.kind === 'poke') sim.poke(e.port, e.value);
        else sim.step(1);
      }
      sim.eval();
      sim.close();
      return path;
    } catch {
      return undefined; // the failure message matters more than its waveform
    }
  }
}

/** A testbench over `design` on the built-in engine (default) or Verilator. */
export function testbench(design: IRDesign, opts: TestbenchOptions = {}): Promise<Testbench> {
  return Testbench.create(design, opts);
}
