// Which bits of which signals no logic reads (Verilator -Wall reports them as UNUSED).
// Returns Verilog operands naming those bits, e.g. ["operand[63:24]", "psr_vm"].
import type { IRModule, IRStmt } from '../../hdl/ir/types.js';
import { operands } from '../../hdl/ir/walk.js';

export function unusedBits(m: IRModule): string[] {
  const used = m.signals.map(() => 0n);
  const full = (w: number) => (1n << BigInt(w)) - 1n;
  const markFull = (expr: number) => {
    const e = m.exprs[expr]!;
    if (e.op === 'ref') used[e.signal] = full(e.width);
  };
  for (const e of m.exprs) {
    if (e.op === 'slice' || e.op === 'trunc') {
      const a = m.exprs[e.a]!;
      if (a.op === 'ref') {
        const lo = e.op === 'slice' ? e.lo : 0;
        used[a.signal]! |= full(e.width) << BigInt(lo);
      }
      continue;
    }
    for (const o of operands(e)) markFull(o);
  }
  const stmts = (list: readonly IRStmt[]) => {
    for (const s of list) {
      if (s.kind === 'assign') markFull(s.value);
      else if (s.kind === 'if') {
        markFull(s.cond);
        stmts(s.then);
        stmts(s.else);
      } else {
        markFull(s.subject);
        for (const c of s.cases) stmts(c.body);
      }
    }
  };
  for (const p of m.processes) {
    stmts(p.body);
    if (p.clock !== undefined) used[p.clock] = 1n;
    if (p.reset != null) used[p.reset] = 1n;
  }
  for (const i of m.instances) for (const e of Object.values(i.inputs)) markFull(e);
  for (const mem of m.memories ?? []) {
    for (const w of mem.writes) {
      for (const e of [w.addr, w.data, w.enable]) markFull(e);
      used[w.clock] = 1n;
    }
    for (const r of mem.reads) {
      markFull(r.addr);
      if (r.clock !== null) used[r.clock] = 1n;
    }
  }

  const out: string[] = [];
  for (const s of m.signals) {
    if (s.kind === 'output') continue;
    const missing = full(s.width) & ~used[s.id]!;
    if (!missing) continue;
    if (missing === full(s.width)) {
      out.push(s.name);
      continue;
    }
    for (let i = s.width - 1; i >= 0; ) {
      if (!((missing >> BigInt(i)) & 1n)) {
        i--;
        continue;
      }
      const hi = i;
      while (i >= 0 && (missing >> BigInt(i)) & 1n) i--;
      const lo = i + 1;
      out.push(hi === lo ? `${s.name}[${hi}]` : `${s.name}[${hi}:${lo}]`);
    }
  }
  return out;
}
