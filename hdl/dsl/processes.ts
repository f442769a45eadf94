// Splits a module's statement tree (as written: assignments to wires and registers mixed
// inside when/switch) into IR processes: one combinational process per group of statements
// that drive overlapping signals (in source order), and one synchronous process per
// (clock, reset) pair. Keeping independent logic in separate processes gives readable
// Verilog (`assign` for plain drivers) and avoids false combinational-loop warnings.
import type { IRProcess, IRSignal, IRStmt, Loc } from '../ir/types.js';
import { filterStmts, targetsOf } from '../ir/walk.js';

export function splitProcesses(
  body: readonly IRStmt[],
  signals: readonly IRSignal[],
  loc: Loc,
): { processes: IRProcess[] } {
  const isReg = (id: number) => signals[id]!.kind === 'reg';
  const processes: IRProcess[] = [];

  // Combinational: union-find over top-level statements by shared targets.
  const comb = filterStmts(body, (t) => !isReg(t));
  const owner = new Map<number, number>(); // signal → group
  const parent: number[] = comb.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  comb.forEach((s, i) => {
    for (const t of targetsOf([s])) {
      const g = owner.get(t);
      if (g === undefined) owner.set(t, i);
      else parent[find(i)] = find(g);
    }
  });
  const groups = new Map<number, IRStmt[]>();
  comb.forEach((s, i) => {
    const g = find(i);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(s);
  });
  for (const stmts of groups.values()) processes.push({ kind: 'comb', body: stmts, loc: stmts[0]!.loc });

  // Synchronous: one process per (clock, reset).
  const keys = new Map<string, { clock: number; reset: number | null }>();
  for (const t of targetsOf(body)) {
    const s = signals[t]!;
    if (s.kind !== 'reg') continue;
    keys.set(`${s.clock}:${s.reset}`, { clock: s.clock!, reset: s.reset ?? null });
  }
  for (const [key, { clock, reset }] of keys) {
    const stmts = filterStmts(body, (t) => isReg(t) && `${signals[t]!.clock}:${signals[t]!.reset}` === key);
    processes.push({ kind: 'sync', clock, reset, body: stmts, loc: stmts[0]?.loc ?? loc });
  }
  return { processes };
}
