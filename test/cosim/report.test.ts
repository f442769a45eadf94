// The divergence report of a lockstep mismatch: text, replayable stimulus and VCD under a
// directory of the test's own. The mismatch used is the named divergence D1 (strict run of
// vtvmm: PSR.ri after its first rfi), so the report's contents are known from the spec.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLockstep } from '../../sim/cosim/core/lockstep.js';
import { replayStimulus, writeDivergence, type Stimulus } from '../../sim/cosim/core/report.js';
import { demoFactory, demoGen } from './helpers.js';

describe('divergence report', () => {
  it('writes text, a stimulus that replays to the RTL values, and a VCD of the window', async () => {
    const make = demoFactory('vtvmm', true);
    const r = await runLockstep(make, { engine: 'builtin', gen: demoGen(true), exclusions: [] });
    expect(r.mismatch?.insn).toBe('rfi');
    const dir = mkdtempSync(join(tmpdir(), 'vti-cosim-'));
    const a = await writeDivergence(r, make, { name: 'd1', gen: demoGen(true), dir });
    const text = readFileSync(a.text, 'utf8');
    expect(text).toMatch(new RegExp(`^mismatch at event ${r.mismatch!.event} .* rfi `));
    expect(text).toMatch(/\n {2}psr +expected +0x[0-9a-f]+ +rtl +0x[0-9a-f]+ +xor 0x(2|4|6)0000000000\n/);
    const stim = JSON.parse(readFileSync(a.stimulus, 'utf8')) as Stimulus;
    expect(stim.fromReset).toBe(true);
    expect(stim.events.length).toBe(r.mismatch!.event + 1);
    expect(stim.insns.at(-1)).toBe('rfi');
    expect(a.reproduced).toBe(true);
    const vcd = readFileSync(a.vcd!, 'utf8');
    expect(vcd).toContain('$scope module vti_core $end');
    expect(vcd).toContain('$enddefinitions $end');
    // Replay from the file alone (Verilator when present: a second engine's opinion).
    const rep = await replayStimulus(a.stimulus, 'builtin');
    expect([rep.matchesRecorded, rep.matchesExpected]).toEqual([true, false]);
  });
});
