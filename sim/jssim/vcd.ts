// Value-change dump of every signal (hierarchy as nested scopes), readable by GTKWave.
// Timescale 1 ns; one clock period is 10 ns: the rising edge at +5, the falling edge at +10.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CompiledSim } from './compile.js';
import type { FScope } from './flatten.js';
import { fromWords } from './words.js';

export const HALF_PERIOD = 5;

function idCode(n: number): string {
  let s = '';
  do {
    s += String.fromCharCode(33 + (n % 94));
    n = Math.floor(n / 94);
  } while (n > 0);
  return s;
}

export class VcdWriter {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  private readonly ids: string[];
  private readonly last: Uint32Array;
  private readonly isClock: Uint8Array;
  private lastTime = -1;
  private readonly dumped: number[] = []; // signals declared in the scopes (not compiler temporaries)

  constructor(
    path: string,
    private readonly sim: CompiledSim,
    now: number,
  ) {
    this.fd = openSync(path, 'w');
    this.ids = sim.signals.map((_, i) => idCode(i));
    this.last = sim.state.slice();
    this.isClock = new Uint8Array(sim.signals.length);
    for (const c of sim.clockAliases) this.isClock[c] = 1;
    this.write(`$date ${new Date().toISOString()} $end\n$version vti-hdl jssim $end\n$timescale 1ns $end\n`);
    const collect = (sc: FScope) => (this.dumped.push(...sc.signals), sc.children.forEach(collect));
    collect(sim.scope);
    this.scope(sim.scope, sim.top);
    this.write('$enddefinitions $end\n');
    this.time(now);
    this.write('$dumpvars\n');
    for (const id of this.dumped) this.write(this.value(id, this.isClock[id] ? 0n : this.read(id)));
    this.write('$end\n');
  }

  private write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  private scope(sc: FScope, name: string): void {
    this.write(`$scope module ${name} $end\n`);
    for (const id of sc.signals) {
      const s = this.sim.signals[id]!;
      const range = s.width > 1 ? ` [${s.width - 1}:0]` : '';
      this.write(`$var ${s.isState ? 'reg' : 'wire'} ${s.width} ${this.ids[id]} ${s.local}${range} $end\n`);
    }
    for (const c of sc.children) this.scope(c, c.name);
    this.write('$upscope $end\n');
  }

  private read(id: number): bigint {
    const s = this.sim.signals[id]!;
    return fromWords(this.sim.state, s.offset, s.words);
  }

  private value(id: number, v: bigint): string {
    const s = this.sim.signals[id]!;
    return s.width === 1 ? `${v}${this.ids[id]}\n` : `b${v.toString(2)} ${this.ids[id]}\n`;
  }

  private time(t: number): void {
    if (t !== this.lastTime) this.write(`#${t}\n`);
    this.lastTime = t;
  }

  /** Writes the signals that changed since the last call, at time `t`. */
  sample(t: number, clock?: 0 | 1): void {
    const { state, signals } = this.sim;
    let stamped = false;
    const stamp = () => {
      if (!stamped) this.time(t);
      stamped = true;
    };
    if (clock !== undefined) {
      stamp();
      for (const c of this.sim.clockAliases) this.write(this.value(c, BigInt(clock)));
    }
    for (const id of this.dumped) {
      const s = signals[id]!;
      if (this.isClock[id]) continue;
      let changed = false;
      for (let i = 0; i < s.words; i++) if (state[s.offset + i] !== this.last[s.offset + i]) changed = true;
      if (!changed) continue;
      stamp();
      this.write(this.value(s.id, this.read(s.id)));
      for (let i = 0; i < s.words; i++) this.last[s.offset + i] = state[s.offset + i]!;
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
