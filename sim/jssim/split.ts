// Cuts large expression DAGs into temporary wires so that chunked code (chunked.ts) can split
// them over several functions: a single assignment of a thousand-node expression (a wide
// priority encoder, say) is otherwise one unit, and one unit is never split. Walking the
// expressions in order (operands come first), a node whose accumulated cost (words computed
// since the last cut) exceeds `budget` becomes a wire `~t<n>` driven by its own unit; its
// users read the wire instead.
import { operands, remapExpr, remapStmts } from '../../hdl/ir/walk.js';
import type { FlatDesign, FSignal, FUnit } from './flatten.js';
import { nwords } from './words.js';

/** Returns a copy of `flat` with temporaries inserted; the number of cuts is `temps`. */
export function splitExpressions(flat: FlatDesign, budget: number): { flat: FlatDesign; temps: number } {
  const exprs = flat.exprs.slice();
  const exprModule = flat.exprModule.slice();
  const signals: FSignal[] = flat.signals.slice();
  const driver = flat.driver.slice();
  const tempUnits: FUnit[] = [];
  const replaced = new Map<number, number>(); // cut expression → ref of its wire
  const acc = new Float64Array(flat.exprs.length);
  const use = (i: number) => replaced.get(i) ?? i;
  const same = (id: number) => id; // signals keep their ids; only expressions are replaced
  for (let id = 0; id < flat.exprs.length; id++) {
    const ops = operands(exprs[id]!);
    if (ops.some((o) => replaced.has(o))) exprs[id] = remapExpr(exprs[id]!, same, use);
    const e = exprs[id]!;
    if (e.op === 'const' || e.op === 'ref') continue;
    acc[id] = nwords(e.width) + ops.reduce((s, o) => s + (replaced.has(o) ? 0 : acc[o]!), 0);
    if (acc[id]! <= budget) continue;
    const sig = signals.length;
    signals.push({
      id: sig,
      name: `~t${sig}`,
      local: `~t${sig}`,
      width: e.width,
      kind: 'wire',
      init: null,
      loc: e.loc,
      top: false,
    });
    driver.push('comb');
    tempUnits.push({
      body: [{ kind: 'assign', target: sig, value: id, loc: e.loc }],
      drives: [sig],
      loc: e.loc,
      what: `temporary for an expression at ${e.loc.file}:${e.loc.line}`,
    });
    replaced.set(id, exprs.length);
    exprs.push({ op: 'ref', width: e.width, signal: sig, loc: e.loc });
    exprModule.push(flat.exprModule[id]!);
  }
  if (replaced.size === 0) return { flat, temps: 0 };
  const units = [...flat.units.map((u) => ({ ...u, body: remapStmts(u.body, same, use) })), ...tempUnits];
  const syncs = flat.syncs.map((p) => ({ ...p, body: remapStmts(p.body, same, use) }));
  return { flat: { ...flat, exprs, exprModule, signals, driver, units, syncs }, temps: replaced.size };
}
