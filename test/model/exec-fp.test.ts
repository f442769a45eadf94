// The FP unit through the executor: integer multiply and divide as a compiler emits them
// (xma.l/xma.hu; libgcc's __udivdi3/__divdi3 frcpa + fma refinement, sf1) on random operands,
// checked against BigInt; then FR rotation by CFM.rrb.fr, NaTVal through setf/getf/stf, and
// the Disabled FP-Register fault with PSR.mfl/mfh. (Ski agreement: tools/ski/programs/fp-*.s.)
import { afterAll, describe, expect, it } from 'vitest';
import { OUT } from '../../model/exec/int64.js';
import { Emulator } from '../../model/emulator.js';
import { DATA, disposeWorkdir, gr, IVA, runAsm, TEXT, workdir } from './harness.js';

afterAll(() => disposeWorkdir());

function rng(seed: number): () => bigint {
  let x = BigInt(seed) | 1n;
  return () => {
    // xorshift64*
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  };
}

/** Refinement shared by both divisions (f8 = a, f9 = b, normalized; quotient in f8). */
const REFINE = `
	frcpa.s1 f10,p6=f8,f9
	;;
(p6)	fmpy.s1 f11=f8,f10
(p6)	fnma.s1 f12=f9,f10,f1
	;;
(p6)	fma.s1 f11=f12,f11,f11
(p6)	fmpy.s1 f13=f12,f12
	;;
(p6)	fma.s1 f10=f12,f10,f10
(p6)	fma.s1 f11=f13,f11,f11
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fnma.s1 f12=f9,f11,f8
	;;
(p6)	fma.s1 f8=f12,f10,f11
	;;`;

const N = 200;

describe('integer multiply and divide through the FP unit', () => {
  it('xma.l, xma.hu, unsigned and signed 64-bit division sequences give exact results', () => {
    const next = rng(2026);
    const pairs: [bigint, bigint][] = [];
    for (let i = 0; i < N; i++) {
      const a = next() >> (next() % 64n);
      let b = next() >> (next() % 64n);
      if (b === 0n) b = 1n;
      pairs.push([a, b]);
    }
    pairs.push([0n, 7n], [(1n << 64n) - 1n, 1n], [1n << 63n, (1n << 64n) - 1n], [12345n, 12346n]);
    const data =
      pairs.map(([a, b]) => `\tdata8 ${a}\n\tdata8 ${b}`).join('\n') + '\nresults:\n\t.skip ' + 32 * pairs.length;
    const body = `
	movl r10=0x0009804c0270033f
	movl r2=data
	;;
	mov ar.fpsr=r10
	movl r3=results
	mov r9=${pairs.length - 1}
	;;
	mov ar.lc=r9
	;;
1:
	ld8 r4=[r2],8
	;;
	ld8 r5=[r2],8
	;;
	setf.sig f6=r4
	setf.sig f7=r5
	;;
	xma.l f14=f6,f7,f0
	xma.hu f15=f6,f7,f0
	fcvt.xuf.s1 f8=f6
	fcvt.xuf.s1 f9=f7
	;;
	getf.sig r6=f14
	getf.sig r7=f15
	;;
	st8 [r3]=r6,8
	;;
	st8 [r3]=r7,8
	;;${REFINE}
	fcvt.fxu.trunc.s1 f8=f8
	;;
	getf.sig r6=f8
	fcvt.xf f8=f6
	fcvt.xf f9=f7
	;;
	st8 [r3]=r6,8
	;;${REFINE}
	fcvt.fx.trunc.s1 f8=f8
	;;
	getf.sig r6=f8
	;;
	st8 [r3]=r6,8
	br.cloop.sptk.few 1b
	;;`;
    const { emu } = runAsm(body, { data, maxSteps: 200000 });
    const base = DATA + BigInt(16 * pairs.length);
    const read = (addr: bigint) => {
      emu.machine.mem.load(Number(addr & 0xffffffffn), Number(addr >> 32n), 8, OUT);
      return (BigInt(OUT.hi) << 32n) | BigInt(OUT.lo);
    };
    const M = (1n << 64n) - 1n;
    let checked = 0;
    pairs.forEach(([a, b], i) => {
      const at = base + BigInt(32 * i);
      expect(read(at), `xma.l ${a}*${b}`).toBe((a * b) & M);
      expect(read(at + 8n), `xma.hu ${a}*${b}`).toBe((a * b) >> 64n);
      expect(read(at + 16n), `udiv ${a}/${b}`).toBe(a / b);
      const sa = BigInt.asIntN(64, a),
        sb = BigInt.asIntN(64, b);
      // -2^63 / -1 overflows: fcvt.fx gives the integer indefinite 0x8000000000000000 (V).
      expect(BigInt.asIntN(64, read(at + 24n)), `sdiv ${sa}/${sb}`).toBe(BigInt.asIntN(64, sa / sb));
      checked++;
    });
    expect(checked).toBe(pairs.length);
  });
});

describe('FP register state', () => {
  it('f32-f127 rotate with CFM.rrb.fr (restored by br.ret from ar.pfs)', () => {
    // rrb.fr = 1 (CFM bits 31:25): logical f32 is physical f33.
    const { st, emu } = runAsm(`
	mov r4=7
	mov r5=9
	;;
	setf.sig f33=r4
	setf.sig f32=r5
	movl r6=(1<<25)
	;;
	mov ar.pfs=r6
	movl r7=2f
	;;
	mov b6=r7
	;;
	br.ret.sptk.many b6
	;;
2:
	getf.sig r8=f32
	getf.sig r9=f127
	;;`);
    expect(gr(st, 8)).toBe(7n);
    expect(gr(st, 9)).toBe(9n);
    expect(emu.machine.rrbFr).toBe(1);
  });

  it('setf from a NaT GR gives NaTVal; getf of NaTVal sets the NaT bit; stfs of NaTVal is Register NaT Consumption', () => {
    // r5's NaT bit is set before the run (the model decodes no NaT-producing load yet).
    const src = `\t.text\n\t.global _start\n_start:
	movl r2=${IVA}
	;;
	mov cr.iva=r2
	movl r2=${DATA}
	;;
	setf.sig f6=r5
	;;
	getf.exp r8=f6
	stf.spill [r2]=f6
	;;
	ld8 r9=[r2],8
	;;
	ld8 r10=[r2]
	;;
	stfs [r2]=f6
	;;
	break.i 0
	;;
	.data
	.skip 32
`;
    const w = workdir();
    const emu = new Emulator({ keepEvents: true });
    emu.loadElf(w.read(w.build('natval', src, TEXT, ['-Tdata=0x300000'])));
    emu.machine.nat[5] = 1;
    emu.run(1000);
    const st = emu.recordedState();
    expect(emu.machine.nat[8]).toBe(1);
    expect(gr(st, 9)).toBe(0n);
    expect(gr(st, 10)).toBe(0x1fffen);
    expect(st.events.length).toBe(1);
    expect(BigInt(st.events[0]!.vector)).toBe(0x5600n);
  });

  it('PSR.dfh faults f32-f127 only (vector 0x5500, ISR.code 2); writes set PSR.mfl / mfh', () => {
    const { st } = runAsm(`
	mov r4=3
	;;
	setf.sig f6=r4
	;;
	mov r8=psr
	setf.sig f40=r4
	;;
	mov r9=psr
	ssm psr.dfh
	;;
	srlz.d
	;;
	getf.sig r10=f6
	;;
	getf.sig r11=f40
	;;`);
    expect((gr(st, 8) >> 4n) & 3n).toBe(1n);
    expect((gr(st, 9) >> 4n) & 3n).toBe(3n);
    expect(gr(st, 10)).toBe(3n);
    expect(st.events.length).toBe(1);
    expect(BigInt(st.events[0]!.vector)).toBe(0x5500n);
    expect(BigInt(st.events[0]!.isr) & 0xffffn).toBe(2n);
    expect(BigInt(st.ip)).toBe(IVA + 0x5500n);
  });
});
