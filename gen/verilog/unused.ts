// Which bits of which signals no logic reads (Verilator -Wall reports them as UNUSED).
// Returns Verilog operands naming those bits, e.g. ["operand[63:24]", "psr_vm"].
import type { IRModule, IRStmt } from '../../hdl/ir/types.js';
import { forEachOperand, forEachStmt } from '../../hdl/ir/walk.js';

/** The expression a statement reads at its own level (value, condition or case subject). */
const stmtExpr = (s: IRStmt): number => (s.kind === 'assign' ? s.value : s.kind === 'if' ? s.cond : s.subject);

export function unusedBits(m: IRModule): string[] {
  // Per signal: read as a whole (`whole`), or the bits read so far (a byte per bit, made on
  // the first partial read). Marking a slice costs its width, so N one-bit slices of an N-bit
  // input cost O(N), not the O(N^2) of OR-ing N-bit BigInt masks.
  const whole = new Uint8Array(m.signals.length);
  const partial: (Uint8Array | undefined)[] = new Array(m.signals.length);
  const markFull = (expr: number) => {
    const e = m.exprs[expr]!;
    if (e.op === 'ref') whole[e.signal] = 1;
  };
  const markBits = (signal: number, lo: number, width: number) => {
    if (whole[signal]) return;
    const bits = (partial[signal] ??= new Uint8Array(m.signals[signal]!.width));
    if (width === 1) bits[lo] = 1;
    else bits.fill(1, lo, lo + width);
  };
  // Only expressions some statement or instance reads count: the eDSL also makes a slice
  // expression for an assignment to a slice (`psr.f.vm.set(…)`), which reads nothing.
  const live = new Uint8Array(m.exprs.length);
  const roots: number[] = [];
  const rootStmts = (list: readonly IRStmt[]) => forEachStmt(list, (s) => roots.push(stmtExpr(s)));
  for (const p of m.processes) rootStmts(p.body);
  for (const i of m.instances) roots.push(...Object.values(i.inputs));
  for (const mem of m.memories ?? []) {
    for (const w of mem.writes) roots.push(w.addr, w.data, w.enable);
    for (const r of mem.reads) roots.push(r.addr);
  }
  // Index loops and no operand arrays: this runs once per expression of the module.
  const pushRoot = (id: number) => {
    roots.push(id);
  };
  while (roots.length) {
    const id = roots.pop()!;
    if (live[id]) continue;
    live[id] = 1;
    forEachOperand(m.exprs[id]!, pushRoot);
  }
  for (let id = 0; id < m.exprs.length; id++) {
    if (!live[id]) continue;
    const e = m.exprs[id]!;
    if (e.op === 'slice' || e.op === 'trunc') {
      const a = m.exprs[e.a]!;
      if (a.op === 'ref') markBits(a.signal, e.op === 'slice' ? e.lo : 0, e.width);
    } else forEachOperand(e, markFull);
  }
  const stmts = (list: readonly IRStmt[]) => forEachStmt(list, (s) => markFull(stmtExpr(s)));
  for (const p of m.processes) {
    stmts(p.body);
    if (p.clock !== undefined) whole[p.clock] = 1;
    if (p.reset != null) whole[p.reset] = 1;
  }
  for (const i of m.instances) for (const e of Object.values(i.inputs)) markFull(e);
  for (const mem of m.memories ?? []) {
    for (const w of mem.writes) {
      for (const e of [w.addr, w.data, w.enable]) markFull(e);
      whole[w.clock] = 1;
    }
    for (const r of mem.reads) {
      markFull(r.addr);
      if (r.clock !== null) whole[r.clock] = 1;
    }
  }

  const out: string[] = [];
  for (const s of m.signals) {
    if (s.kind === 'output' || whole[s.id]) continue;
    const bits = partial[s.id];
    if (!bits) {
      out.push(s.name);
      continue;
    }
    // Runs of unread bits, most significant first.
    for (let i = s.width - 1; i >= 0; ) {
      if (bits[i]) {
        i--;
        continue;
      }
      const hi = i;
      while (i >= 0 && !bits[i]) i--;
      const lo = i + 1;
      out.push(hi === lo ? `${s.name}[${hi}]` : `${s.name}[${hi}:${lo}]`);
    }
  }
  return out;
}
