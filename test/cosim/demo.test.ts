// Lockstep of vti_core against the golden model on the demo programs a-e: every instruction
// compared (PSR, the core's CRs, interruption, vector, ISR, redirect), zero mismatches, on
// both engines. The named exclusion D2 (sim/cosim/lockstep/compare.ts) is asserted to be the
// only one in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { createEngine, ENGINES, type Engine } from '../../sim/engine.js';
import { DEMOS, demoFactory, demoGen, mismatchText } from './helpers.js';

describe.each(ENGINES)('core lockstep on the demo programs (%s)', (engine) => {
  // One engine per VT-i configuration, reset by each run.
  const open = new Map<boolean, Engine>();
  beforeAll(async () => {
    for (const vt of [true, false]) open.set(vt, await createEngine(engine, vtiDesign('vti_core', demoGen(vt))));
  });
  afterAll(async () => {
    for (const e of open.values()) await e.close();
  });
  it.each(DEMOS)('$letter $name: every instruction matches the emulator', async ({ name, vt }) => {
    const make = demoFactory(name, vt);
    // Reference count: the emulator's own steps, less the halting `break 0` (emulator.md: a
    // step, but not an instruction presented to the core).
    const ref = make();
    ref.run(2_000_000);
    expect(ref.machine.halted, `${name} halts on the emulator`).toBe(true);
    const r = await runLockstep(make, { engine, gen: demoGen(vt), engineInstance: open.get(vt)! });
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.halted).toBe(true);
    expect(r.instructions).toBe(ref.machine.steps - 1);
    expect(r.exclusions, 'every bit of every output compared').toEqual([]);
  });
});

describe('PSR.ri after rfi (formerly divergence D1, fixed in the model)', () => {
  // vtvmm's first rfi returns to slot 1: PSR ← IPSR as a whole register (architecture.md §2),
  // so PSR.ri = 1 on both sides; every PSR bit is compared.
  it('vtvmm matches with every bit compared', async () => {
    const r = await runLockstep(demoFactory('vtvmm', true), { engine: 'builtin', gen: demoGen(true) });
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.exclusions).toEqual([]);
  });
});
