// Small traversals of IR statement trees and expressions shared by the passes and the backends.
import type { IRExpr, IRIf, IRStmt } from './types.js';

// Statement trees can be deep in one way: a when/elsewhen chain of N arms is N nested `if`s,
// each in the `else` of the one before (a 65536-row priority encoder written as a chain).
// Walkers here never recurse along such a chain: pure visits use an explicit stack, and
// rebuilding walkers step along the chain in a loop. They still recurse into `then` and case
// bodies, whose depth the eDSL bounds (MAX_STATEMENT_NESTING).

/**
 * Calls `visit` on every statement of `stmts` and of the bodies inside them, in source order
 * (a statement before its `then`, `then` before `else`, cases in order), without recursion.
 */
export function forEachStmt(stmts: readonly IRStmt[], visit: (s: IRStmt) => void): void {
  const stack: IRStmt[] = [];
  const push = (list: readonly IRStmt[]) => {
    for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!);
  };
  push(stmts);
  while (stack.length) {
    const s = stack.pop()!;
    visit(s);
    if (s.kind === 'if') {
      push(s.else);
      push(s.then);
    } else if (s.kind === 'switch') for (let i = s.cases.length - 1; i >= 0; i--) push(s.cases[i]!.body);
  }
}

/**
 * An if / else-if chain read flat: the `if` itself and every `if` that is the only statement
 * of the previous one's `else`, and the statements of the last `else` (often empty).
 */
export function ifChain(s: IRIf): { readonly arms: readonly IRIf[]; readonly last: readonly IRStmt[] } {
  const arms: IRIf[] = [s];
  let tail = s.else;
  while (tail.length === 1 && tail[0]!.kind === 'if') {
    arms.push(tail[0]!);
    tail = tail[0]!.else;
  }
  return { arms, last: tail };
}

/** Every signal assigned anywhere in `stmts` (added to `into`), in source order. */
export function targetsOf(stmts: readonly IRStmt[], into = new Set<number>()): Set<number> {
  forEachStmt(stmts, (s) => {
    if (s.kind === 'assign') into.add(s.target);
  });
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
      // From the end of the chain back: an arm stays when its `then` or what follows it keeps something.
      const { arms, last } = ifChain(s);
      let rest = filterStmts(last, keep);
      for (let i = arms.length - 1; i >= 0; i--) {
        const arm = arms[i]!;
        const t = filterStmts(arm.then, keep);
        rest = t.length || rest.length ? [{ ...arm, then: t, else: rest }] : [];
      }
      out.push(...rest);
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
    if (s.kind === 'if') {
      const { arms, last } = ifChain(s);
      // Renumbered in source order (cond, then, next arm …), as a recursive copy would.
      const conds: number[] = [];
      const thens: IRStmt[][] = [];
      for (const a of arms) {
        conds.push(expr(a.cond));
        thens.push(remapStmts(a.then, signal, expr));
      }
      let rest = remapStmts(last, signal, expr);
      for (let i = arms.length - 1; i >= 0; i--) rest = [{ ...arms[i]!, cond: conds[i]!, then: thens[i]!, else: rest }];
      return rest[0]!;
    }
    return {
      ...s,
      subject: expr(s.subject),
      cases: s.cases.map((c) => ({ ...c, body: remapStmts(c.body, signal, expr) })),
    };
  });
}

/**
 * The second operand of a binary operator (`e.b`), or -1 for every other expression. A switch
 * on `op`: the test `'b' in e` costs about 50 ns on the IR's many object shapes, more than the
 * rest of a pass's work on a node.
 */
export function secondOperand(e: IRExpr): number {
  switch (e.op) {
    case 'and':
    case 'or':
    case 'xor':
    case 'add':
    case 'sub':
    case 'eq':
    case 'ne':
    case 'ult':
    case 'ule':
    case 'ugt':
    case 'uge':
    case 'slt':
    case 'sle':
    case 'sgt':
    case 'sge':
    case 'shl':
    case 'shr':
    case 'sra':
      return e.b;
    default:
      return -1;
  }
}

/**
 * Calls `f` with each operand expression of `e` (none for constants and signal references),
 * in the order of operands(e), without building an array: for passes that visit every
 * expression of a module.
 */
export function forEachOperand(e: IRExpr, f: (operand: number) => void): void {
  switch (e.op) {
    case 'const':
    case 'ref':
      return;
    case 'concat':
      for (const p of e.parts) f(p);
      return;
    case 'mux':
      f(e.sel);
      f(e.a);
      f(e.b);
      return;
    default: {
      f(e.a);
      const b = secondOperand(e);
      if (b >= 0) f(b);
    }
  }
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
      return secondOperand(e) < 0 ? [e.a] : [e.a, (e as { b: number }).b];
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
