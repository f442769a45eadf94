// An independent reference simulator for single-module IR designs, written directly from the
// IR definition with BigInt and no scheduling: combinational processes are re-run in order
// until nothing changes (final-value semantics; converges for loop-free designs), then clocked
// processes compute next values from the settled values, reset wins, all commit together.
import type { IRExpr, IRModule, IRStmt } from '../../../hdl/ir/types.js';

const mask = (w: number) => (1n << BigInt(w)) - 1n;
const signed = (v: bigint, w: number) => (v >> BigInt(w - 1) ? v - (1n << BigInt(w)) : v);

export class Reference {
  readonly values: bigint[];
  constructor(readonly m: IRModule) {
    this.values = m.signals.map(() => 0n);
  }

  set(name: string, v: bigint): void {
    this.values[this.m.signals.find((s) => s.name === name)!.id] = v;
  }
  get(name: string): bigint {
    return this.values[this.m.signals.find((s) => s.name === name)!.id]!;
  }

  private expr(id: number, memo: Map<number, bigint>): bigint {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const e: IRExpr = this.m.exprs[id]!;
    const W = e.width;
    const x = (i: number) => this.expr(i, memo);
    const w = (i: number) => this.m.exprs[i]!.width;
    let v: bigint;
    switch (e.op) {
      case 'const':
        v = BigInt(`0x${e.value}`);
        break;
      case 'ref':
        v = this.values[e.signal]!;
        break;
      case 'and':
        v = x(e.a) & x(e.b);
        break;
      case 'or':
        v = x(e.a) | x(e.b);
        break;
      case 'xor':
        v = x(e.a) ^ x(e.b);
        break;
      case 'add':
        v = (x(e.a) + x(e.b)) & mask(W);
        break;
      case 'sub':
        v = (x(e.a) - x(e.b)) & mask(W);
        break;
      case 'not':
        v = ~x(e.a) & mask(W);
        break;
      case 'neg':
        v = -x(e.a) & mask(W);
        break;
      case 'eq':
        v = x(e.a) === x(e.b) ? 1n : 0n;
        break;
      case 'ne':
        v = x(e.a) !== x(e.b) ? 1n : 0n;
        break;
      case 'ult':
        v = x(e.a) < x(e.b) ? 1n : 0n;
        break;
      case 'ule':
        v = x(e.a) <= x(e.b) ? 1n : 0n;
        break;
      case 'ugt':
        v = x(e.a) > x(e.b) ? 1n : 0n;
        break;
      case 'uge':
        v = x(e.a) >= x(e.b) ? 1n : 0n;
        break;
      case 'slt':
        v = signed(x(e.a), w(e.a)) < signed(x(e.b), w(e.b)) ? 1n : 0n;
        break;
      case 'sle':
        v = signed(x(e.a), w(e.a)) <= signed(x(e.b), w(e.b)) ? 1n : 0n;
        break;
      case 'sgt':
        v = signed(x(e.a), w(e.a)) > signed(x(e.b), w(e.b)) ? 1n : 0n;
        break;
      case 'sge':
        v = signed(x(e.a), w(e.a)) >= signed(x(e.b), w(e.b)) ? 1n : 0n;
        break;
      case 'shl':
        v = x(e.b) >= BigInt(W) ? 0n : (x(e.a) << x(e.b)) & mask(W);
        break;
      case 'shr':
        v = x(e.b) >= BigInt(W) ? 0n : x(e.a) >> x(e.b);
        break;
      case 'sra':
        v = (signed(x(e.a), W) >> (x(e.b) >= BigInt(W) ? BigInt(W) : x(e.b))) & mask(W);
        break;
      case 'shli':
        v = (x(e.a) << BigInt(e.amount)) & mask(W);
        break;
      case 'shri':
        v = x(e.a) >> BigInt(e.amount);
        break;
      case 'srai':
        v = (signed(x(e.a), W) >> BigInt(e.amount)) & mask(W);
        break;
      case 'redand':
        v = x(e.a) === mask(w(e.a)) ? 1n : 0n;
        break;
      case 'redor':
        v = x(e.a) !== 0n ? 1n : 0n;
        break;
      case 'redxor':
        v = BigInt([...x(e.a).toString(2)].filter((c) => c === '1').length & 1);
        break;
      case 'slice':
        v = (x(e.a) >> BigInt(e.lo)) & mask(e.hi - e.lo + 1);
        break;
      case 'concat':
        v = e.parts.reduce((acc, p) => (acc << BigInt(w(p))) | x(p), 0n);
        break;
      case 'repl': {
        v = 0n;
        for (let i = 0; i < e.count; i++) v = (v << BigInt(w(e.a))) | x(e.a);
        break;
      }
      case 'mux':
        v = x(e.sel) ? x(e.a) : x(e.b);
        break;
      case 'zext':
      case 'trunc':
        v = x(e.a) & mask(W);
        break;
      case 'sext':
        v = signed(x(e.a), w(e.a)) & mask(W);
        break;
    }
    memo.set(id, v);
    return v;
  }

  private run(
    stmts: readonly IRStmt[],
    memo: Map<number, bigint>,
    write: (sig: number, v: bigint, hi?: number, lo?: number) => void,
  ): void {
    for (const s of stmts) {
      if (s.kind === 'assign') write(s.target, this.expr(s.value, memo), s.hi, s.lo);
      else if (s.kind === 'if') this.run(this.expr(s.cond, memo) ? s.then : s.else, memo, write);
      else {
        const v = this.expr(s.subject, memo);
        const c = s.cases.find((c) => c.values.length === 0 || c.values.some((x) => BigInt(`0x${x}`) === v));
        if (c) this.run(c.body, memo, write);
      }
    }
  }

  private static put(old: bigint, v: bigint, width: number, hi?: number, lo?: number): bigint {
    if (hi === undefined || lo === undefined) return v;
    const m = mask(hi - lo + 1) << BigInt(lo);
    return ((old & ~m) | (v << BigInt(lo))) & mask(width);
  }

  settle(): void {
    const sigs = this.m.signals;
    for (let iter = 0; iter <= this.m.processes.length + 1; iter++) {
      let changed = false;
      for (const p of this.m.processes) {
        if (p.kind !== 'comb') continue;
        const memo = new Map<number, bigint>();
        const local = new Map<number, bigint>();
        this.run(p.body, memo, (sig, v, hi, lo) =>
          local.set(sig, Reference.put(local.get(sig) ?? 0n, v, sigs[sig]!.width, hi, lo)),
        );
        for (const [sig, v] of local) if (this.values[sig] !== v) (this.values[sig] = v), (changed = true);
      }
      if (!changed) return;
    }
    throw new Error('reference: combinational logic did not settle');
  }

  step(): void {
    this.settle();
    const sigs = this.m.signals;
    const next = new Map<number, bigint>();
    const memo = new Map<number, bigint>();
    for (const p of this.m.processes) {
      if (p.kind !== 'sync') continue;
      this.run(p.body, memo, (sig, v, hi, lo) =>
        next.set(sig, Reference.put(next.get(sig) ?? this.values[sig]!, v, sigs[sig]!.width, hi, lo)),
      );
      if (p.reset != null && this.values[p.reset])
        for (const s of sigs)
          if (s.kind === 'reg' && s.init != null && this.assigns(p.body, s.id)) next.set(s.id, BigInt(`0x${s.init}`));
    }
    for (const [sig, v] of next) this.values[sig] = v;
    this.settle();
  }

  private assigns(stmts: readonly IRStmt[], sig: number): boolean {
    return stmts.some((s) =>
      s.kind === 'assign'
        ? s.target === sig
        : s.kind === 'if'
          ? this.assigns(s.then, sig) || this.assigns(s.else, sig)
          : s.cases.some((c) => this.assigns(c.body, sig)),
    );
  }
}
