// Per-bundle step function, generated once per decoded bundle with `new Function` so that
// each slot's closure call is a monomorphic call site the JIT can inline. The generated code
// is the step loop unrolled over the bundle's slots (per step: IIPA, single step, pending
// traps); predicates, nops and whether the slot number must be stored are resolved at
// generation time, and the step count is written only when control leaves the bundle.
// It assumes enough step budget for the rest of the bundle; run.ts steps the tail otherwise.
// Generating costs far more than running a bundle a few times (new Function: parse, compile),
// so a bundle first runs through genericBundleRun, the same steps interpreted over the slot
// arrays, and gets its generated function only once it has run GEN_AFTER times (code that
// runs once, like straight-line test programs, never pays for generation).
import type { Exec, Machine } from './machine.js';

/** Result of a bundle run: control left the bundle (branch, interruption, halt) or fell off its end. */
export const BUNDLE_LEFT = 1,
  BUNDLE_END = 2;

/** Runs a bundle on machine `m` from slot `start` (shared by every emulator of the process: run.ts). */
export type BundleRun = (m: Machine, start: number) => number;

type Advance = (m: Machine, lastSlot: number) => void;

/**
 * Runs of a bundle through genericBundleRun before its function is generated: more than
 * REGION_AFTER (region.ts), so a bundle that starts a hot run gets its region first and never
 * needs a function of its own (generating both cost the JIT twice during warm-up).
 */
export const GEN_AFTER = 32;

/**
 * The generated function's steps, interpreted (same order of effects): slots start..n-1 of
 * the bundle described by exec/qp/pure.
 */
export function genericBundleRun(
  m: Machine,
  exec: readonly (Exec | null)[],
  qp: Uint8Array,
  pure: readonly boolean[],
  n: number,
  advance: Advance,
  start: number,
): number {
  const bLo = m.ipLo,
    bHi = m.ipHi,
    sb = m.steps - start,
    P = m.pr;
  m.stepBase = sb;
  for (let i = start; i < n; i++) {
    const f = exec[i]!,
      q = qp[i]!;
    if (f !== null && !pure[i]) m.slot = i;
    const ic = m.ic,
      ss = m.ss;
    const r = f === null ? 0 : q !== 0 && P[q] === 0 ? 0 : f(m);
    if (r > 1) {
      m.steps = sb + i + 1;
      if (r === 3) {
        m.halted = true;
        m.slot = i;
      }
      return BUNDLE_LEFT;
    }
    if (ic !== 0) {
      m.iipaLo = bLo;
      m.iipaHi = bHi;
    }
    if (ss !== 0) m.pendingTraps |= 8;
    if (r === 1) {
      m.steps = sb + i + 1;
      if (m.pendingTraps !== 0) m.takeTraps(i, sb + i);
      return BUNDLE_LEFT;
    }
    if (m.pendingTraps !== 0) {
      m.steps = sb + i + 1;
      if (i + 1 < n) {
        m.slot = i + 1;
        m.takeTraps(i, sb + i);
      } else advance(m, i);
      return BUNDLE_LEFT;
    }
  }
  m.steps = sb + n;
  return BUNDLE_END;
}

/**
 * The bundle's step function: genericBundleRun for its first GEN_AFTER runs, then (replacing
 * itself through `install`) the generated one.
 */
export function tieredBundleRun(
  exec: readonly (Exec | null)[],
  qp: Uint8Array,
  pure: readonly boolean[],
  n: number,
  advance: Advance,
  install: (run: BundleRun) => void,
): BundleRun {
  let runs = 0;
  return (m, start) => {
    if (++runs > GEN_AFTER) {
      const gen = genBundleRun(exec, qp, pure, n, advance);
      install(gen);
      return gen(m, start);
    }
    return genericBundleRun(m, exec, qp, pure, n, advance, start);
  };
}

export function genBundleRun(
  exec: readonly (Exec | null)[],
  qp: Uint8Array,
  pure: readonly boolean[],
  n: number,
  advance: Advance,
): BundleRun {
  const lines: string[] = [
    'return function bundleRun(m, start) {',
    '  const P = m.pr, bLo = m.ipLo, bHi = m.ipHi, sb = m.steps - start;',
    '  m.stepBase = sb;',
    '  let r = 0, ic = 0, ss = 0;',
    '  switch (start) {',
  ];
  for (let i = 0; i < n; i++) {
    const call = exec[i] === null ? '0' : qp[i] ? `(P[${qp[i]}] === 0 ? 0 : e${i}(m))` : `e${i}(m)`;
    lines.push(
      `  case ${i}:`,
      exec[i] !== null && !pure[i] ? `    m.slot = ${i};` : '',
      // Single step uses PSR.ss as the instruction started (an rfi that sets ss does not trap).
      '    ic = m.ic; ss = m.ss;',
      `    r = ${call};`,
      `    if (r > 1) { m.steps = sb + ${i + 1}; if (r === 3) { m.halted = true; m.slot = ${i}; } return 1; }`,
      '    if (ic !== 0) { m.iipaLo = bLo; m.iipaHi = bHi; }',
      '    if (ss !== 0) m.pendingTraps |= 8;',
      `    if (r === 1) { m.steps = sb + ${i + 1}; if (m.pendingTraps !== 0) m.takeTraps(${i}, sb + ${i}); return 1; }`,
      i + 1 < n
        ? `    if (m.pendingTraps !== 0) { m.steps = sb + ${i + 1}; m.slot = ${i + 1}; m.takeTraps(${i}, sb + ${i}); return 1; }`
        : `    if (m.pendingTraps !== 0) { m.steps = sb + ${i + 1}; advance(m, ${i}); return 1; }`,
    );
  }
  lines.push('  }', `  m.steps = sb + ${n};`, '  return 2;', '};');
  const factory = new Function('advance', 'e0', 'e1', 'e2', lines.filter((l) => l).join('\n')) as (
    advance: Advance,
    e0: Exec | null,
    e1: Exec | null,
    e2: Exec | null,
  ) => BundleRun;
  return factory(advance, exec[0] ?? null, exec[1] ?? null, exec[2] ?? null);
}
