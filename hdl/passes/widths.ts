// Width pass: every operator's operand widths and every assignment/connection must agree
// exactly (the eDSL never truncates or widens silently). Messages name both sides.
import { describeExpr } from '../ir/describe.js';
import type { IRModule, IRStmt } from '../ir/types.js';
import type { PassContext } from './context.js';
import { forEachStmt, secondOperand } from '../ir/walk.js';

const SAME_WIDTH = new Set([
  'and',
  'or',
  'xor',
  'add',
  'sub',
  'eq',
  'ne',
  'ult',
  'ule',
  'ugt',
  'uge',
  'slt',
  'sle',
  'sgt',
  'sge',
]);

function bits(n: number): string {
  return `${n} bit${n === 1 ? '' : 's'}`;
}

export function checkWidths(ctx: PassContext): void {
  for (const m of ctx.design.modules) {
    const d = (id: number) => `'${describeExpr(m, id)}'`;
    const w = (id: number) => m.exprs[id]!.width;
    m.exprs.forEach((e) => {
      const b = secondOperand(e);
      if (b >= 0 && SAME_WIDTH.has(e.op)) {
        const a = (e as { readonly a: number }).a;
        if (w(a) !== w(b))
          ctx.error(
            'width',
            m,
            e.loc,
            `width mismatch in '${e.op}': left ${d(a)} is ${bits(w(a))}, right ${d(b)} is ${bits(w(b))}`,
          );
      }
      if (e.op === 'mux') {
        if (w(e.sel) !== 1) ctx.error('width', m, e.loc, `mux select ${d(e.sel)} must be 1 bit, got ${bits(w(e.sel))}`);
        if (w(e.a) !== w(e.b))
          ctx.error(
            'width',
            m,
            e.loc,
            `width mismatch in 'mux': ${d(e.a)} is ${bits(w(e.a))}, ${d(e.b)} is ${bits(w(e.b))}`,
          );
      }
    });
    checkStmts(
      ctx,
      m,
      m.processes.flatMap((p) => p.body),
    );
    for (const inst of m.instances) {
      const child = ctx.modules.get(inst.module);
      if (!child) continue;
      for (const [port, expr] of Object.entries(inst.inputs)) {
        const p = child.signals.find((s) => s.name === port && s.kind === 'input');
        if (p && p.width !== w(expr))
          ctx.error(
            'width',
            m,
            inst.loc,
            `width mismatch at instance '${inst.name}' input '${port}': port is ${bits(p.width)}, connected ${d(expr)} is ${bits(w(expr))}`,
          );
      }
      for (const [port, sig] of Object.entries(inst.outputs)) {
        const p = child.signals.find((s) => s.name === port && s.kind === 'output');
        if (p && p.width !== m.signals[sig]!.width)
          ctx.error(
            'width',
            m,
            inst.loc,
            `width mismatch at instance '${inst.name}' output '${port}': port is ${bits(p.width)}, wire '${m.signals[sig]!.name}' is ${bits(m.signals[sig]!.width)}`,
          );
      }
    }
  }
}

function checkStmts(ctx: PassContext, m: IRModule, stmts: readonly IRStmt[]): void {
  forEachStmt(stmts, (s) => {
    if (s.kind === 'assign') {
      const t = m.signals[s.target]!;
      const vw = m.exprs[s.value]!.width;
      // Described only for a message: describing walks the value's whole expression.
      const v = () => `'${describeExpr(m, s.value)}'`;
      if (s.hi === undefined) {
        if (t.width !== vw)
          ctx.error(
            'width',
            m,
            s.loc,
            `width mismatch in assignment to '${t.name}': target is ${bits(t.width)}, value ${v()} is ${bits(vw)}`,
          );
      } else {
        const lo = s.lo!;
        if (s.hi >= t.width || lo < 0 || s.hi < lo)
          ctx.error('width', m, s.loc, `slice [${s.hi}:${lo}] is out of range for '${t.name}' (${bits(t.width)})`);
        else if (s.hi - lo + 1 !== vw)
          ctx.error(
            'width',
            m,
            s.loc,
            `width mismatch in assignment to '${t.name}[${s.hi}:${lo}]': target is ${bits(s.hi - lo + 1)}, value ${v()} is ${bits(vw)}`,
          );
      }
    } else if (s.kind === 'if') {
      const cw = m.exprs[s.cond]!.width;
      if (cw !== 1)
        ctx.error('width', m, s.loc, `condition '${describeExpr(m, s.cond)}' must be 1 bit, got ${bits(cw)}`);
    }
  });
}
