// A tiny hand builder for IR fixtures (the tests must not depend on the eDSL front end).
import type {
  IRDesign,
  IRExpr,
  IRInstance,
  IRModule,
  IRProcess,
  IRSignal,
  IRStmt,
  IRSwitchCase,
  Loc,
  SignalKind,
} from '../../../hdl/ir/types.js';

let line = 0;
export const loc = (): Loc => ({ file: 'test/fixture.ts', line: ++line, col: 1 });

type NoLoc<T> = T extends unknown ? Omit<T, 'loc'> : never;

export interface Sig {
  readonly id: number;
  readonly width: number;
}

export class Mod {
  readonly signals: IRSignal[] = [];
  readonly exprs: IRExpr[] = [];
  readonly processes: IRProcess[] = [];
  readonly instances: IRInstance[] = [];
  private readonly refs = new Map<number, number>();

  constructor(readonly name: string) {}

  private sig(name: string, kind: SignalKind, width: number, extra: Partial<IRSignal> = {}): Sig {
    const id = this.signals.length;
    this.signals.push({ id, name, kind, width, loc: loc(), ...extra });
    return { id, width };
  }
  input(name: string, width: number): Sig {
    return this.sig(name, 'input', width);
  }
  output(name: string, width: number): Sig {
    return this.sig(name, 'output', width);
  }
  wire(name: string, width: number): Sig {
    return this.sig(name, 'wire', width);
  }
  reg(name: string, width: number, clock: Sig, reset: Sig | null = null, init: bigint | null = null): Sig {
    return this.sig(name, 'reg', width, {
      clock: clock.id,
      reset: reset?.id ?? null,
      init: init === null ? null : init.toString(16),
    });
  }

  e(x: NoLoc<IRExpr>): number {
    this.exprs.push({ ...x, loc: loc() } as IRExpr);
    return this.exprs.length - 1;
  }
  w(expr: number): number {
    return this.exprs[expr]!.width;
  }
  ref(s: Sig): number {
    let r = this.refs.get(s.id);
    if (r === undefined) this.refs.set(s.id, (r = this.e({ op: 'ref', width: s.width, signal: s.id })));
    return r;
  }
  c(width: number, v: bigint | number): number {
    return this.e({ op: 'const', width, value: BigInt(v).toString(16) });
  }
  bin(op: 'and' | 'or' | 'xor' | 'add' | 'sub' | 'shl' | 'shr' | 'sra', a: number, b: number): number {
    return this.e({ op, width: this.w(a), a, b });
  }
  cmp(op: 'eq' | 'ne' | 'ult' | 'ule' | 'ugt' | 'uge' | 'slt' | 'sle' | 'sgt' | 'sge', a: number, b: number): number {
    return this.e({ op, width: 1, a, b });
  }
  un(op: 'not' | 'neg', a: number): number {
    return this.e({ op, width: this.w(a), a });
  }
  red(op: 'redand' | 'redor' | 'redxor', a: number): number {
    return this.e({ op, width: 1, a });
  }
  slice(a: number, hi: number, lo: number): number {
    return this.e({ op: 'slice', width: hi - lo + 1, a, hi, lo });
  }
  concat(...parts: number[]): number {
    return this.e({ op: 'concat', width: parts.reduce((s, p) => s + this.w(p), 0), parts });
  }
  mux(sel: number, a: number, b: number): number {
    return this.e({ op: 'mux', width: this.w(a), sel, a, b });
  }

  assign(target: Sig, value: number, hi?: number, lo?: number): IRStmt {
    return hi === undefined
      ? { kind: 'assign', target: target.id, value, loc: loc() }
      : { kind: 'assign', target: target.id, value, hi, lo, loc: loc() };
  }
  if(cond: number, then: IRStmt[], els: IRStmt[] = []): IRStmt {
    return { kind: 'if', cond, then, else: els, loc: loc() };
  }
  switch(subject: number, cases: [string[], IRStmt[]][]): IRStmt {
    const cs: IRSwitchCase[] = cases.map(([values, body]) => ({ values, body, loc: loc() }));
    return { kind: 'switch', subject, cases: cs, loc: loc() };
  }
  comb(...body: IRStmt[]): void {
    this.processes.push({ kind: 'comb', body, loc: loc() });
  }
  sync(clock: Sig, reset: Sig | null, ...body: IRStmt[]): void {
    this.processes.push({ kind: 'sync', clock: clock.id, reset: reset?.id ?? null, body, loc: loc() });
  }
  inst(name: string, module: string, inputs: Record<string, number>, outputs: Record<string, Sig>): void {
    this.instances.push({
      name,
      module,
      inputs,
      outputs: Object.fromEntries(Object.entries(outputs).map(([k, s]) => [k, s.id])),
      loc: loc(),
    });
  }
  done(): IRModule {
    return {
      name: this.name,
      loc: loc(),
      signals: this.signals,
      exprs: this.exprs,
      processes: this.processes,
      instances: this.instances,
    };
  }
}

export function design(...mods: Mod[]): IRDesign {
  return { top: mods[mods.length - 1]!.name, modules: mods.map((m) => m.done()) };
}

/** Both code shapes: one straight-line function, and every unit in its own chunk function. */
export const MODES = [
  ['straight', { chunkChars: Infinity }],
  ['chunked', { chunkChars: 1 }],
] as const;
