// Known Ski defect (tools/ski/known-divergences.ts): with PSR.dt = 1 Ski checks the DBRs only
// on its slow translation path; a load through a page whose access and dirty bits are set
// and whose rights allow it takes its quick path and no Data Debug fault. The SDM raises the
// fault on every matching load, store and semaphore (vol 2 §7.1); the model does.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 0, 0, (1 | (1 << 5) | (1 << 6) | (2 << 9))	// p, WB, a, d, RW at pl 0
	DT_ON
	movl r10=0x2000000000600000
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	;;
	mov r3=0
	;;
	mov dbr[r3]=r10
	mov r3=1
	;;
	mov dbr[r3]=r4
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	;;
	ld8 r5=[r10]		// Data Debug (Ski: none)
	;;
	break.i 0
	;;
