// Per-bundle step function, generated once per decoded bundle with `new Function` so that
// each slot's closure call is a monomorphic call site the JIT can inline. The generated code
// is the step loop unrolled over the bundle's slots (bookkeeping per step: step count,
// IIPA, single-step and pending traps); predicates and nops are resolved at generation time.
import type { Exec, Machine } from './machine.js';

/** Result of a bundle run: budget exhausted mid-bundle, control left the bundle, or fell off its end. */
export const BUNDLE_PAUSED = 0, BUNDLE_LEFT = 1, BUNDLE_END = 2;

export type BundleRun = (start: number, budget: number) => number;

type Advance = (m: Machine, lastSlot: number) => void;

export function genBundleRun(m: Machine, exec: readonly (Exec | null)[], qp: Uint8Array, n: number, advance: Advance): BundleRun {
  const lines: string[] = [
    'return function bundleRun(start, budget) {',
    '  const bLo = m.ipLo, bHi = m.ipHi;',
    '  m.stepBase = m.steps - start;',
    '  let r = 0, ic = 0, ss = 0;',
    '  switch (start) {',
  ];
  for (let i = 0; i < n; i++) {
    const call = exec[i] === null ? '0' : qp[i] ? `(P[${qp[i]}] === 0 ? 0 : e${i}())` : `e${i}()`;
    lines.push(
      `  case ${i}:`,
      `    if (budget === 0) { m.slot = ${i}; return 0; }`,
      '    budget--;',
      `    m.slot = ${i};`,
      '    ic = m.ic; ss = m.ss;',
      `    r = ${call};`,
      '    m.steps++;',
      `    if (r > 1) { if (r === 3) { m.halted = true; m.slot = ${i}; } return 1; }`,
      '    if (ic !== 0) { m.iipaLo = bLo; m.iipaHi = bHi; }',
      // Single step uses PSR.ss as the instruction started (an rfi that sets ss does not trap).
      '    if (ss !== 0) m.pendingTraps |= 8;',
      `    if (r === 1) { if (m.pendingTraps !== 0) m.takeTraps(${i}, m.steps - 1); return 1; }`,
      i + 1 < n
        ? `    if (m.pendingTraps !== 0) { m.slot = ${i + 1}; m.takeTraps(${i}, m.steps - 1); return 1; }`
        : `    if (m.pendingTraps !== 0) { advance(m, ${i}); return 1; }`,
    );
  }
  lines.push('  }', '  return 2;', '};');
  const factory = new Function('m', 'P', 'advance', 'e0', 'e1', 'e2', lines.join('\n')) as
    (m: Machine, P: Uint8Array, advance: Advance, e0: Exec | null, e1: Exec | null, e2: Exec | null) => BundleRun;
  return factory(m, m.pr, advance, exec[0] ?? null, exec[1] ?? null, exec[2] ?? null);
}
