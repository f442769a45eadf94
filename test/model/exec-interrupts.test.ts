// External interrupts and the interval timer (SDM vol 2 §5.8): IVR/EOI/TPR/IRR, in-service
// nesting, ITV/ITM against ITC, delivery at 0x3000 between instructions, the raise API and its
// schedule, the reserved and ignored fields of the interrupt CRs, and the PAL static calling
// convention with PAL_PROC_GET/SET_FEATURES. Expected values are written from the SDM.
import { afterAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import { PAL_PROC_ENTRY } from '../../model/exec/pal.js';
import { disposeWorkdir, enter, ev, gr, hex, IVA, PSR, runAsm, TEXT, workdir } from './harness.js';

afterAll(disposeWorkdir);

const EXT_INT = 0x3000;
const GE = 0x5400;

/** Assembles `body` like runAsm but returns an emulator that has not run yet. */
let n = 0;
function load(body: string, opts: ConstructorParameters<typeof Emulator>[0] = {}): Emulator {
  const prologue = `\tmovl r2=${IVA}\n\t;;\n\tmov cr.iva=r2\n\tmov r2=r0\n\t;;\n`;
  const src = `\t.text\n\t.global _start\n_start:\n${prologue}${body}\n\t;;\n\tbreak.i 0\n\t;;\n`;
  const w = workdir();
  const elf = w.build(`int${n++}`, src, TEXT, ['-Tdata=0x300000']);
  const emu = new Emulator({ ...opts, keepEvents: true });
  emu.loadElf(w.read(elf));
  return emu;
}

describe('IVR, EOI, TPR and IRR', () => {
  it('IVR reads 15 (spurious) and IRR0-3 read 0 with nothing pending; EOI reads 0', () => {
    const { st } = runAsm(`
	mov r8=cr.ivr
	mov r9=cr.irr0
	mov r10=cr.irr3
	mov r11=cr.eoi
	;;`);
    expect([gr(st, 8), gr(st, 9), gr(st, 10), gr(st, 11)]).toEqual([15n, 0n, 0n, 0n]);
  });

  it('an IVR read acquires the highest vector: its IRR bit clears, lower ones wait for EOI', () => {
    const emu = load(`
	mov r8=cr.irr1
	;;
	mov r9=cr.ivr
	;;
	mov r10=cr.irr1
	mov r11=cr.ivr
	;;
	mov cr.eoi=r0
	;;
	mov r12=cr.ivr
	;;
	mov r13=cr.ivr
	;;`);
    emu.raiseInterrupt(0x48);
    emu.raiseInterrupt(0x71);
    emu.run(1000);
    const st = emu.state();
    expect(gr(st, 8)).toBe((1n << 8n) | (1n << 0x31n)); // IRR1 holds vectors 64..127
    expect(gr(st, 9)).toBe(0x71n);
    expect(gr(st, 10)).toBe(1n << 8n);
    expect(gr(st, 11)).toBe(15n); // 0x48 is below the in-service 0x71
    expect(gr(st, 12)).toBe(0x48n); // after EOI
    expect(gr(st, 13)).toBe(15n);
  });

  it('TPR.mic masks priority classes ≤ mic, TPR.mmi masks all but NMI', () => {
    const emu = load(`
	mov r2=0x30
	;;
	mov cr.tpr=r2
	;;
	mov r8=cr.ivr
	mov r2=0x20
	;;
	mov cr.tpr=r2
	;;
	mov r9=cr.ivr
	;;
	mov cr.eoi=r0
	movl r2=0x10000
	;;
	mov cr.tpr=r2
	;;
	mov r10=cr.irr0
	mov r11=cr.ivr
	;;`);
    emu.raiseInterrupt(0x35);
    emu.run(1000);
    const st = emu.state();
    expect([gr(st, 8), gr(st, 9), gr(st, 10), gr(st, 11)]).toEqual([15n, 0x35n, 0n, 15n]);
    const nmi = load(`
	movl r2=0x10000
	;;
	mov cr.tpr=r2
	;;
	mov r8=cr.ivr
	;;
	mov r9=cr.ivr
	;;`);
    nmi.raiseInterrupt(0x35);
    nmi.raiseInterrupt(2);
    nmi.run(1000);
    // NMI (2) is never masked by TPR; in service, it masks everything else.
    expect([gr(nmi.state(), 8), gr(nmi.state(), 9)]).toEqual([2n, 15n]);
  });

  it('in-service nesting: a higher vector is unmasked while a lower one is in service', () => {
    const emu = load(`
	mov r8=cr.ivr
	;;
	mov r9=cr.ivr
	;;`);
    emu.raiseInterrupt(0x30);
    while (emu.machine.grLo[8] === 0) emu.step();
    emu.raiseInterrupt(0x50);
    emu.raiseInterrupt(0x20);
    emu.run(1000);
    const st = emu.state();
    expect(gr(st, 8)).toBe(0x30n);
    expect(gr(st, 9)).toBe(0x50n);
  });

  it('reserved fields fault (Reserved Register/Field), ignored fields read back as 0', () => {
    const fault = (cr: string, v: bigint) => ev(runAsm(`\tmovl r2=${hex(v)}\n\t;;\n\tmov cr.${cr}=r2\n\t;;`).st);
    for (const [cr, v] of [
      ['tpr', 0x100n],
      ['itv', 0x100n],
      ['itv', 0x2000n],
      ['pmv', 0x800n],
      ['cmcv', 0x8000n],
      ['lrr0', 0x4000n],
      ['lrr1', 0x800n],
      ['lrr0', 0x100n], // dm = 1
      ['lrr1', 0x600n], // dm = 6
    ] as const) {
      const e = fault(cr, v);
      expect([cr, e.vector, e.code]).toEqual([cr, GE, 0x30]);
    }
    const { st } = runAsm(`
	movl r2=0xffffffffffff00ff
	movl r3=0xfffffffffffe10ff
	movl r4=0xffffffffffff27ff
	;;
	mov cr.tpr=r2
	mov cr.itv=r3
	mov cr.lrr0=r4
	mov cr.eoi=r2
	;;
	mov r8=cr.tpr
	mov r9=cr.itv
	mov r10=cr.lrr0
	mov r11=cr.eoi
	;;`);
    expect(st.events).toEqual([]);
    expect([gr(st, 8), gr(st, 9), gr(st, 10), gr(st, 11)]).toEqual([0x100f0n, 0x00ffn, 0x127ffn, 0n]);
  });

  it('IVR and IRR are read-only: a write is an Illegal Operation fault', () => {
    for (const cr of ['ivr', 'irr0', 'irr2']) {
      const e = ev(runAsm(`\tmov cr.${cr}=r0\n\t;;`).st);
      expect([cr, e.vector, e.code]).toEqual([cr, GE, 0]);
    }
  });
});

describe('delivery at 0x3000', () => {
  it('with PSR.i = 1 a pending vector is taken before the next instruction: IIP/ri = that instruction', () => {
    // Step numbers: the prologue is 2 bundles (6 steps), enter() another 3 + rfi bundle.
    const emu = load(
      enter(PSR.ic | PSR.i, 'on') +
        `
	mov r8=1
	mov r9=2
	mov r10=3
	;;`,
    );
    emu.raiseInterruptAt(0, 0x40); // pending from the start, taken once PSR.i = 1
    emu.run(1000);
    const st = emu.recordedState();
    const e = ev(st);
    expect(e.vector).toBe(EXT_INT);
    // The first instruction after the rfi was not executed: IIP is its bundle, ri = slot 0.
    expect(gr(st, 8)).toBe(0n);
    expect(BigInt(e.ip)).toBe(e.iip);
    expect(Number((e.ipsr >> 41n) & 3n)).toBe(0);
    expect(e.ipsr & PSR.i).toBe(PSR.i);
    expect(BigInt(st.psr) & PSR.i).toBe(0n);
    expect(e.code).toBe(0);
    expect(Number((e.isr >> 41n) & 3n)).toBe(0); // ISR.ei = slot
    expect(BigInt(st.ip)).toBe(IVA + BigInt(EXT_INT)); // the zero bundle there halts
  });

  it('ssm psr.i with a vector pending interrupts the same bundle before its next slot', () => {
    const emu = load(
      enter(PSR.ic, 'on') +
        `
	{ .mmi
	ssm 0x4000
	mov r8=1
	mov r9=2
	}
	;;`,
    );
    emu.raiseInterrupt(0x90);
    emu.run(1000);
    const st = emu.recordedState();
    const e = ev(st);
    expect(e.vector).toBe(EXT_INT);
    expect(gr(st, 8)).toBe(0n);
    expect(Number((e.ipsr >> 41n) & 3n)).toBe(1); // resumes at slot 1
    expect(st.steps).toBe(e.step + 2); // the interruption is a step of its own, then the halting break
  });

  it('with PSR.ic = 0 it is still taken (PSR.i decides): ISR.ni = 1, IIP and IPSR are not written', () => {
    const emu = load(enter(PSR.i, 'noic') + '\tmovl r2=0x1234\n\t;;\n\tmov cr.iip=r2\n\t;;\n\tmov r8=1\n\t;;');
    while (emu.machine.cr[19] !== 0x1234n) emu.step(); // CR19 = IIP
    emu.raiseInterrupt(0x61);
    emu.run(1000);
    const st = emu.recordedState();
    const e = ev(st);
    expect(e.vector).toBe(EXT_INT);
    expect((e.isr >> 39n) & 1n).toBe(1n); // ISR.ni
    expect(BigInt(st.cr.iip)).toBe(0x1234n);
    expect(BigInt(st.cr.ipsr)).toBe(PSR.i); // as enter() wrote it
    expect(gr(st, 8)).toBe(0n);
  });

  it('with PSR.i = 0 nothing is taken; the vector stays pending in IRR', () => {
    const emu = load(`\tmov r8=1\n\t;;\n\tmov r9=cr.irr2\n\t;;`);
    emu.raiseInterrupt(0x81);
    emu.run(1000);
    const st = emu.recordedState();
    expect(st.events).toEqual([]);
    expect(emu.interruptPending).toBe(true);
    expect(gr(st, 9)).toBe(2n);
  });

  it('the External Interrupt has priority over the faults of the instruction it preempts', () => {
    const emu = load(enter(PSR.ic | PSR.i, 'on') + '\tbreak.m 5\n\t;;');
    emu.raiseInterrupt(0x20);
    emu.run(1000);
    expect(ev(emu.recordedState()).vector).toBe(EXT_INT);
  });

  it('a handler that acquires (IVR), ends (EOI) and returns (rfi) resumes the interrupted instruction', () => {
    const emu = load(
      `
	movl r2=_start
	;;
	mov cr.iva=r2
	;;` +
        enter(PSR.ic | PSR.i, 'on') +
        `
	mov r8=1
	;;
	mov r9=2
	;;
	break.i 0
	;;
	.org _start + 0x3000
handler:
	mov r20=cr.ivr
	;;
	mov cr.eoi=r0
	adds r21=1,r21
	;;
	rfi
	;;`,
    );
    emu.raiseInterruptAt(20, 0x33);
    emu.run(1000);
    const st = emu.recordedState();
    expect(st.halted).toBe(true);
    expect(gr(st, 8)).toBe(1n);
    expect(gr(st, 9)).toBe(2n);
    expect(gr(st, 20)).toBe(0x33n);
    expect(gr(st, 21)).toBe(1n);
    expect(st.events.length).toBe(1);
  });
});

describe('the interval timer', () => {
  const timer = (itv: string) => `
	mov r2=${itv}
	;;
	mov cr.itv=r2
	mov r3=ar.itc
	;;
	adds r3=12,r3
	;;
	mov cr.itm=r3
	;;
	mov r8=cr.irr0
	;;
	nop.m 0
	nop.m 0
	nop.m 0
	;;
	nop.m 0
	nop.m 0
	nop.m 0
	;;
	nop.m 0
	nop.m 0
	nop.m 0
	;;
	mov r9=cr.irr0
	;;`;

  it('ITC reaching ITM pends ITV.vector', () => {
    const { st } = runAsm(timer('0x21'));
    expect(gr(st, 8)).toBe(0n);
    expect(gr(st, 9)).toBe(1n << 0x21n);
  });

  it('ITV.m = 1 masks the timer interrupt (it is lost)', () => {
    const { st } = runAsm(timer('0x10021'));
    expect(gr(st, 9)).toBe(0n);
  });

  it('the match is taken at the step where ITC = ITM (PSR.i = 1)', () => {
    const emu = load(
      enter(PSR.ic | PSR.i, 'on') +
        `
	mov r2=0x40
	;;
	mov cr.itv=r2
	mov r3=ar.itc
	;;
	adds r3=5,r3
	;;
	mov cr.itm=r3
	;;
	nop.m 0
	nop.m 0
	nop.m 0
	;;`,
    );
    emu.run(1000);
    const st = emu.recordedState();
    const e = ev(st);
    expect(e.vector).toBe(EXT_INT);
    // mov r3 = ar.itc ran at step s (ITC = s + 0 offset); ITM = s + 5 matches before step s + 5.
    const s = st.events[0]!.step - 5;
    expect(gr(st, 3)).toBe(BigInt(s) + 5n);
  });
});

describe('raise API', () => {
  it('rejects reserved vectors and bad steps with a clear error', () => {
    const emu = new Emulator();
    expect(() => emu.raiseInterrupt(1)).toThrow(/bad interrupt vector 1/);
    expect(() => emu.raiseInterrupt(256)).toThrow(/bad interrupt vector/);
    expect(() => new Emulator({ interrupts: [{ step: -1, vector: 16 }] })).toThrow(/bad interrupt step/);
  });
});

describe('PAL static calling convention', () => {
  const call = (idx: number, arg = '0') => `
	movl r2=${hex(PAL_PROC_ENTRY)}
	mov r28=${idx}
	movl r29=${arg}
	;;
	mov b6=r2
	;;
	br.call.sptk.many b0=b6
	;;`;

  it('PAL_PROC_GET_FEATURES reports VM (bit 40) and vmsw (bit 54) available, enabled, vmsw controllable', () => {
    const { st } = runAsm(call(17) + '\tmov r20=r8\n\tmov r21=r9\n\tmov r22=r10\n\tmov r23=r11\n\t;;');
    expect(st.halted).toBe(true);
    expect(gr(st, 20)).toBe(0n);
    expect(gr(st, 21)).toBe((1n << 40n) | (1n << 54n));
    expect(gr(st, 22)).toBe((1n << 40n) | (1n << 54n));
    expect(gr(st, 23)).toBe(1n << 54n);
    const off = runAsm(call(17), { vt: false }).st;
    expect([gr(off, 9), gr(off, 10), gr(off, 11)]).toEqual([0n, 0n, 0n]);
  });

  it('returns to b0 with the caller frame; PAL_VM_SUMMARY and the break convention agree', () => {
    const { st } = runAsm(call(8) + '\tmov r20=r10\n\tmov r28=8\n\t;;\n\tbreak.m 0xca11\n\t;;');
    expect(gr(st, 20)).toBe(gr(st, 10));
    expect(gr(st, 10) & 0xffn).toBe(60n);
  });

  it('PAL_PROC_SET_FEATURES without bit 54 disables vmsw: a Virtualization fault where it was allowed', () => {
    // One 4 MiB ar = 7 page from 0: the code and the vector table (the handler's zero bundle halts).
    const pte = 1n | (1n << 5n) | (1n << 6n) | (7n << 9n);
    const map = `
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
	;;`;
    const ok = runAsm(call(18, hex(1n << 54n)) + map + enter(PSR.it, 'paged') + '\tvmsw.1\n\t;;').st;
    expect(ok.events).toEqual([]);
    expect(ok.halted).toBe(true);
    const { st } = runAsm(
      call(18, '0') + '\tmov r20=r8\n\t;;' + call(17) + map + enter(PSR.it, 'paged') + '\tvmsw.1\n\t;;',
    );
    expect(gr(st, 20)).toBe(0n);
    expect(gr(st, 10) & (1n << 54n)).toBe(0n);
    expect(ev(st).vector).toBe(0x6100);
    expect(st.halted).toBe(true);
    const bad = runAsm(call(18, hex(1n << 40n))).st;
    expect(gr(bad, 8)).toBe((1n << 64n) - 2n);
  });
});

describe('LINT0/LINT1 through LRR0/LRR1 (SDM vol 2 §5.8.3.x)', () => {
  const LRR0 = 80;
  /** Writes LRR`pin` = value, then reads IVR into r8, EOI, IVR into r9, EOI, IVR into r10 (PSR.i = 0). */
  function lrrProgram(pin: 0 | 1, value: bigint): Emulator {
    return load(`
	movl r2=${hex(value)}
	;;
	mov cr.lrr${pin}=r2
	;;
	srlz.d
	;;
	mov r3=1
	;;
	mov r8=cr.ivr
	;;
	mov cr.eoi=r0
	;;
	srlz.d
	;;
	mov r9=cr.ivr
	;;
	mov cr.eoi=r0
	;;
	srlz.d
	;;
	mov r10=cr.ivr
	;;`);
  }
  /** Steps until the LRR write is done (r3 = 1 marks it). */
  const toMarker = (emu: Emulator) => {
    while (emu.machine.grLo[3] !== 1) emu.step();
  };
  const ivrReads = (emu: Emulator) => {
    emu.run(1000);
    const st = emu.recordedState();
    return [gr(st, 8), gr(st, 9), gr(st, 10)];
  };

  it('INT mode, edge-triggered: one activation pends the LRR vector once', () => {
    const emu = lrrProgram(0, 0x45n);
    toMarker(emu);
    expect(emu.raiseLint(0)).toBe('pended');
    expect(emu.raiseLint(0)).toBeNull(); // already active: no new edge
    expect(ivrReads(emu)).toEqual([0x45n, 15n, 15n]);
  });

  it('NMI mode delivers vector 2 (not masked by TPR.mmi), ExtINT mode vector 0 (LRR.vector ignored)', () => {
    const nmi = load(`
	mov r2=1
	;;
	shl r2=r2,16
	;;
	mov cr.tpr=r2
	;;
	mov r2=0x400
	;;
	mov cr.lrr1=r2
	;;
	srlz.d
	;;
	mov r3=1
	;;
	mov r8=cr.ivr
	;;`);
    toMarker(nmi);
    expect(nmi.raiseLint(1)).toBe('pended');
    nmi.run(1000);
    expect(gr(nmi.recordedState(), 8)).toBe(2n);
    const extint = lrrProgram(0, 0x7a5n); // dm 7, vector field 0xa5
    toMarker(extint);
    extint.raiseLint(0);
    expect(ivrReads(extint)).toEqual([0n, 15n, 15n]);
  });

  it('a masked edge is lost; an INT vector below 16 is reserved and pends nothing', () => {
    const masked = lrrProgram(0, 0x10045n);
    toMarker(masked);
    expect(masked.raiseLint(0)).toBe('masked');
    expect(ivrReads(masked)).toEqual([15n, 15n, 15n]);
    const low = lrrProgram(1, 0x0fn);
    toMarker(low);
    expect(low.raiseLint(1)).toBe('reserved-vector');
    expect(ivrReads(low)).toEqual([15n, 15n, 15n]);
  });

  it('level-triggered: pending again after EOI while the pin stays active, not once it is lowered', () => {
    const emu = lrrProgram(0, 0x8045n); // tm = 1
    toMarker(emu);
    emu.raiseLint(0);
    while (emu.machine.grLo[9] === 0) emu.step(); // the second IVR read has acquired it again
    emu.lowerLint(0);
    expect(ivrReads(emu)).toEqual([0x45n, 0x45n, 15n]);
  });

  it('a level-triggered pin raised while masked pends when LRR.m is cleared', () => {
    const emu = load(`
	movl r2=0x18045
	;;
	mov cr.lrr0=r2
	;;
	srlz.d
	;;
	mov r3=1
	;;
	mov r8=cr.ivr
	movl r2=0x8045
	;;
	mov cr.lrr0=r2
	;;
	srlz.d
	;;
	mov r9=cr.ivr
	;;`);
    toMarker(emu);
    expect(emu.raiseLint(0)).toBe('masked');
    emu.run(1000);
    const st = emu.recordedState();
    expect([gr(st, 8), gr(st, 9)]).toEqual([15n, 0x45n]);
  });

  it('LRR.ipp = 1: the pin is active low', () => {
    const emu = lrrProgram(1, 0x2045n);
    toMarker(emu);
    expect(emu.machine.ext.setLint(1, true)).toBeNull(); // high: inactive
    expect(emu.machine.ext.setLint(1, false)).toBe('pended'); // falling edge: active
    expect(ivrReads(emu)).toEqual([0x45n, 15n, 15n]);
  });

  it('with PSR.i = 1 the LINT vector is taken at 0x3000 like any other', () => {
    const emu = load(
      `\tmov r2=0x51\n\t;;\n\tmov cr.lrr0=r2\n\t;;\n\tsrlz.d\n\t;;\n` +
        enter(PSR.ic | PSR.i, 'on') +
        `
	mov r3=1
	;;
	mov r8=1
	;;`,
    );
    toMarker(emu);
    emu.raiseLint(0);
    emu.run(1000);
    const st = emu.recordedState();
    expect(ev(st).vector).toBe(EXT_INT);
    expect(gr(st, 8)).toBe(0n);
    expect(emu.machine.cr[LRR0]).toBe(0x51n);
    expect((emu.machine.ext.readIrr(1) >> 0x11n) & 1n).toBe(1n); // 0x51 still pending (not acquired)
  });

  it('PMI and INIT go to PAL, which the model does not have: a clear error; a bad pin is refused', () => {
    for (const [dm, name] of [
      [0x200n, 'PMI'],
      [0x500n, 'INIT'],
    ] as const) {
      const emu = lrrProgram(0, dm);
      toMarker(emu);
      expect(() => emu.raiseLint(0)).toThrow(`LINT0: delivery mode ${name} goes to PAL (PALE_${name})`);
    }
    expect(() => new Emulator().raiseLint(2 as 0)).toThrow('bad LINT pin 2');
  });
});
