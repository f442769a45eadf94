// The divergence report of a lockstep mismatch: text, replayable stimulus and VCD under a
// directory of the test's own. The mismatch used is a seeded bug (vti_core whose vmsw unit
// never sees an ar = 7 page) on the para-virtual demo: its first vmsw.0 commits on the
// emulator (architecture.md §3.1) but is a Virtualization fault on the broken RTL.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { checkMutantDesign } from '../../sim/cosim/lockstep/check-mutants.js';
import { replayStimulus, writeDivergence, type Stimulus } from '../../sim/cosim/lockstep/report.js';
import { demoFactory, demoGen } from './helpers.js';

describe('divergence report', () => {
  it('writes text, a stimulus that replays to the RTL values, and a VCD of the window', async () => {
    const make = demoFactory('paravirt', true);
    const design = checkMutantDesign('no_page_ar', demoGen(true));
    const r = await runLockstep(make, { engine: 'builtin', gen: demoGen(true), design });
    expect(r.mismatch?.insn).toBe('vmsw.0');
    const dir = mkdtempSync(join(tmpdir(), 'vti-cosim-'));
    const a = await writeDivergence(r, make, { name: 'seeded', gen: demoGen(true), design, dir });
    const text = readFileSync(a.text, 'utf8');
    expect(text).toMatch(new RegExp(`^mismatch at event ${r.mismatch!.event} .* vmsw\\.0 `));
    // The emulator commits the switch (no interruption); the broken RTL takes vector 0x6100.
    expect(text).toMatch(/\n {2}taken +expected +0x0 +rtl +0x1 /);
    expect(text).toMatch(/\n {2}intr_vector +expected +0x0 +rtl +0x6100 /);
    const stim = JSON.parse(readFileSync(a.stimulus, 'utf8')) as Stimulus;
    expect(stim.fromReset).toBe(true);
    expect(stim.events.length).toBe(r.mismatch!.event + 1);
    expect(stim.insns.at(-1)).toBe('vmsw.0');
    expect(a.reproduced).toBe(true);
    const vcd = readFileSync(a.vcd!, 'utf8');
    expect(vcd).toContain('$enddefinitions $end');
    // Replayed from the file alone: the broken design gives the recorded values, the correct
    // design the emulator's.
    const broken = await replayStimulus(a.stimulus, 'builtin', design);
    expect([broken.matchesRecorded, broken.matchesExpected]).toEqual([true, false]);
    const fixed = await replayStimulus(a.stimulus, 'builtin');
    expect([fixed.matchesRecorded, fixed.matchesExpected]).toEqual([false, true]);
  });
});
