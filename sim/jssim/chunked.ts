// Code for large designs. V8 optimizes only functions up to a bounded size (TurboFan refuses
// bytecode above ~60 KB and degrades well before), and one straight-line function per design
// ran 16× slower per operation at 3200 ops than at 200. So here every phase is split into
// chunk functions of about `budget` characters that exchange signal values through the state
// array S; the clock edge writes next values into NS (state signals sit first in S, so the
// commit is one S.set(NS)).
import { FnBuilder, type GenContext } from './emit.js';
import { cone } from './schedule.js';
import { movingUnits } from './straight.js';
import { nwords } from './words.js';

export class Chunker {
  readonly fns: string[] = [];
  private count = 0;

  constructor(
    private readonly g: GenContext,
    private readonly budget: number,
    private readonly prefix: string,
  ) {}

  private emit(b: FnBuilder, driven: ReadonlySet<number>): string {
    const name = `${this.prefix}${this.count++}`;
    this.fns.push(b.finishChunk(`function ${name}()`, driven));
    return `${name}();`;
  }

  /** Chunk functions computing `units` (schedule order); returns the calls. */
  settle(units: readonly number[]): string[] {
    const calls: string[] = [];
    let b: FnBuilder | null = null;
    let driven = new Set<number>();
    for (const u of units) {
      b ??= new FnBuilder(this.g);
      b.settle([u]);
      for (const d of this.g.sch.units[u]!.drives) driven.add(d);
      if (b.size > this.budget) {
        calls.push(this.emit(b, driven));
        b = null;
        driven = new Set();
      }
    }
    if (b) calls.push(this.emit(b, driven));
    return calls;
  }

  /** Chunk functions writing every register's next value into NS, then the commit. */
  edge(): string[] {
    const { flat, offset } = this.g;
    const calls: string[] = [];
    let b: FnBuilder | null = null;
    for (const p of flat.syncs) {
      b ??= new FnBuilder(this.g);
      for (const d of b.next([p]))
        for (let i = 0; i < nwords(flat.signals[d]!.width); i++) b.line(`NS[${offset[d]! + i}] = n${d}_${i};`);
      if (b.size > this.budget) {
        calls.push(this.emit(b, new Set()));
        b = null;
      }
    }
    if (b) calls.push(this.emit(b, new Set()));
    calls.push('S.set(NS);');
    return calls;
  }
}

export interface PhasePlan {
  all: number[];
  syncInputOnly: number[]; // units the clocked processes need that do not see registers
  syncStateDep: number[];
}

export function phasePlan(g: GenContext): PhasePlan {
  const isStateDep = (u: number) => g.sch.units[u]!.drives.some((d) => g.sch.stateDep[d]);
  const sync = cone(g.sch, g.syncReads);
  return {
    all: g.sch.units.map((_, i) => i),
    syncInputOnly: sync.filter((u) => !isStateDep(u)),
    syncStateDep: sync.filter(isStateDep),
  };
}

/** evalAll / stepN over chunk functions. */
export function chunkedMain(g: GenContext, budget: number): string {
  const c = new Chunker(g, budget, 'c');
  const p = phasePlan(g);
  const all = c.settle(p.all);
  const pre = c.settle(p.syncInputOnly);
  const loopSettle = c.settle(p.syncStateDep);
  const edge = c.edge();
  const done = new Set(p.syncInputOnly);
  const post = c.settle(p.all.filter((u) => !done.has(u)));
  const body = (calls: string[], ind: string) => calls.map((x) => ind + x).join('\n');
  return (
    c.fns.join('') +
    `function evalAll() {\n${body(all, '  ')}\n}\n` +
    `function stepN(n) {\n${body(pre, '  ')}\n  for (let it = 0; it < n; it++) {\n${body([...loopSettle, ...edge], '    ')}\n  }\n${body(post, '  ')}\n}\n`
  );
}

/** A batch kernel over chunk functions: inputs and outputs go through S. */
export function chunkedKernel(
  g: GenContext,
  budget: number,
  kind: 'eval' | 'step',
  ins: readonly number[],
  outs: readonly number[],
): string {
  const { flat, offset } = g;
  const c = new Chunker(g, budget, 'k');
  const n = (s: number) => nwords(flat.signals[s]!.width);
  const idx = (s: number, i: number) => (n(s) === 1 ? 'k' : i === 0 ? `k * ${n(s)}` : `k * ${n(s)} + ${i}`);
  const lines: string[] = [];
  ins.forEach((s, j) => {
    for (let i = 0; i < n(s); i++) lines.push(`S[${offset[s]! + i}] = I${j}[${idx(s, i)}];`);
  });
  // Logic that sees neither the columns nor (when stepping) the registers settles once, before the loop.
  const moving = movingUnits(g, ins, kind === 'step');
  const outCone = cone(g.sch, outs);
  const pre: string[] = [];
  if (kind === 'step') {
    const p = phasePlan(g);
    const sync = [...p.syncInputOnly, ...p.syncStateDep].sort((a, b) => a - b);
    pre.push(...c.settle([...new Set([...sync, ...outCone])].sort((a, b) => a - b).filter((u) => !moving[u])));
    lines.push(...c.settle(sync.filter((u) => moving[u])), ...c.edge());
    const valid = new Set(p.syncInputOnly);
    lines.push(...c.settle(outCone.filter((u) => moving[u] && !valid.has(u))));
  } else {
    pre.push(...c.settle(outCone.filter((u) => !moving[u])));
    lines.push(...c.settle(outCone.filter((u) => moving[u])));
  }
  outs.forEach((s, j) => {
    for (let i = 0; i < n(s); i++) lines.push(`O${j}[${idx(s, i)}] = S[${offset[s]! + i}];`);
  });
  const head =
    ins.map((_, j) => `const I${j} = I[${j}];`).join(' ') +
    ' ' +
    outs.map((_, j) => `const O${j} = O[${j}];`).join(' ');
  return `${c.fns.join('')}return function kernel(I, O, count) {\n  ${head}\n${pre.map((l) => `  ${l}`).join('\n')}\n  for (let k = 0; k < count; k++) {\n${lines.map((l) => `    ${l}`).join('\n')}\n  }\n};\n`;
}
