// lfetch.fault makes the page checks of a read (found by the random differential test,
// seeds 5340 and 5380): a page with the access bit clear is a Data Access Bit fault (0x2800,
// ISR.na and r, code{3:0} = 4) with IFA and ITIR; lfetch without .fault raises nothing there.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 1, 0, (1 | (1 << 6) | (2 << 9))
	ssm psr.ic|psr.dt
	;;
	srlz.d
	;;
	movl r8=0x2000000000600040
	;;
	lfetch [r8]
	;;
	lfetch.fault [r8]
	;;
	mov r9=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
