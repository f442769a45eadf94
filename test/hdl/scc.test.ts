// Tarjan's SCC (hdl/ir/scc.ts), shared by the loop pass and the simulator's scheduler.
import { describe, expect, it } from 'vitest';
import { isCycle, stronglyConnectedComponents, type Successors } from '../../hdl/ir/scc.js';

const graph = (edges: readonly [number, number][]): Successors => {
  const m = new Map<number, number[]>();
  for (const [a, b] of edges) m.set(a, [...(m.get(a) ?? []), b]);
  return (v) => m.get(v) ?? [];
};
const sorted = (comps: number[][]) => comps.map((c) => [...c].sort((a, b) => a - b));

describe('stronglyConnectedComponents', () => {
  it('a self-loop is a component of one node that is a cycle; a lone node is not', () => {
    const succ = graph([
      [0, 0],
      [0, 1],
    ]);
    const comps = stronglyConnectedComponents(2, succ);
    expect(sorted(comps)).toEqual([[1], [0]]);
    expect(comps.map((c) => isCycle(c, succ))).toEqual([false, true]);
  });

  it('finds two separate cycles joined by a one-way edge, the reached one first', () => {
    // 0 → 1 → 2 → 0, 2 → 3, 3 → 4 → 3
    const succ = graph([
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [3, 4],
      [4, 3],
    ]);
    const comps = stronglyConnectedComponents(5, succ);
    expect(sorted(comps)).toEqual([
      [3, 4],
      [0, 1, 2],
    ]);
    expect(comps.every((c) => isCycle(c, succ))).toBe(true);
  });

  it('a DAG gives one acyclic component per node, in reverse topological order', () => {
    // diamond 0 → {1, 2} → 3, plus an isolated node 4
    const succ = graph([
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ]);
    const comps = stronglyConnectedComponents(5, succ);
    expect(comps.every((c) => c.length === 1 && !isCycle(c, succ))).toBe(true);
    const order = comps.map((c) => c[0]!);
    expect(order).toEqual([3, 1, 2, 0, 4]);
  });

  it('is iterative: a chain and a ring of 200 000 nodes do not overflow the stack', () => {
    const n = 200_000;
    const chain: Successors = (v) => (v + 1 < n ? [v + 1] : []);
    const comps = stronglyConnectedComponents(n, chain);
    expect(comps.length).toBe(n);
    expect(comps[0]).toEqual([n - 1]); // the sink first
    const ring: Successors = (v) => [(v + 1) % n];
    const one = stronglyConnectedComponents(n, ring);
    expect(one.length).toBe(1);
    expect(one[0]!.length).toBe(n);
  });

  it('agrees with mutual reachability on random graphs, sinks first', () => {
    let seed = 12345;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % k;
    for (let t = 0; t < 50; t++) {
      const n = 1 + rand(12);
      const edges: [number, number][] = [];
      for (let e = rand(3 * n); e > 0; e--) edges.push([rand(n), rand(n)]);
      const succ = graph(edges);
      const reach = Array.from({ length: n }, (_, s) => {
        const seen = new Set<number>([s]);
        const stack = [s];
        while (stack.length)
          for (const w of succ(stack.pop()!))
            if (!seen.has(w)) {
              seen.add(w);
              stack.push(w);
            }
        return seen;
      });
      const comps = stronglyConnectedComponents(n, succ);
      const compOf = new Map<number, number>();
      comps.forEach((c, i) => {
        c.forEach((v) => {
          compOf.set(v, i);
        });
      });
      expect(compOf.size).toBe(n); // every node exactly once
      expect(comps.flat().length).toBe(n);
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          expect(compOf.get(a) === compOf.get(b)).toBe(reach[a]!.has(b) && reach[b]!.has(a));
          if (edges.some(([x, y]) => x === a && y === b)) expect(compOf.get(b)!).toBeLessThanOrEqual(compOf.get(a)!);
        }
      for (const c of comps)
        expect(isCycle(c, succ)).toBe(c.length > 1 || edges.some(([x, y]) => x === c[0] && y === c[0]));
    }
  });
});
