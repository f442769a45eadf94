// Which signals expressions read (DFS over the expression DAG, visiting each node once per
// query, so large designs stay linear), for the loop pass and the simulator's scheduler. One
// collector answers many queries over the same expressions without clearing a visited set.
import type { IRExpr } from './types.js';
import { secondOperand } from './walk.js';

export class ReadCollector {
  private stamp: Int32Array;
  private gen = 0;
  constructor(private readonly exprs: readonly IRExpr[]) {
    this.stamp = new Int32Array(exprs.length);
  }
  /** Adds the signal ids read by the expression(s) `roots` into `out`. */
  reads(roots: number | readonly number[], out: Set<number>): Set<number> {
    const g = ++this.gen;
    const stack = typeof roots === 'number' ? [roots] : [...roots];
    const { exprs } = this;
    while (stack.length) {
      const id = stack.pop()!;
      if (this.stamp[id] === g) continue;
      this.stamp[id] = g;
      const e = exprs[id]!;
      switch (e.op) {
        case 'const':
          break;
        case 'ref':
          out.add(e.signal);
          break;
        case 'concat':
          for (const p of e.parts) stack.push(p);
          break;
        case 'mux':
          stack.push(e.sel, e.a, e.b);
          break;
        default:
          stack.push(e.a);
          if (secondOperand(e) >= 0) stack.push(secondOperand(e));
      }
    }
    return out;
  }
}
