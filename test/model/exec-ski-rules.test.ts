// Rules the Ski differential programs showed the model breaking (tools/ski/known-divergences.ts
// history), each checked here directly: alloc to a static register, ignored fields and
// registers, RSC.pl against cpl, break.b's IIM, the ISR of non-access instructions, the
// one-instruction PSR bits and rfi into the L slot of an MLX bundle.
import { afterAll, describe, expect, it } from 'vitest';
import { PSR, disposeWorkdir, enter, ev, gr, runAsm } from './harness.js';

afterAll(disposeWorkdir);
const GE = 0x5400;
const ISR_W = 1n << 33n,
  ISR_R = 1n << 34n,
  ISR_NA = 1n << 35n;

describe('register moves', () => {
  it('alloc may target a static register; r0 is Illegal Operation', () => {
    const ok = runAsm('\tmov r2=7\n\t;;\n\tmov ar.pfs=r2\n\t;;\n\talloc r9=ar.pfs,2,1,0,0\n\t;;\n').st;
    expect(ok.events).toEqual([]);
    expect(gr(ok, 9)).toBe(7n);
    const bad = runAsm('\talloc r0=ar.pfs,2,1,0,0\n').st;
    expect([ev(bad).vector, ev(bad).code]).toEqual([GE, 0]);
  });

  it('EC{63:6} is ignored (written as 0); ARs 48-63 and 112-127 read 0 and drop writes', () => {
    const { st } = runAsm(
      '\tmov r2=-1\n\t;;\n\tmov ar.ec=r2\n\tmov.m ar48=r2\n\tmov.i ar112=r2\n\t;;\n\tmov r8=ar.ec\n\tmov.m r9=ar48\n\tmov.i r10=ar112\n',
    );
    expect(st.events).toEqual([]);
    expect([gr(st, 8), gr(st, 9), gr(st, 10)]).toEqual([0x3fn, 0n, 0n]);
  });

  it('PMV, CMCV, LRR0 and LRR1 are CRs that read back what was written', () => {
    const { st } = runAsm(
      '\tmov r2=0x10021\n\t;;\n\tmov cr.pmv=r2\n\tmov cr.cmcv=r2\n\tmov cr.lrr0=r2\n\tmov cr.lrr1=r2\n\t;;\n\tmov r8=cr.pmv\n\tmov r9=cr.lrr1\n',
    );
    expect(st.events).toEqual([]);
    expect([gr(st, 8), gr(st, 9)]).toEqual([0x10021n, 0x10021n]);
  });

  it('RSC.pl more privileged than cpl is written as cpl', () => {
    const { st } = runAsm(`${enter(PSR.cpl3, 'user')}\tmov ar.rsc=3\n\t;;\n\tmov r8=ar.rsc\n`);
    expect(gr(st, 8)).toBe(0xfn);
  });

  it('break.b reports IIM = 0; break.i its immediate', () => {
    const ic = '\tssm psr.ic\n\t;;\n\tsrlz.d\n\t;;\n'; // IIM is written only with PSR.ic = 1
    const b = runAsm(ic + '\t{ .mib\n\tnop.m 0\n\tnop.i 0\n\tbreak.b 0x1234\n\t}\n').st;
    expect([ev(b).vector, BigInt(b.cr.iim)]).toEqual([0x2c00, 0n]);
    const i = runAsm(ic + '\tbreak.i 0x1234\n').st;
    expect(BigInt(i.cr.iim)).toBe(0x1234n);
  });
});

describe('non-access instructions', () => {
  // PSR.dt = 1 with an empty TLB and VHPT off: every data translation is an Alternate Data TLB fault.
  const faultOf = (insn: string) => {
    const st = runAsm(`${enter(PSR.dt | PSR.ic, 'v')}\tmovl r3=0x4000\n\t;;\n\t${insn}\n`).st;
    return { vector: ev(st).vector, isr: ev(st).isr & ((1n << 36n) - 1n) };
  };
  it('tpa: na only, code 0; fc: na and r, code 1; probe.r: na and r, code 2; probe.w.fault: na and w, code 5', () => {
    expect(faultOf('tpa r8=r3')).toEqual({ vector: 0x1000, isr: ISR_NA });
    expect(faultOf('fc r3')).toEqual({ vector: 0x1000, isr: ISR_NA | ISR_R | 1n });
    expect(faultOf('probe.r r8=r3,r0')).toEqual({ vector: 0x1000, isr: ISR_NA | ISR_R | 2n });
    expect(faultOf('probe.w.fault r3,0')).toEqual({ vector: 0x1000, isr: ISR_NA | ISR_W | 5n });
  });
});

describe('rfi', () => {
  it('PSR.id/da/dd/ed/ia last for the one instruction after rfi', () => {
    const oneShot = (1n << 37n) | (1n << 38n) | (1n << 39n) | (1n << 43n) | (1n << 45n);
    const { emu } = runAsm(`${enter(oneShot, 't')}\tmov r5=1\n\t;;\n\tmov r6=2\n`, { maxSteps: 0 });
    const psr = () => BigInt(emu.state().psr) & oneShot;
    let steps = 0;
    while (psr() === 0n && steps++ < 40) emu.step();
    expect(psr()).toBe(oneShot); // just after the rfi
    emu.step(); // mov r5=1
    expect(psr()).toBe(0n);
    expect(gr(emu.state(), 5)).toBe(1n);
  });

  it('rfi with IPSR.ri = 2 into an MLX bundle is Illegal Operation on its L slot (ISR.ei = 2)', () => {
    const { st } = runAsm(
      `
	movl r2=${(2n << 41n).toString()}
	movl r3=t
	;;
	mov cr.ipsr=r2
	mov cr.iip=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
t:
	{ .mlx
	mov r4=1
	movl r5=0x1122334455667788
	}
	;;`,
    );
    expect([ev(st).vector, ev(st).code, Number((ev(st).isr >> 41n) & 3n)]).toEqual([GE, 0, 2]);
    expect(gr(st, 5)).toBe(0n);
  });
});
