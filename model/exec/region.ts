// Block compilation (issue 13): a run of consecutive bundles of one code page, generated as one
// JavaScript function that falls through from bundle to bundle and follows taken branches to
// any bundle of the run without returning to the dispatcher (run.ts). Per slot it keeps the
// exact bookkeeping of the per-bundle function (codegen.ts): m.slot for closures that read it,
// IIPA, PSR.ss, pending traps (taken at once, then back to the dispatcher), faults, halt.
// Control goes back to the dispatcher when it leaves the run, when the step budget cannot cover
// the next bundle, and whenever the code or its fetch may have changed: a write to any code
// page (self-modifying code: mem.codeWrites), a translation change (xlateEpoch: TLB inserts and
// purges, RR/PKR/PSR changes), a cpl or vm change (the fetch's translation context).
import type { Exec, Machine } from './machine.js';

/**
 * Runs the region from its bundle at page index `k`, slot `start`, until control leaves it or
 * `limit` total steps would be exceeded by the next bundle (the dispatcher steps that tail).
 */
export type RegionRun = (k: number, start: number, limit: number) => void;

/** One bundle of a region: its slot closures as compiled for the per-bundle path. */
export interface RegionBundle {
  readonly exec: readonly (Exec | null)[];
  readonly qp: Uint8Array;
  readonly pure: readonly boolean[];
  readonly n: number;
}

type Advance = (m: Machine, lastSlot: number) => void;

/** The per-slot code; `j` is the bundle's index in the region, `e` the closure's name. */
function slotCode(b: RegionBundle, i: number, e: string, len: number): string[] {
  const f = b.exec[i],
    q = b.qp[i]!;
  const call = f === null ? '0' : q ? `(P[${q}] === 0 ? 0 : ${e}())` : `${e}()`;
  const prev = i > 0 ? b.exec[i - 1] : null;
  return [
    `      case ${i}:`,
    f !== null && !b.pure[i] ? `        m.slot = ${i};` : '',
    // PSR.ic and PSR.ss as the instruction starts (an rfi that sets ss does not trap): read at
    // the bundle's start and again after a slot whose closure is not pure (only those write the PSR).
    prev !== null && prev !== undefined && !b.pure[i - 1] ? '        ic = m.ic; ss = m.ss;' : '',
    `        r = ${call};`,
    `        if (r > 1) { m.steps = sb + ${i + 1}; if (r === 3) { m.halted = true; m.slot = ${i}; } return; }`,
    '        if (ic !== 0) { m.iipaLo = bl; m.iipaHi = hi; }',
    '        if (ss !== 0) m.pendingTraps |= 8;',
    `        if (r === 1) {`,
    `          m.steps = sb + ${i + 1};`,
    `          if (m.pendingTraps !== 0) { m.takeTraps(${i}, sb + ${i}); return; }`,
    // A taken branch to a bundle of this region: go on here (slot 0 only: rfi may resume mid-bundle).
    '          d = (m.ipLo - vb) | 0;',
    `          if (m.ipHi === hi && m.slot === 0 && d >= 0 && d < ${len * 16} && SAME) { j = d >>> 4; start = 0; continue; }`,
    '          return;',
    '        }',
    i + 1 < b.n
      ? `        if (m.pendingTraps !== 0) { m.steps = sb + ${i + 1}; m.slot = ${i + 1}; m.takeTraps(${i}, sb + ${i}); return; }`
      : `        if (m.pendingTraps !== 0) { m.steps = sb + ${i + 1}; advance(m, ${i}); return; }`,
  ];
}

/**
 * Generates the region of `bundles` (consecutive, the first at page index `first`). The last
 * bundle falls through with `advance` (it may cross into the next page); every other one to its
 * successor in the region.
 */
export function genRegionRun(m: Machine, bundles: readonly RegionBundle[], first: number, advance: Advance): RegionRun {
  const len = bundles.length;
  // Fetch and code unchanged since the region was entered (see the header).
  const same = 'm.xlateEpoch === E0 && mem.codeWrites === W0 && m.cpl === C0 && m.vm === V0';
  const lines: string[] = [
    'return function regionRun(k, start, limit) {',
    `  let j = k - ${first};`,
    '  const hi = m.ipHi, vb = (m.ipLo - (j << 4)) >>> 0;',
    '  const E0 = m.xlateEpoch, W0 = mem.codeWrites, C0 = m.cpl, V0 = m.vm;',
    '  let r = 0, ic = 0, ss = 0, sb = 0, bl = 0, d = 0;',
    '  for (;;) {',
    '    switch (j) {',
  ];
  bundles.forEach((b, j) => {
    lines.push(
      `    case ${j}:`,
      `      if (limit - m.steps < ${b.n} - start) return;`,
      '      bl = m.ipLo; sb = m.steps - start; m.stepBase = sb; ic = m.ic; ss = m.ss;',
      '      switch (start) {',
    );
    for (let i = 0; i < b.n; i++) lines.push(...slotCode(b, i, `e${j}_${i}`, len).map((l) => l.replace('SAME', same)));
    lines.push('      }', `      m.steps = sb + ${b.n};`);
    if (j + 1 < len)
      // Changed fetch or code: the dispatcher's fall-through (with its implemented-address check).
      lines.push(
        `      if (!(${same})) { advance(m, ${b.n - 1}); return; }`,
        `      m.ipLo = (vb + ${(j + 1) * 16}) >>> 0; m.slot = 0; start = 0;`,
      );
    else lines.push(`      advance(m, ${b.n - 1});`, '      return;');
  });
  lines.push('    }', '    return;', '  }', '};');
  const names = bundles.flatMap((b, j) => b.exec.map((_, i) => `e${j}_${i}`));
  const closures = bundles.flatMap((b) => b.exec);
  const factory = new Function('m', 'mem', 'P', 'advance', ...names, lines.filter((l) => l).join('\n')) as (
    ...a: unknown[]
  ) => RegionRun;
  return factory(m, m.mem, m.pr, advance, ...closures);
}

/** Ops after which a region ends when not predicated (control never falls through them). */
const REGION_END_OPS = new Set(['br_cond', 'br_ind', 'br_ret', 'br_call', 'br_call_ind', 'rfi', 'break']);

/** Whether a bundle with these slots (op, qp) ends a region: an unconditional transfer of control. */
export function endsRegion(slots: readonly { op: string; qp: number }[]): boolean {
  return slots.some((s) => s.qp === 0 && REGION_END_OPS.has(s.op));
}

/** Most bundles in one region (the generated function's size stays small for the JIT). */
export const REGION_MAX_BUNDLES = 24;

/** Dispatcher entries at one bundle before a region is generated from it. */
export const REGION_AFTER = 24;
