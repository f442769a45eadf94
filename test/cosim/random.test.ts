// Random privileged-instruction programs in lockstep: fixed seeds match with zero mismatches;
// seeded bugs (vti_core with one check removed, sim/cosim/lockstep/check-mutants.ts) are found and the
// failing program shrinks to a handful of items, each showing the removed check's rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { checkMutantDesign, type CheckMutant } from '../../sim/cosim/lockstep/check-mutants.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import type { Item } from '../../sim/cosim/random/items.js';
import { randomItems } from '../../sim/cosim/random/program.js';
import { itemRunner, shrink } from '../../sim/cosim/random/shrink.js';
import { createEngine, type Engine } from '../../sim/engine.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';
import { mismatchText } from './helpers.js';

describe('random programs, fixed seeds', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(verilatorAvailable() ? 'verilator' : 'builtin', vtiDesign('vti_core', RANDOM_GEN));
  });
  afterAll(async () => {
    await engine.close();
  });
  it.each([1, 2, 3])('seed %i, 300 items: every instruction matches', async (seed) => {
    const items = randomItems(seed, 300);
    const r = await itemRunner(engine, RANDOM_GEN)(items);
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.halted, 'the program reaches its final break 0').toBe(true);
    // Every item runs at least its setup (r14, PSR, IIP, rfi: 5 bundles of 3 slots) and its test bundle.
    expect(r.instructions).toBeGreaterThan(300 * 18);
  });
  it('without VT (vmsw an Illegal Operation, IPSR.vm reserved): seed 1, 300 items match', async () => {
    const gen = { ...RANDOM_GEN, vmImplemented: false };
    const e = await createEngine('builtin', vtiDesign('vti_core', gen));
    try {
      const r = await itemRunner(e, gen)(randomItems(1, 300));
      expect(r.mismatch, mismatchText(r)).toBeUndefined();
      expect(r.halted).toBe(true);
    } finally {
      await e.close();
    }
  });
  it('is deterministic: the same seed gives the same items', () => {
    expect(randomItems(7, 50)).toEqual(randomItems(7, 50));
    expect(randomItems(7, 50)).not.toEqual(randomItems(8, 50));
  });
});

/** The pl of the ar = 7 pages (sim/cosim/random/layout.ts, ITR1-3). */
const PAGE_PL: Record<string, number> = { ar7: 0, ar7pl1: 1, ar7pl2: 2 };

/** What the spec says about the instruction that exposes each removed check. */
const EXPOSES: Record<CheckMutant, (it: Item) => boolean> = {
  // Register NaT Consumption (§2: mov psr.l / psr.um / cr with a NaT source).
  no_reg_nat: (it) => it.r2 === 'nat' && ['mov_to_psr_l', 'mov_to_psr_um', 'mov_to_cr'].includes(it.op),
  // PFS.ppl read as 0. epc: Illegal Operation only when PFS.ppl < cpl (§3.2), so with the input
  // broken ppl ≥ cpl > 0 faults; br.ret: cpl ← PFS.ppl when that is less privileged, lost too.
  epc_ppl_zero: (it) =>
    (it.op === 'epc' && it.mode.cpl > 0 && Number((it.pfs ?? 0n) >> 62n) >= it.mode.cpl) ||
    (it.op === 'br_ret' && Number((it.pfs ?? 0n) >> 62n) > it.mode.cpl),
  // The page's ar = 7 decides two things: vmsw at cpl 0 with PSR.it = 1 commits (§3.1), and
  // epc with PSR.it = 1 promotes cpl to the page's pl when pl < cpl ≤ PFS.ppl (§3.2).
  no_page_ar: (it) =>
    (it.op === 'vmsw' && it.mode.cpl === 0 && it.mode.it === 1 && it.page.startsWith('ar7')) ||
    (it.op === 'epc' &&
      it.mode.it === 1 &&
      it.page.startsWith('ar7') &&
      PAGE_PL[it.page]! < it.mode.cpl &&
      Number((it.pfs ?? 0n) >> 62n) >= it.mode.cpl),
  // The interval timer armed before an item pends a vector: it is taken where PSR.i = 1.
  no_ext_int: (it) => it.timer !== undefined,
};

describe('seeded bugs are found and shrunk', () => {
  it.each(Object.keys(EXPOSES) as CheckMutant[])('%s', async (bug) => {
    const engine = await createEngine('builtin', checkMutantDesign(bug, RANDOM_GEN));
    try {
      const run = itemRunner(engine, RANDOM_GEN);
      const items = randomItems(1, 300);
      const first = await run(items);
      expect(first.mismatch, `${bug}: the lockstep finds the seeded bug`).toBeDefined();
      const s = await shrink(items, run, { maxRuns: 120 });
      expect(s.items.length, `${bug}: shrunk to a handful`).toBeLessThanOrEqual(3);
      expect(s.result.mismatch).toBeDefined();
      expect(
        s.items.some(EXPOSES[bug]),
        `${bug}: the minimal program holds the instruction the removed check is for: ${s.items.map((i) => i.asm).join('; ')}`,
      ).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
