// The fetch fast path (model/exec/run.ts) with translation on: straight-line code on a virtual
// page mapped to another physical page must be fetched from the physical page for every
// bundle, not only the first (which goes through the translating slow path).
import { afterAll, describe, expect, it } from 'vitest';
import { disposeWorkdir, gr, hex, runAsm } from './harness.js';

afterAll(disposeWorkdir);

const VA = 0x4000_0000n;
const IT = 1n << 36n;

describe('instruction fetch with translation', () => {
  it('runs every bundle of a virtual page from its physical page', () => {
    const bundles = 6;
    const { st } = runAsm(`
	movl r2=${hex(VA)}
	movl r3=virt
	movl r4=0x30
	movl r5=0x661
	;;
	mov cr.ifa=r2
	mov cr.itir=r4
	or r5=r5,r3
	;;
	itr.i itr[r0]=r5
	;;
	srlz.i
	movl r6=${hex(IT)}
	;;
	mov cr.ipsr=r6
	mov cr.iip=r2
	mov cr.ifs=r0
	;;
	rfi
	;;
	.align 4096
virt:
	mov r8=0
	;;
${'\tadds r8=1,r8\n\t;;\n'.repeat(bundles * 3)}`);
    expect(st.events).toEqual([]);
    expect(st.halted).toBe(true);
    expect(BigInt(st.ip) >> 12n).toBe(VA >> 12n);
    expect(gr(st, 8)).toBe(BigInt(bundles * 3));
  });
});
