// The IR statement walkers (hdl/ir/walk.ts) on deep else-if chains: no recursion along the
// chain (100000 arms, far beyond the JS stack of a recursive walk), and the same results as
// the plain recursive definitions on a small mixed tree.
import { describe, expect, it } from 'vitest';
import { filterStmts, forEachStmt, ifChain, remapStmts, targetsOf } from '../../hdl/ir/walk.js';
import type { IRStmt } from '../../hdl/ir/types.js';

const loc = { file: 't', line: 1, col: 1 };
const assign = (target: number, value: number): IRStmt => ({ kind: 'assign', target, value, loc });
const iff = (cond: number, then: IRStmt[], els: IRStmt[]): IRStmt => ({ kind: 'if', cond, then, else: els, loc });

/** if (c0) t=0 else if (c1) t=1 … else t=arms (arm i assigns signal i % 3, expression 1000 + i). */
function chain(arms: number): IRStmt {
  let tail: IRStmt[] = [assign(0, 999)];
  for (let i = arms - 1; i >= 0; i--) tail = [iff(i, [assign(i % 3, 1000 + i)], tail)];
  return tail[0]!;
}

// Plain recursive definitions, the meaning the iterative walkers must keep.
function preOrder(list: readonly IRStmt[], out: IRStmt[] = []): IRStmt[] {
  for (const s of list) {
    out.push(s);
    if (s.kind === 'if') {
      preOrder(s.then, out);
      preOrder(s.else, out);
    } else if (s.kind === 'switch') for (const c of s.cases) preOrder(c.body, out);
  }
  return out;
}
function filterRec(list: readonly IRStmt[], keep: (t: number) => boolean): IRStmt[] {
  const out: IRStmt[] = [];
  for (const s of list) {
    if (s.kind === 'assign') {
      if (keep(s.target)) out.push(s);
    } else if (s.kind === 'if') {
      const t = filterRec(s.then, keep),
        e = filterRec(s.else, keep);
      if (t.length || e.length) out.push({ ...s, then: t, else: e });
    } else {
      const cases = s.cases.map((c) => ({ ...c, body: filterRec(c.body, keep) }));
      if (cases.some((c) => c.body.length)) out.push({ ...s, cases });
    }
  }
  return out;
}

const small: IRStmt[] = [
  assign(5, 1),
  iff(2, [assign(1, 3), iff(4, [assign(2, 5)], [])], [iff(6, [assign(3, 7)], [assign(1, 8), assign(4, 9)])]),
  {
    kind: 'switch',
    subject: 10,
    cases: [
      { values: ['1'], body: [assign(2, 11)], loc },
      { values: [], body: [chain(5)], loc },
    ],
    loc,
  },
];

describe('IR walkers', () => {
  it('forEachStmt visits in source order (pre-order, then before else)', () => {
    const seen: IRStmt[] = [];
    forEachStmt(small, (s) => seen.push(s));
    expect(seen).toEqual(preOrder(small));
  });
  it('filterStmts keeps the control flow around kept assignments, as the recursive definition', () => {
    for (const t of [0, 1, 2, 3, 4, 5])
      expect(filterStmts(small, (x) => x === t)).toEqual(filterRec(small, (x) => x === t));
  });
  it('remapStmts renumbers in source order', () => {
    const order: number[] = [];
    const out = remapStmts(
      small,
      (s) => s + 100,
      (e) => (order.push(e), e + 1000),
    );
    const exprsInOrder = preOrder(small).map((s) =>
      s.kind === 'assign' ? s.value : s.kind === 'if' ? s.cond : s.subject,
    );
    expect(order).toEqual(exprsInOrder);
    expect(targetsOf(out)).toEqual(new Set([...targetsOf(small)].map((t) => t + 100)));
  });
  it('a 100000-arm chain: no stack overflow, and the expected results', () => {
    const c = chain(100_000);
    expect(ifChain(c as Extract<IRStmt, { kind: 'if' }>).arms).toHaveLength(100_000);
    expect(targetsOf([c])).toEqual(new Set([0, 1, 2]));
    // Keeping signal 1 only: arms assigning 0 or 2 keep an empty then; the final else is dropped.
    const kept = filterStmts([c], (t) => t === 1);
    const { arms, last } = ifChain(kept[0] as Extract<IRStmt, { kind: 'if' }>);
    expect(last).toEqual([]);
    expect(arms.filter((a) => a.then.length)).toHaveLength(Math.ceil((100_000 - 1) / 3));
    expect(arms.at(-1)!.cond % 3).toBe(1); // the chain ends at the last arm that keeps something
    const remapped = remapStmts(
      [c],
      (s) => s,
      (e) => e + 1,
    );
    expect(ifChain(remapped[0] as Extract<IRStmt, { kind: 'if' }>).arms[99_999]!.cond).toBe(100_000);
    let count = 0;
    forEachStmt([c], () => count++);
    expect(count).toBe(2 * 100_000 + 1);
  });
});
