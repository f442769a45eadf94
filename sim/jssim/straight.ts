// Code for small designs: each entry point is one straight-line function with every signal
// word in a local, loading from / storing to the state array S only at its boundaries.
import { FnBuilder, type GenContext } from './emit.js';

/** Units whose values change from vector to vector: they read the columns or (when stepping) registers. */
export function movingUnits(g: GenContext, ins: readonly number[], withState: boolean): Uint8Array {
  const { sch, flat } = g;
  const dep = new Uint8Array(flat.signals.length);
  for (const s of ins) dep[s] = 1;
  if (withState)
    flat.signals.forEach((s) => {
      if (flat.driver[s.id] === 'sync') dep[s.id] = 1;
    });
  const moving = new Uint8Array(sch.units.length);
  sch.units.forEach((u, i) => {
    if ([...sch.reads[i]!].some((s) => dep[s])) {
      moving[i] = 1;
      for (const d of u.drives) dep[d] = 1;
    }
  });
  return moving;
}

export function straightMain(g: GenContext, topInputs: number[], stateSigs: number[], combSigs: number[]): string {
  const { sch, syncReads } = g;
  const unitIsStateDep = (u: number) => sch.units[u]!.drives.some((d) => sch.stateDep[d]);
  const ev = new FnBuilder(g);
  ev.load([...topInputs, ...stateSigs]);
  ev.settleAll();
  ev.store(combSigs);

  const st = new FnBuilder(g);
  st.load([...topInputs, ...stateSigs]);
  // Inputs are constant during step(n): logic that does not see registers settles once.
  st.settleFor(syncReads, (u) => !unitIsStateDep(u));
  st.block('for (let it = 0; it < n; it++) {', () => {
    st.settleFor(syncReads);
    st.edge();
  });
  st.settleAll();
  st.store([...combSigs, ...stateSigs]);
  return ev.finish('function evalAll()') + st.finish('function stepN(n)');
}

/** The batch loop with the per-vector body inlined. */
export function straightKernel(
  g: GenContext,
  kind: 'eval' | 'step',
  ins: readonly number[],
  outIds: readonly number[],
  topInputs: readonly number[],
  stateSigs: readonly number[],
): string {
  const { flat, syncReads } = g;
  const words = (s: number) => Math.max(1, Math.ceil(flat.signals[s]!.width / 32));
  const idx = (s: number, i: number) => (words(s) === 1 ? 'k' : i === 0 ? `k * ${words(s)}` : `k * ${words(s)} + ${i}`);
  const b = new FnBuilder(g);
  b.line(
    ins.map((_, j) => `const I${j} = I[${j}];`).join(' ') +
      ' ' +
      outIds.map((_, j) => `const O${j} = O[${j}];`).join(' '),
  );
  b.load([...topInputs.filter((s) => !ins.includes(s)), ...stateSigs]);
  // Logic that sees neither the columns nor (when stepping) the registers settles once.
  const moving = movingUnits(g, ins, kind === 'step');
  b.settleFor(kind === 'step' ? [...syncReads, ...outIds] : outIds, (u) => !moving[u]);
  b.block('for (let k = 0; k < count; k++) {', () => {
    ins.forEach((s, j) => {
      for (let i = 0; i < words(s); i++) b.line(`s${s}_${i} = I${j}[${idx(s, i)}];`);
    });
    if (kind === 'step') {
      b.settleFor(syncReads);
      b.edge();
    }
    b.settleFor(outIds);
    outIds.forEach((s, j) => {
      for (let i = 0; i < words(s); i++) b.line(`O${j}[${idx(s, i)}] = s${s}_${i};`);
    });
  });
  if (kind === 'step') b.store(stateSigs);
  // The last vector's inputs stay applied (read from the columns, so the loop's loads can die).
  b.block('if (count > 0) {', () =>
    ins.forEach((s, j) => {
      for (let i = 0; i < words(s); i++) b.line(`S[${g.offset[s]! + i}] = I${j}[(count - 1) * ${words(s)} + ${i}];`);
    }),
  );
  return `return ${b.finish('function kernel(I, O, count)')}`;
}
