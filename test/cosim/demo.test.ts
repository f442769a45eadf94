// Lockstep of vti_core against the golden model on the demo programs a-e: every instruction
// compared (PSR, the core's CRs, interruption, vector, ISR, redirect), zero mismatches, on
// both engines. The named exclusions D1/D2 (sim/cosim/core/compare.ts) are asserted to be the
// only ones in force, and D1 is shown to be a real divergence by a strict run (it.fails).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { runLockstep } from '../../sim/cosim/core/lockstep.js';
import { createEngine, ENGINES, type Engine } from '../../sim/engine.js';
import { DEMOS, demoFactory, demoGen, mismatchText } from './helpers.js';

describe.each(ENGINES)('core lockstep on the demo programs (%s)', (engine) => {
  // One engine per VT-i configuration, reset by each run.
  const open = new Map<boolean, Engine>();
  beforeAll(async () => { for (const vt of [true, false]) open.set(vt, await createEngine(engine, vtiDesign('vti_core', demoGen(vt)))); });
  afterAll(async () => { for (const e of open.values()) await e.close(); });
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
    expect(r.exclusions.map((x) => x.id)).toEqual(['D1', 'D2', 'D2']);
  });
});

describe('named divergences (see the report in sim/cosim/core/compare.ts)', () => {
  // D1: vtvmm's first rfi returns to slot 1; the RTL's PSR.ri is then 1 (spec §2 "PSR ← IPSR"),
  // the emulator's 0. Expected to fail until one side changes.
  it.fails('D1: vtvmm matches with every PSR bit compared', async () => {
    const r = await runLockstep(demoFactory('vtvmm', true), { engine: 'builtin', gen: demoGen(true), exclusions: [] });
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
  });
  it('D1 is exactly PSR.ri after an rfi', async () => {
    const r = await runLockstep(demoFactory('vtvmm', true), { engine: 'builtin', gen: demoGen(true), exclusions: [] });
    const d = r.mismatch!;
    expect(d.insn).toBe('rfi');
    expect(d.fields.map((f) => f.field)).toEqual(['psr']);
    expect(d.fields[0]!.expected ^ d.fields[0]!.actual).toBe(d.fields[0]!.actual & (3n << 41n));
  });
});
