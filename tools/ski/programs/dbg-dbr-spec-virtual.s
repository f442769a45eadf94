// Data breakpoints and speculative loads with translation on: the code page's ITLB entry has
// ed = 1, so DCR.dd decides. With DCR.dd = 1 a matching ld8.s is deferred (NaT); with
// DCR.dd = 0 it takes Data Debug with ISR.sp and ISR.ed. (A plain ld8 would fault on the
// model only: known divergence dbg-ski-quick.)
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITR_IDENTITY "1 | (1 << 5) | (1 << 6) | (3 << 9) | (1 << 52)"
	ITIR16K
	MAP16K 0, 0, (1 | (1 << 5) | (1 << 6) | (2 << 9))	// p, WB, a, d, RW at pl 0
	srlz.i
	;;
	movl r10=0x2000000000600000
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	movl r5=1 << 14		// DCR.dd
	;;
	mov cr.dcr=r5
	mov r3=0
	;;
	mov dbr[r3]=r10
	mov r3=1
	;;
	mov dbr[r3]=r4
	;;
	RFI_TO "(1 << 36) | (1 << 24) | (1 << 17) | (1 << 13)", virt
	ld8.s r6=[r10]		// deferred by DCR.dd
	;;
	mov cr.dcr=r0
	;;
	srlz.d
	;;
	ld8.s r7=[r10]		// Data Debug, ISR.sp, ed
	;;
	break.i 0
	;;
