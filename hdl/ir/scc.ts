// Tarjan's strongly connected components over a graph of nodes 0..n-1, shared by the
// combinational-loop pass (hdl/passes/loops.ts) and the simulator's scheduler
// (sim/jssim/schedule.ts). Iterative (an explicit stack of successor iterators), so a deep
// chain of signals in a large netlist cannot overflow the call stack.

/** Successors of node v (edge v → w for each w). */
export type Successors = (v: number) => Iterable<number>;

/**
 * Every strongly connected component, each once. Components come in reverse topological
 * order: a component is emitted after every component it reaches (sinks first).
 */
export function stronglyConnectedComponents(n: number, succ: Successors): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  const visit = (v: number, work: { v: number; it: Iterator<number> }[]) => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = 1;
    work.push({ v, it: succ(v)[Symbol.iterator]() });
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; it: Iterator<number> }[] = [];
    visit(root, work);
    while (work.length) {
      const top = work[work.length - 1]!;
      const r = top.it.next();
      if (!r.done) {
        const w = r.value;
        if (index[w] === -1) visit(w, work);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      const v = top.v;
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[v]!);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** Whether a component is a cycle: more than one node, or one node with an edge to itself. */
export function isCycle(comp: readonly number[], succ: Successors): boolean {
  if (comp.length > 1) return true;
  const v = comp[0]!;
  for (const w of succ(v)) if (w === v) return true;
  return false;
}
