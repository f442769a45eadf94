// Memories: `m.memory(name, { depth, width, init })` gives an array of words with synchronous
// write ports and asynchronous or synchronous read ports. Read-during-write: an asynchronous
// read sees the old word until the edge and the new word after it; a synchronous read
// returns the old word (the write takes effect at the same edge). Emitted as a Verilog array
// that Yosys infers as a memory; the built-in simulator runs it as registers.
import type { IRMemRead, IRMemWrite, Loc } from '../ir/types.js';
import { callerLoc } from './loc.js';
import type { Signal } from './signal.js';
import type { Operand, Value } from './value.js';

export interface MemoryOptions {
  /** Number of words (a power of two). */
  readonly depth: number;
  /** Bits per word. */
  readonly width: number;
  /** Power-on contents, word 0 first (shorter lists leave the rest 0). */
  readonly init?: readonly (number | bigint)[];
}

/** What a memory needs from its module (ModuleBuilder). */
export interface MemoryHost {
  readonly name: string;
  clockId(): number;
  own(v: Operand, width: number, loc: Loc): Value;
  declareData(name: string, width: number, sync: boolean, loc: Loc): Signal;
  problem(message: string, loc: Loc): void;
}

export class Memory<W extends number = number> {
  readonly writes: IRMemWrite[] = [];
  readonly reads: IRMemRead[] = [];
  /** Address width: log2(depth). */
  readonly addrWidth: number;

  constructor(
    private readonly host: MemoryHost,
    readonly name: string,
    readonly depth: number,
    readonly width: W,
    readonly init: readonly string[] | null,
    readonly loc: Loc,
  ) {
    this.addrWidth = Math.max(1, Math.ceil(Math.log2(Math.max(1, depth))));
  }

  /** A synchronous write port: at the rising edge, if `enable`, word `addr` ← `data`. */
  write(addr: Value, data: Operand, enable: Operand = 1): void {
    const loc = callerLoc();
    this.writes.push({
      clock: this.host.clockId(),
      addr: this.address(addr, 'write', loc),
      data: this.dataOf(data, loc),
      enable: this.host.own(enable, 1, loc).expr,
      loc,
    });
  }

  /** An asynchronous read port: word `addr`, combinationally. */
  read(addr: Value): Value<W> {
    return this.readPort('async', addr, callerLoc());
  }

  /** A synchronous read port: word `addr` registered at the rising edge (old data on a same-edge write). */
  readSync(addr: Value): Value<W> {
    return this.readPort('sync', addr, callerLoc());
  }

  private readPort(kind: 'async' | 'sync', addr: Value, loc: Loc): Value<W> {
    const a = this.address(addr, 'read', loc);
    const data = this.host.declareData(`${this.name}_rdata${this.reads.length}`, this.width, kind === 'sync', loc);
    this.reads.push({ kind, clock: kind === 'sync' ? this.host.clockId() : null, addr: a, data: data.id, loc });
    return data as Value as Value<W>;
  }

  private dataOf(data: Operand, loc: Loc): number {
    const d = this.host.own(data, this.width, loc);
    if (d.width !== this.width)
      this.host.problem(`memory '${this.name}': write data is ${d.width} bits, words are ${this.width}`, loc);
    return d.expr;
  }

  private address(addr: Value, what: string, loc: Loc): number {
    const a = this.host.own(addr, this.addrWidth, loc);
    if (a.width !== this.addrWidth)
      this.host.problem(
        `memory '${this.name}': ${what} address is ${a.width} bits, ${this.depth} words need ${this.addrWidth}`,
        loc,
      );
    return a.expr;
  }
}
