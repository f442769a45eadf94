// Latch pass: in a combinational process every target must be assigned on every path
// (otherwise the hardware would have to remember its value: a latch). Definite-assignment
// analysis at bit level; a switch without default counts as complete only when its cases
// cover every value of the subject.
import type { IRModule, IRStmt } from '../ir/types.js';
import { describeBits, fullMask, rangeMask } from './bitmask.js';
import type { PassContext } from './context.js';
import { forEachStmt, ifChain, targetsOf } from '../ir/walk.js';

type Assigned = Map<number, bigint>;

function meet(a: Assigned, b: Assigned): Assigned {
  const out: Assigned = new Map();
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined && v & w) out.set(k, v & w);
  }
  return out;
}

function run(m: IRModule, stmts: readonly IRStmt[], state: Assigned): Assigned {
  let cur = new Map(state);
  for (const s of stmts) {
    if (s.kind === 'assign') {
      const t = m.signals[s.target]!;
      const bits = s.hi === undefined ? fullMask(t.width) : rangeMask(s.hi, s.lo!);
      cur.set(s.target, (cur.get(s.target) ?? 0n) | bits);
    } else if (s.kind === 'if') {
      // Every arm of an else-if chain starts from `cur`; a bit is assigned after the chain when
      // every arm and the last else assign it (a loop, not recursion, along the chain).
      const { arms, last } = ifChain(s);
      let acc = run(m, last, cur);
      for (const arm of arms) acc = meet(acc, run(m, arm.then, cur));
      cur = acc;
    } else {
      const subjectWidth = m.exprs[s.subject]!.width;
      const hasDefault = s.cases.some((c) => c.values.length === 0);
      const distinct = new Set(s.cases.flatMap((c) => c.values.map((v) => BigInt('0x' + v))));
      const complete = hasDefault || (subjectWidth <= 20 && distinct.size === 2 ** subjectWidth);
      let acc: Assigned | undefined = complete ? undefined : cur;
      for (const c of s.cases) {
        const after = run(m, c.body, cur);
        acc = acc === undefined ? after : meet(acc, after);
      }
      cur = acc ?? cur;
    }
  }
  return cur;
}

function assignedBits(m: IRModule, stmts: readonly IRStmt[], into: Assigned): Assigned {
  forEachStmt(stmts, (s) => {
    if (s.kind !== 'assign') return;
    const bits = s.hi === undefined ? fullMask(m.signals[s.target]!.width) : rangeMask(s.hi, s.lo!);
    into.set(s.target, (into.get(s.target) ?? 0n) | bits);
  });
  return into;
}

export function checkLatches(ctx: PassContext): void {
  for (const m of ctx.design.modules) {
    for (const p of m.processes) {
      if (p.kind !== 'comb') continue;
      const done = run(m, p.body, new Map());
      const anywhere = assignedBits(m, p.body, new Map());
      for (const t of targetsOf(p.body)) {
        const s = m.signals[t]!;
        // Bits never assigned at all are the driver pass's finding, not a latch.
        const missing = (anywhere.get(t) ?? 0n) & ~(done.get(t) ?? 0n);
        if (missing)
          ctx.error(
            'latch',
            m,
            p.loc,
            `incomplete assignment: ${missing === (anywhere.get(t) ?? 0n) && missing === fullMask(s.width) ? `'${s.name}'` : `bits ${describeBits(missing, s.width)} of '${s.name}'`} ` +
              `not assigned on every path of this combinational block (would infer a latch); assign a default first`,
          );
      }
    }
  }
}
