// Combinational-loop pass: builds the signal dependency graph of combinational logic
// (registers cut it; instances contribute their own input→output combinational paths)
// and reports every strongly connected component as a printed loop.
import { formatLoc } from '../ir/loc.js';
import type { IRModule, IRStmt } from '../ir/types.js';
import { ReadCollector } from '../ir/reads.js';
import { isCycle, stronglyConnectedComponents } from '../ir/scc.js';
import { ifChain } from '../ir/walk.js';
import type { PassContext } from './context.js';

/** For each output port of a module: the input ports it depends on combinationally. */
export type CombSummary = Map<string, Set<string>>;

function combDeps(m: IRModule, summaries: ReadonlyMap<string, CombSummary>): Map<number, Set<number>> {
  const deps = new Map<number, Set<number>>();
  const rc = new ReadCollector(m.exprs);
  const depsOf = (t: number) => {
    let d = deps.get(t);
    if (!d) deps.set(t, (d = new Set()));
    return d;
  };
  /** `under` plus the signals `cond` reads (`under` itself when that adds none). */
  const withReads = (under: ReadonlySet<number>, cond: number): ReadonlySet<number> => {
    const read = rc.reads(cond, new Set());
    for (const r of read) if (!under.has(r)) return new Set([...under, ...read]);
    return under;
  };
  // `condReads`: the signals read by the conditions the statements are under. Kept as a set
  // of signals, grown per level, so an N-arm else-if chain costs O(N), not O(N²) re-reads.
  const walk = (stmts: readonly IRStmt[], condReads: ReadonlySet<number>) => {
    for (const s of stmts) {
      if (s.kind === 'assign') {
        const d = depsOf(s.target);
        rc.reads(s.value, d);
        for (const c of condReads) d.add(c);
      } else if (s.kind === 'if') {
        const { arms, last } = ifChain(s);
        let under = condReads;
        for (const arm of arms) {
          under = withReads(under, arm.cond);
          walk(arm.then, under);
        }
        walk(last, under);
      } else {
        const under = withReads(condReads, s.subject);
        for (const c of s.cases) walk(c.body, under);
      }
    }
  };
  for (const p of m.processes) if (p.kind === 'comb') walk(p.body, new Set());
  for (const inst of m.instances) {
    const summary = summaries.get(inst.module);
    for (const [port, wire] of Object.entries(inst.outputs)) {
      const d = depsOf(wire);
      for (const input of summary?.get(port) ?? []) {
        const expr = inst.inputs[input];
        if (expr !== undefined) rc.reads(expr, d);
      }
    }
  }
  return deps;
}

function summarize(m: IRModule, deps: Map<number, Set<number>>): CombSummary {
  const summary: CombSummary = new Map();
  for (const out of m.signals.filter((s) => s.kind === 'output')) {
    const inputs = new Set<string>();
    const seen = new Set<number>([out.id]);
    const stack = [out.id];
    while (stack.length) {
      const id = stack.pop()!;
      const s = m.signals[id]!;
      if (s.kind === 'input') inputs.add(s.name);
      for (const d of deps.get(id) ?? [])
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
    }
    summary.set(out.name, inputs);
  }
  return summary;
}

/** One concrete cycle inside a strongly connected component, as a node path. */
function pathIn(comp: number[], edges: Map<number, Set<number>>): number[] {
  const inComp = new Set(comp);
  const start = Math.min(...comp);
  const prev = new Map<number, number>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export function checkLoops(ctx: PassContext): void {
  const summaries = new Map<string, CombSummary>();
  for (const m of ctx.design.modules) {
    const deps = combDeps(m, summaries);
    summaries.set(m.name, summarize(m, deps));
    // edges: source signal → dependent target
    const edges = new Map<number, Set<number>>();
    for (const [t, srcs] of deps)
      for (const s of srcs) {
        let e = edges.get(s);
        if (!e) edges.set(s, (e = new Set()));
        e.add(t);
      }
    const succ = (v: number) => edges.get(v) ?? [];
    const cycles = stronglyConnectedComponents(m.signals.length, succ).filter((comp) => isCycle(comp, succ));
    for (const comp of cycles) {
      const path = pathIn(comp, edges);
      const first = m.signals[path[0]!]!;
      const names = path.map((id) => m.signals[id]!.name).join(' -> ');
      const where = path
        .slice(0, -1)
        .map((id) => `${m.signals[id]!.name} at ${formatLoc(m.signals[id]!.loc)}`)
        .join(', ');
      ctx.error('loop', m, first.loc, `combinational loop: ${names} (${where})`);
    }
  }
}
