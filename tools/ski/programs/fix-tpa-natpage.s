// tpa of an address whose data translation has the NaTPage attribute (ma = 7): a Data NaT
// Page Consumption fault (vector 0x5600, ISR.na, code{3:0} = 0) with IFA and ITIR, as for the
// other translation faults of tpa; on an ordinary page tpa returns the physical address.
// The regular probe (code{3:0} = 2) and lfetch.fault (4) raise the same fault on the NaTPage;
// lfetch without .fault raises nothing.
// Found by the random differential test (tools/ski/random.ts).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 1, 0, (1 | (7 << 2) | (1 << 5) | (1 << 6) | (2 << 9))
	MAP16K 2, 1, (1 | (1 << 5) | (1 << 6) | (2 << 9))
	ssm psr.ic
	;;
	srlz.d
	;;
	movl r8=0x2000000000600010
	movl r9=0x2000000000604020
	;;
	tpa r10=r8
	;;
	tpa r11=r9
	;;
	probe.r r13=r8,r0
	;;
	probe.w r14=r9,r0
	;;
	lfetch.fault [r8]
	;;
	lfetch [r8]
	;;
	mov r12=1
	break.i 0
	;;
