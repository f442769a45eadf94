// Conditions and selects take any Value: the width pass reports one that is not 1 bit.
// Free-standing operators of the eDSL (cat, mux, lit, when, switchOn), acting on the module
// currently being defined (see defineModule).
import { DEFERRED, exprLoc, locatedProblem } from './loc.js';
import { currentModule, type SwitchBuilder, type WhenChain } from './module.js';
import { Value, type Operand } from './value.js';

/** Concatenation, most significant part first. */
export function cat(...parts: Value[]): Value {
  const loc = exprLoc();
  if (parts.length === 0) throw new Error('cat() needs at least one part');
  if (parts.length === 1) return parts[0]!;
  const m = parts[0]!.mod;
  for (const p of parts)
    if (p.mod !== m) m.problem(`value from module '${p.mod.name}' used in module '${m.name}'`, loc);
  const width = parts.reduce((w, p) => w + p.width, 0);
  return new Value(m, m.addExpr({ op: 'concat', width, parts: parts.map((p) => p.expr), loc }), width);
}

/** sel ? a : b. `a` and `b` must have the same width (numbers take the other side's width). */
export function mux<W extends number>(
  sel: Value,
  a: Value<W> | number | bigint,
  b: Value<W> | number | bigint,
): Value<W> {
  const loc = exprLoc();
  const m = sel.mod;
  const ref = a instanceof Value ? a : b instanceof Value ? b : undefined;
  if (!ref) {
    m.problem('mux of two numbers: give at least one side as a Value so the width is known', loc);
    return m.constant(0, 1, loc) as Value<W>;
  }
  const av = sel.operand(a as Operand, ref.width, loc);
  const bv = sel.operand(b as Operand, ref.width, loc);
  // A select that is not 1 bit or sides of two widths: the width pass names this line.
  const at = sel.width !== 1 || av.width !== bv.width ? locatedProblem(loc) : loc;
  return new Value(
    m,
    m.addExpr({ op: 'mux', width: av.width, sel: sel.expr, a: av.expr, b: bv.expr, loc: at }),
    av.width as W,
  );
}

/** A constant in the current module (a leaf: located by its first use, see DEFERRED). */
export function lit(value: number | bigint, width: number): Value {
  return currentModule().constant(value, width, DEFERRED);
}

export function when(cond: Value, body: () => void): WhenChain {
  return currentModule().when(cond, body);
}

export function switchOn(subject: Value, body: (s: SwitchBuilder) => void): void {
  currentModule().switch(subject, body);
}

/** OR of many 1-bit values as a balanced tree (no deep nesting in the output). */
export function anyOf(bits: readonly Value[]): Value {
  if (bits.length === 0) throw new Error('anyOf() needs at least one value');
  return cat(...[...bits].reverse()).orR();
}
