// Driver pass: every output, wire and register has exactly one driver (one process or one
// instance output) that covers all of its bits; inputs are never driven inside the module.
import { formatLoc } from '../ir/loc.js';
import type { IRModule, IRStmt, Loc } from '../ir/types.js';
import { describeBits, fullMask, rangeMask } from './bitmask.js';
import type { PassContext } from './context.js';
import { forEachStmt } from '../ir/walk.js';

const KIND_NAME = { input: 'input', output: 'output', wire: 'wire', reg: 'register' } as const;

function collect(m: IRModule, stmts: readonly IRStmt[], out: Map<number, { loc: Loc; bits: bigint }>): void {
  forEachStmt(stmts, (s) => {
    if (s.kind !== 'assign') return;
    const t = m.signals[s.target]!;
    const bits = s.hi === undefined ? fullMask(t.width) : rangeMask(Math.min(s.hi, t.width - 1), Math.max(0, s.lo!));
    const prev = out.get(s.target);
    if (prev) prev.bits |= bits;
    else out.set(s.target, { loc: s.loc, bits });
  });
}

export function checkDrivers(ctx: PassContext): void {
  for (const m of ctx.design.modules) {
    const drivers = new Map<number, { what: string; loc: Loc; bits: bigint }[]>();
    const add = (sig: number, what: string, loc: Loc, bits: bigint) => {
      let list = drivers.get(sig);
      if (!list) drivers.set(sig, (list = []));
      list.push({ what, loc, bits });
    };
    for (const p of m.processes) {
      const per = new Map<number, { loc: Loc; bits: bigint }>();
      collect(m, p.body, per);
      for (const [sig, d] of per) {
        const s = m.signals[sig]!;
        if (p.kind === 'comb' && s.kind === 'reg')
          ctx.error('driver', m, d.loc, `register '${s.name}' is assigned in a combinational process`);
        if (p.kind === 'sync' && s.kind !== 'reg')
          ctx.error(
            'driver',
            m,
            d.loc,
            `${KIND_NAME[s.kind]} '${s.name}' is assigned in a clocked process (declare it as a register)`,
          );
        add(sig, 'assignment', d.loc, d.bits);
      }
    }
    for (const inst of m.instances)
      for (const sig of Object.values(inst.outputs))
        add(sig, `instance '${inst.name}'`, inst.loc, fullMask(m.signals[sig]!.width));
    for (const mem of m.memories ?? [])
      for (const r of mem.reads) add(r.data, `memory '${mem.name}'`, r.loc, fullMask(m.signals[r.data]!.width));

    for (const s of m.signals) {
      const list = drivers.get(s.id) ?? [];
      if (s.kind === 'input') {
        if (list.length) ctx.error('driver', m, list[0]!.loc, `input '${s.name}' is driven inside the module`);
        continue;
      }
      if (list.length === 0) {
        ctx.error(
          'driver',
          m,
          s.loc,
          s.kind === 'reg'
            ? `register '${s.name}' is never assigned`
            : `${KIND_NAME[s.kind]} '${s.name}' is never driven`,
        );
        continue;
      }
      if (list.length > 1) {
        list.sort((x, y) => x.loc.file.localeCompare(y.loc.file) || x.loc.line - y.loc.line || x.loc.col - y.loc.col);
        ctx.error(
          'driver',
          m,
          list[1]!.loc,
          `'${s.name}' has multiple drivers: ${list.map((d) => `${d.what} at ${formatLoc(d.loc)}`).join(', ')}`,
        );
        continue;
      }
      const missing = fullMask(s.width) & ~list[0]!.bits;
      if (missing)
        ctx.error(
          'driver',
          m,
          s.loc,
          `bits ${describeBits(missing, s.width)} of ${KIND_NAME[s.kind]} '${s.name}' are never driven`,
        );
    }
  }
}
