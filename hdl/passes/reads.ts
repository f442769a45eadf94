// Which signals an expression reads (DFS over the expression DAG, visiting each node once
// per query, so large designs stay linear).
import type { IRModule } from '../ir/types.js';

export class ReadCollector {
  private stamp: Int32Array;
  private gen = 0;
  constructor(private readonly m: IRModule) {
    this.stamp = new Int32Array(m.exprs.length);
  }
  /** Adds the signal ids read by `root` into `out`. */
  reads(root: number, out: Set<number>): Set<number> {
    const g = ++this.gen;
    const stack = [root];
    const { exprs } = this.m;
    while (stack.length) {
      const id = stack.pop()!;
      if (this.stamp[id] === g) continue;
      this.stamp[id] = g;
      const e = exprs[id]!;
      switch (e.op) {
        case 'const': break;
        case 'ref': out.add(e.signal); break;
        case 'concat': for (const p of e.parts) stack.push(p); break;
        case 'mux': stack.push(e.sel, e.a, e.b); break;
        default:
          stack.push(e.a);
          if ('b' in e) stack.push(e.b);
      }
    }
    return out;
  }
}
