// The multimedia instructions, computed by hand from the SDM vol 3 instruction pages
// (element by element; the comments show the elements lowest first or as the SDM's
// concatenations, highest first). Ski 1.5.1 is known wrong on the signed-saturating forms, so
// those are checked here only (tools/ski/known-divergences.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { disposeWorkdir, gr, runAsm } from './harness.js';

afterAll(disposeWorkdir);

/** Runs `body` after loading r2 = a and r3 = b; returns r8.. as BigInts. */
function run(a: string, b: string, body: string): bigint[] {
  const { st } = runAsm(`\tmovl r2=${a}\n\tmovl r3=${b}\n\t;;\n${body}`);
  expect(st.halted).toBe(true);
  expect(st.eventCount).toBe(0);
  return Array.from({ length: 16 }, (_, i) => gr(st, 8 + i));
}

describe('parallel add/subtract, average, compare (A9)', () => {
  it('padd1/psub1 modulo and the three saturations', () => {
    // a bytes (high→low) 01 7f 80 ff 10 20 fe 00, b 01 01 80 01 f0 10 03 00.
    const r = run(
      '0x017f80ff1020fe00',
      '0x01018001f0100300',
      `padd1 r8=r2,r3\n padd1.sss r9=r2,r3\n padd1.uuu r10=r2,r3\n padd1.uus r11=r2,r3
 psub1 r12=r2,r3\n psub1.uuu r13=r2,r3\n psub1.uus r14=r2,r3`,
    );
    expect(r[0]).toBe(0x0280000000300100n); // sums mod 256
    expect(r[1]).toBe(0x027f800000300100n); // 7f+01 → 7f, 80+80 → 80 (signed limits)
    expect(r[2]).toBe(0x0280ffffff30ff00n); // unsigned sums over 255 → ff
    expect(r[3]).toBe(0x028000ff0030ff00n); // 80 + (−128) = 0; ff + 1 → ff; 10 + (−16) = 0
    expect(r[4]).toBe(0x007e00fe2010fb00n); // 10 − f0 = −224 → 0x20 mod 256
    expect(r[5]).toBe(0x007e00fe0010fb00n); // 10 − f0 < 0 → 00
    expect(r[6]).toBe(0x007efffe2010fb00n); // 128 − (−128) = 256 → ff; 16 − (−16) = 32
  });

  it('psub2.sss saturates at both signed limits; padd4 wraps', () => {
    const r = run('0x80007fff0001fffe', '0x0001ffff80000002', 'psub2.sss r8=r2,r3\n padd4 r9=r2,r3\n psub4 r10=r3,r2');
    // −2−2 = −4; 1−(−32768) → 7fff; 32767−(−1) → 7fff; −32768−1 → 8000.
    expect(r[0]).toBe(0x80007fff7ffffffcn);
    expect(r[1]).toBe(0x80027ffe80020000n); // 0001fffe+80000002, 80007fff+0001ffff (mod 2^32)
    expect(r[2]).toBe(0x800180007ffe0004n); // 0001ffff−80007fff, 80000002−0001fffe (mod 2^32)
  });

  it('pavg (normal and .raz), pavgsub, pmin/pmax, psad1', () => {
    // a bytes lowest first 02 00 80 03 fe ff 01 00; b 05 00 7f 04 ff ff 01 01.
    const r = run(
      '0x0001fffe03800002',
      '0x0101ffff047f0005',
      `pavg1 r8=r2,r3\n pavg1.raz r9=r2,r3\n pavgsub1 r10=r2,r3\n pmin1.u r11=r2,r3\n pmax1.u r12=r2,r3\n psad1 r13=r2,r3`,
    );
    // Sums 7 0 255 7 509 510 2 1: (s>>1)|(s&1) = 3 0 7f 3 ff ff 1 1; (s+1)>>1 = 4 0 80 4 ff ff 1 1.
    expect(r[0]).toBe(0x0101ffff037f0003n);
    expect(r[1]).toBe(0x0101ffff04800004n);
    // Differences −3 0 1 −1 −1 0 0 −1: (d>>1)|(d&1) = ff 00 01 ff ff 00 00 ff.
    expect(r[2]).toBe(0xff0000ffff0100ffn);
    expect(r[3]).toBe(0x0001fffe037f0002n);
    expect(r[4]).toBe(0x0101ffff04800005n);
    expect(r[5]).toBe(7n); // 3+0+1+1+1+0+0+1
  });

  it('pcmp eq/gt per element size; pmin2/pmax2 are signed', () => {
    const r = run(
      '0x800000017fff0000',
      '0x7fff000080000000',
      'pcmp2.gt r8=r2,r3\n pcmp2.eq r9=r2,r3\n pmin2 r10=r2,r3\n pmax2 r11=r2,r3\n pcmp1.eq r12=r2,r3\n pcmp4.gt r13=r3,r2',
    );
    expect(r[0]).toBe(0x0000ffffffff0000n); // 0>0 no, 32767>−32768, 1>0, −32768>32767 no
    expect(r[1]).toBe(0x000000000000ffffn);
    expect(r[2]).toBe(0x8000000080000000n);
    expect(r[3]).toBe(0x7fff00017fff0000n);
    expect(r[4]).toBe(0x0000ff000000ffffn); // bytes 0, 1 and 5 are 00 in both
    expect(r[5]).toBe(0xffffffff00000000n); // 7fff0000 > 80000001 (negative); 80000000 > 7fff0000 no
  });

  it('pshladd2/pshradd2 saturate the shift and the sum (SDM; Ski differs)', () => {
    // a halfwords lowest first 0001 0100 fff0 2000; b 0001 7fff 8000 0001.
    const r = run('0x2000fff001000001', '0x000180007fff0001', 'pshladd2 r8=r2,2,r3\n pshradd2 r9=r2,2,r3');
    // 4+1 = 5; 0x400+0x7fff → 7fff; −64+(−32768) → 8000; 8192<<2 → 7fff, +1 → 7fff.
    expect(r[0]).toBe(0x7fff80007fff0005n);
    // 0+1 = 1; 0x40+0x7fff → 7fff; −4+(−32768) → 8000; 2048+1 = 0x801.
    expect(r[1]).toBe(0x080180007fff0001n);
  });
});

describe('multiply, mix, pack, unpack, mux, shifts, popcnt, czx (I1-I9, I29)', () => {
  it('pmpy2.r/.l and pmpyshr2(.u)', () => {
    // a halfwords lowest first −1 2 −2 3; b −32768 6 5 4.
    const r = run(
      '0x0003fffe0002ffff',
      '0x0004000500068000',
      'pmpy2.r r8=r2,r3\n pmpy2.l r9=r2,r3\n pmpyshr2 r10=r2,r3,7\n pmpyshr2.u r11=r2,r3,16',
    );
    expect(r[0]).toBe(0xfffffff600008000n); // −1·−32768 = 32768; −2·5 = −10
    expect(r[1]).toBe(0x0000000c0000000cn); // 2·6, 3·4
    expect(r[2]).toBe(0x0000ffff00000100n); // 32768>>7 = 256, 12>>7, −10>>7 = −1, 12>>7
    expect(r[3]).toBe(0x000000040000_7fffn); // ffff·8000>>16 = 7fff; fffe·5>>16 = 4
  });

  it('mix, unpack and pack', () => {
    // a bytes lowest first 11..88, b 88 99 aa bb cc dd ee ff.
    const r = run(
      '0x8877665544332211',
      '0xffeeddccbbaa9988',
      `mix1.l r8=r2,r3\n mix1.r r9=r2,r3\n mix2.l r10=r2,r3\n mix4.r r11=r2,r3
 unpack1.h r12=r2,r3\n unpack1.l r13=r2,r3\n unpack2.h r14=r2,r3\n unpack4.h r15=r2,r3`,
    );
    expect(r[0]).toBe(0x88ff66dd44bb2299n); // a7 b7 a5 b5 a3 b3 a1 b1
    expect(r[1]).toBe(0x77ee55cc33aa1188n); // a6 b6 a4 b4 a2 b2 a0 b0
    expect(r[2]).toBe(0x8877ffee4433bbaan);
    expect(r[3]).toBe(0x44332211bbaa9988n);
    expect(r[4]).toBe(0x88ff77ee66dd55ccn); // a7 b7 a6 b6 a5 b5 a4 b4
    expect(r[5]).toBe(0x44bb33aa22991188n);
    expect(r[6]).toBe(0x8877ffee6655ddccn);
    expect(r[7]).toBe(0x88776655ffeeddccn);
    // a halfwords −5 5 −129 128; b 0 1 −32768 32767: r2's elements go to the low half.
    const p = run('0x0080ff7f0005fffb', '0x7fff800000010000', 'pack2.sss r8=r2,r3\n pack2.uss r9=r2,r3');
    expect(p[0]).toBe(0x7f8001007f8005fbn);
    expect(p[1]).toBe(0xff00010080000500n);
    const q = run('0x00008000fffffffe', '0xffff000000000003', 'pack4.sss r8=r2,r3');
    expect(q[0]).toBe(0x800000037ffffffen); // −2, 32768 → 7fff, 3, −65536 → 8000
  });

  it('mux1 (every @ form) and mux2', () => {
    const r = run(
      '0x8877665544332211',
      '0',
      `mux1 r8=r2,@rev\n mux1 r9=r2,@brcst\n mux1 r10=r2,@mix\n mux1 r11=r2,@shuf\n mux1 r12=r2,@alt
 mux2 r13=r2,0x1b\n mux2 r14=r2,0x0\n mux2 r15=r2,0xe4`,
    );
    expect(r[0]).toBe(0x1122334455667788n);
    expect(r[1]).toBe(0x1111111111111111n);
    expect(r[2]).toBe(0x8844662277335511n); // b7 b3 b5 b1 b6 b2 b4 b0
    expect(r[3]).toBe(0x8844773366225511n); // b7 b3 b6 b2 b5 b1 b4 b0
    expect(r[4]).toBe(0x8866442277553311n); // b7 b5 b3 b1 b6 b4 b2 b0
    expect(r[5]).toBe(0x2211443366558877n); // halfwords reversed
    expect(r[6]).toBe(0x2211221122112211n);
    expect(r[7]).toBe(0x8877665544332211n); // 0xe4 = 3 2 1 0: identity
  });

  it('pshl/pshr with immediate and register counts (a count over the width saturates)', () => {
    // a halfwords lowest first ffff 0001 4000 8001.
    const r = run(
      '0x800140000001ffff',
      '200',
      `pshl2 r8=r2,1\n pshr2 r9=r2,1\n pshr2.u r10=r2,1\n pshr2 r11=r2,r3\n pshl2 r12=r2,r3\n pshr2.u r13=r2,r3`,
    );
    expect(r[0]).toBe(0x000280000002fffen);
    expect(r[1]).toBe(0xc00020000000ffffn);
    expect(r[2]).toBe(0x4000200000007fffn);
    expect(r[3]).toBe(0xffff00000000ffffn); // count 200 → 16: the sign fills each element
    expect(r[4]).toBe(0n);
    expect(r[5]).toBe(0n);
    const w = run('0x800000007fffffff', '0x0000000380000001', 'pshr4.u r8=r2,31\n pshl4 r9=r3,31\n pshr4 r10=r2,31');
    expect(w[0]).toBe(0x0000000100000000n);
    expect(w[1]).toBe(0x8000000080000000n);
    expect(w[2]).toBe(0xffffffff00000000n);
  });

  it('popcnt and czx', () => {
    const r = run(
      '0xf0f0000000000001',
      '0x1200340000000000',
      `popcnt r8=r2\n czx1.l r9=r3\n czx1.r r10=r3\n czx2.r r11=r3\n czx1.r r12=r2\n czx2.l r13=r2`,
    );
    expect(r[0]).toBe(9n);
    expect(r[1]).toBe(1n); // bytes from the left: 12 00 …
    expect(r[2]).toBe(0n);
    expect(r[3]).toBe(0n);
    expect(r[4]).toBe(1n); // byte 0 is 01, byte 1 is 00
    expect(r[5]).toBe(1n); // halfwords from the left: f0f0 0000
    const none = run('-1', '0x0000123456789abc', 'czx2.l r8=r2\n czx1.l r9=r2\n czx2.r r10=r3');
    expect(none.slice(0, 3)).toEqual([4n, 8n, 3n]);
  });

  it('the result NaT is the OR of the sources read; r0 as target is an Illegal Operation', () => {
    const { st, emu } = runAsm(`
	movl r3=0x0102030405060708
	;;
	ld8.s r20=[r0]
	;;
	padd1 r8=r20,r3
	popcnt r9=r20
	mux1 r10=r3,@rev
	pshr2 r11=r3,r20
	pshr2 r12=r20,1
	;;`);
    expect(st.halted).toBe(true);
    expect(emu.machine.nat[20]).toBe(1);
    expect([8, 9, 10, 11, 12].map((r) => emu.machine.nat[r])).toEqual([1, 1, 0, 1, 1]);
    const bad = runAsm('padd1 r0=r2,r3');
    expect(bad.st.events[0]?.vector).toBe('0x5400');
  });
});

describe('SDM 2.3 additions and reserved encodings', () => {
  it('clz, mpy4, mpyshl4; tf finds no optional feature; fwb is a nop', () => {
    const { st } = runAsm(`
	movl r2=0x00000000fffffffe
	movl r3=0x0000000300000005
	;;
	clz r8=r2
	clz r9=r0
	mpy4 r10=r2,r3
	;;
	mpyshl4 r11=r2,r3
	tf.z p6,p7=32
	fwb
	;;`);
    expect(st.eventCount).toBe(0);
    expect(gr(st, 8)).toBe(32n);
    expect(gr(st, 9)).toBe(64n);
    expect(gr(st, 10)).toBe(0xfffffffen * 5n); // low words, unsigned
    expect(gr(st, 11)).toBe(((0xfffffffen * 3n) << 32n) & 0xffffffffffffffffn); // r2 low × r3 high, ≪ 32
    expect(Number((BigInt(st.pr) >> 6n) & 3n)).toBe(1); // p6 = 1, p7 = 0
  });
});
