// Orders the combinational units so that every signal is computed before it is read.
// Units are whole comb processes when that is acyclic; a process whose signals feed each other
// (legal: `w := a; w2 := w + 1` in one `when`, final-value semantics) is split into one slice
// per driven signal (its statements filtered to that target, control flow kept). Only if the
// slices still form a cycle is the design rejected, naming the loop.
import type { IRStmt } from '../../hdl/ir/types.js';
import { ReadCollector } from '../../hdl/ir/reads.js';
import { isCycle, stronglyConnectedComponents } from '../../hdl/ir/scc.js';
import { filterStmts, forEachStmt } from '../../hdl/ir/walk.js';
import { at, type FlatDesign, type FUnit, SimError } from './flatten.js';

export interface Schedule {
  readonly units: FUnit[]; // in evaluation order
  readonly reads: Set<number>[]; // signals read by each unit (same index)
  readonly driverUnit: Int32Array; // signal → index in `units`, -1 if none
  /** Signal values that depend on register state (directly or combinationally). */
  readonly stateDep: Uint8Array;
}

/** Every expression a statement tree reads directly (values, conditions, subjects), without recursion. */
export function stmtRoots(stmts: readonly IRStmt[], out: number[] = []): number[] {
  forEachStmt(stmts, (s) => {
    out.push(s.kind === 'assign' ? s.value : s.kind === 'if' ? s.cond : s.subject);
  });
  return out;
}

export function schedule(flat: FlatDesign): Schedule {
  let units = flat.units.slice();
  for (let pass = 0; ; pass++) {
    const rc = new ReadCollector(flat.exprs);
    const reads = units.map((u) => rc.reads(stmtRoots(u.body), new Set()));
    const driverUnit = new Int32Array(flat.signals.length).fill(-1);
    units.forEach((u, i) => {
      u.drives.forEach((d) => {
        driverUnit[d] = i;
      });
    });
    // Edge u → v when u reads a signal v drives (v must run first).
    const deps = (u: number) => [...reads[u]!].map((s) => driverUnit[s]!).filter((v) => v >= 0);
    const comps = stronglyConnectedComponents(units.length, deps);
    const cyclic = comps.filter((c) => isCycle(c, deps));
    if (cyclic.length === 0) {
      // Tarjan emits sink components first, which here are the units with no unit dependencies.
      const order = comps.map((c) => c[0]!);
      const sorted = order.map((i) => units[i]!);
      const sortedReads = order.map((i) => reads[i]!);
      const du = new Int32Array(flat.signals.length).fill(-1);
      sorted.forEach((u, i) => {
        u.drives.forEach((d) => {
          du[d] = i;
        });
      });
      const stateDep = new Uint8Array(flat.signals.length);
      flat.signals.forEach((s) => {
        stateDep[s.id] = flat.driver[s.id] === 'sync' ? 1 : 0;
      });
      sorted.forEach((u, i) => {
        if ([...sortedReads[i]!].some((s) => stateDep[s])) for (const d of u.drives) stateDep[d] = 1;
      });
      return { units: sorted, reads: sortedReads, driverUnit: du, stateDep };
    }
    const splittable = cyclic.flat().filter((i) => units[i]!.drives.length > 1);
    if (pass > 0 || splittable.length === 0) {
      const comp = [...cyclic[0]!].sort((a, b) => a - b);
      const sigs = [...new Set(comp.flatMap((i) => units[i]!.drives))].sort((a, b) => a - b);
      const names = sigs.map((d) => flat.signals[d]!.name);
      throw new SimError(
        `combinational loop through ${names.map((n) => `'${n}'`).join(', ')} (${at(units[comp[0]!]!.loc)})`,
      );
    }
    const split = new Set(splittable);
    units = units.flatMap((u, i) =>
      split.has(i)
        ? u.drives.map((d) => ({
            body: filterStmts(u.body, (t) => t === d),
            drives: [d],
            loc: u.loc,
            what: `${u.what} (signal '${flat.signals[d]!.name}')`,
          }))
        : [u],
    );
  }
}

/** Indices of the units needed to compute `targets`, in evaluation order. */
export function cone(sch: Schedule, targets: Iterable<number>): number[] {
  const need = new Uint8Array(sch.units.length);
  const stack = [...targets];
  const seenSig = new Set<number>();
  while (stack.length) {
    const s = stack.pop()!;
    if (seenSig.has(s)) continue;
    seenSig.add(s);
    const u = sch.driverUnit[s]!;
    if (u < 0 || need[u]) continue;
    need[u] = 1;
    for (const r of sch.reads[u]!) stack.push(r);
  }
  const out: number[] = [];
  need.forEach((v, i) => {
    if (v) out.push(i);
  });
  return out;
}
