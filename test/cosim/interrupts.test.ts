// External interrupts in the core lockstep: the model's pending interrupt drives vti_core's
// `ext_int`; the interval timer armed by the monitor before an item (random/interrupts.ts)
// pends a vector that is taken at the first instruction running with PSR.i = 1, in every
// cpl × vm and over each of the core's own faults, and held (not taken) while PSR.i = 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { checkMutantDesign } from '../../sim/cosim/lockstep/check-mutants.js';
import { Coverage } from '../../sim/cosim/lockstep/coverage.js';
import { factoryFor, runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import type { Item } from '../../sim/cosim/random/items.js';
import { ADDR, RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';
import { createEngine, type Engine } from '../../sim/engine.js';
import { mismatchText } from './helpers.js';
import { item } from './items.js';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG } from '../../gen/vti.js';
import { PAL_PROC_ENTRY } from '../../model/exec/pal.js';
import { disposeWorkdir, enter, hex, PSR, runAsm } from '../model/harness.js';

const PSR_I = 1n << 14n;
const EXT_INT = 0x3000;
/** Arms the timer to match 2 steps after the ITM write: the vector pends during the item's set-up. */
const soon = (vector: number) => ({ timer: { vector, delay: 8 } });
const on = { extra: PSR_I };

/** Items whose test instruction (slot 0, after the rfi that sets PSR.i) is pre-empted. */
const ITEMS: Item[] = [
  // Taken in every cpl × vm, over an instruction that would complete.
  ...[0, 1, 2, 3].flatMap((cpl) =>
    [0, 1].map((vm) => item('mov r8 = psr.um', 'M', { cpl, vm, ...on }, soon(32 + 8 * cpl + vm))),
  ),
  // Held: pending while PSR.i = 0 (the monitor and this item), taken at the next item with PSR.i = 1.
  item('add r8 = r2, r3', 'M', {}, { ...soon(0x90), r2: 1n, r3: 2n }),
  // Over each of the core's own faults.
  item('mov cr.ivr = r2', 'M', on, { ...soon(0xa0), r2: 0n }), // illegal_op (IVR is read-only)
  item('ssm 0x4000', 'M', { cpl: 3, ...on }, soon(0xa1)), // priv_op
  item('mov psr.l = r2', 'M', on, { ...soon(0xa2), r2: 'nat', natValue: 0n }), // reg_nat
  item('ssm 0x10000', 'M', { vm: 1, ...on }, soon(0xa3)), // reserved_reg_field + virtualization
  item('ld8 r8 = [r3]', 'M', on, { ...soon(0xa4), r3: ADDR.unimplVa }), // unimpl_data_addr
  item('break.m 5', 'M', on, soon(0xa5)), // break_inst
  { ...item('br.cond.sptk.few b6', 'B', on, { ...soon(0xa6), b6: ADDR.unimplVa }), slot: 0 }, // unimpl_inst_addr_trap
];

describe('external interrupts in the core lockstep', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine('builtin', vtiDesign('vti_core', RANDOM_GEN));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('directed items: no mismatch, every external-interrupt bin hit, the checks agree with the model', async () => {
    const { elf } = buildRandomProgram(renderProgram(ITEMS));
    const cov = new Coverage(RANDOM_GEN);
    const r = await runLockstep(factoryFor(elf, RANDOM_GEN), {
      engine: engine.name,
      gen: RANDOM_GEN,
      engineInstance: engine,
      onBatch: (b) => cov.add(b),
    });
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.halted).toBe(true);
    const s = cov.summary();
    expect(s.interrupts.holes).toEqual([]);
    expect(s.interrupts.bins).toBe(8 + 1 + 8);
    expect(s.modelDisagreements).toBe(0);
    // The model took one External Interrupt per armed item (each handler acquires and ends it).
    const emu = factoryFor(elf, RANDOM_GEN)();
    let taken = 0;
    emu.onEvent = (e) => {
      if (Number(e.vector) === EXT_INT) taken++;
    };
    emu.run(1_000_000);
    expect(taken).toBe(ITEMS.length);
  });

  it('PAL_PROC_SET_FEATURES through the static entry drives vmsw_disabled: vmsw faults on both sides', async () => {
    // One 4 MiB ar = 7 page from 0: the code and the vector table (the handler's zero bundle halts).
    const pte = 1n | (1n << 5n) | (1n << 6n) | (7n << 9n);
    const { elf, st } = runAsm(`
	movl r2=${hex(PAL_PROC_ENTRY)}
	mov r28=18
	mov r29=r0
	;;
	mov b6=r2
	;;
	br.call.sptk.many b0=b6
	;;
	mov r2=r0
	mov r3=${22 << 2}
	movl r4=${hex(pte)}
	;;
	mov cr.ifa=r2
	mov cr.itir=r3
	;;
	itr.i itr[r0]=r4
	;;
	srlz.i
	;;${enter(PSR.it, 'paged')}	vmsw.1
	;;`);
    expect(Number(st.events[0]?.vector)).toBe(0x6100); // Virtualization: vmsw is disabled
    const gen = DEFAULT_CONFIG;
    const r = await runLockstep(factoryFor(new Uint8Array(readFileSync(elf)), gen), { engine: 'builtin', gen });
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.halted).toBe(true);
    disposeWorkdir();
  });

  it('a core that ignores ext_int is caught', async () => {
    const bad = await createEngine('builtin', checkMutantDesign('no_ext_int', RANDOM_GEN));
    try {
      const { elf } = buildRandomProgram(renderProgram(ITEMS.slice(0, 1)));
      const r = await runLockstep(factoryFor(elf, RANDOM_GEN), {
        engine: bad.name,
        gen: RANDOM_GEN,
        engineInstance: bad,
      });
      expect(r.mismatch?.fields.map((f) => f.port) ?? []).toContain('taken');
    } finally {
      await bad.close();
    }
  });

  it('random programs arm the timer before about a quarter of the items, the same items as without it', () => {
    const plain = randomItems(7, 400, { interrupts: false });
    const withInt = randomItems(7, 400);
    expect(withInt.map(({ timer: _t, ...rest }) => rest)).toEqual(plain);
    const armed = withInt.filter((x) => x.timer).length;
    expect(armed).toBeGreaterThan(60);
    expect(armed).toBeLessThan(140);
    for (const x of withInt) if (x.timer) expect(x.timer.vector).toBeGreaterThanOrEqual(16);
  });
});
