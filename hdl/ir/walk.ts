// Small traversals of IR statement trees and expressions shared by the passes and the backends.
import type { IRExpr, IRStmt } from './types.js';

/** Every signal assigned anywhere in `stmts` (added to `into`). */
export function targetsOf(stmts: readonly IRStmt[], into = new Set<number>()): Set<number> {
  for (const s of stmts) {
    if (s.kind === 'assign') into.add(s.target);
    else if (s.kind === 'if') {
      targetsOf(s.then, into);
      targetsOf(s.else, into);
    } else for (const c of s.cases) targetsOf(c.body, into);
  }
  return into;
}

/**
 * The statements of `stmts` that assign a target `keep` accepts, control flow kept around them
 * (an if/switch stays when some branch keeps a statement). Empty case bodies stay: they still
 * stop the search for a matching case.
 */
export function filterStmts(stmts: readonly IRStmt[], keep: (target: number) => boolean): IRStmt[] {
  const out: IRStmt[] = [];
  for (const s of stmts) {
    if (s.kind === 'assign') {
      if (keep(s.target)) out.push(s);
    } else if (s.kind === 'if') {
      const t = filterStmts(s.then, keep);
      const e = filterStmts(s.else, keep);
      if (t.length || e.length) out.push({ ...s, then: t, else: e });
    } else {
      const cases = s.cases.map((c) => ({ ...c, body: filterStmts(c.body, keep) }));
      if (cases.some((c) => c.body.length)) out.push({ ...s, cases });
    }
  }
  return out;
}

/** A copy of `stmts` with every assigned signal renumbered by `signal` and every expression by `expr`. */
export function remapStmts(
  stmts: readonly IRStmt[],
  signal: (id: number) => number,
  expr: (id: number) => number,
): IRStmt[] {
  return stmts.map((s): IRStmt => {
    if (s.kind === 'assign') return { ...s, target: signal(s.target), value: expr(s.value) };
    if (s.kind === 'if')
      return {
        ...s,
        cond: expr(s.cond),
        then: remapStmts(s.then, signal, expr),
        else: remapStmts(s.else, signal, expr),
      };
    return {
      ...s,
      subject: expr(s.subject),
      cases: s.cases.map((c) => ({ ...c, body: remapStmts(c.body, signal, expr) })),
    };
  });
}

/** The operand expressions of `e` (none for constants and signal references). */
export function operands(e: IRExpr): number[] {
  switch (e.op) {
    case 'const':
    case 'ref':
      return [];
    case 'concat':
      return [...e.parts];
    case 'mux':
      return [e.sel, e.a, e.b];
    default:
      return 'b' in e ? [e.a, e.b] : [e.a];
  }
}

/** A copy of `e` with its signal reference renumbered by `signal` and its operands by `expr`. */
export function remapExpr(e: IRExpr, signal: (id: number) => number, expr: (id: number) => number): IRExpr {
  switch (e.op) {
    case 'const':
      return e;
    case 'ref':
      return { ...e, signal: signal(e.signal) };
    case 'concat':
      return { ...e, parts: e.parts.map(expr) };
    case 'mux':
      return { ...e, sel: expr(e.sel), a: expr(e.a), b: expr(e.b) };
    default:
      return 'b' in e ? { ...e, a: expr(e.a), b: expr(e.b) } : { ...e, a: expr(e.a) };
  }
}
