// ld8.s from a NaTPage (ma = 7) whose access bit is 0, with PSR.dt = 1 and DCR.da = 0: Data
// NaT Page Consumption ranks above Data Access Bit (SDM vol 2, interruption priorities) and a
// speculative load always defers it (vol 2 §5.5.5), so the load returns a NaT and no fault is
// taken; Ski 1.5.1 takes the Data Access Bit fault first (known-divergences.ts). With the
// access bit set both defer. Found by the random differential test (seed 6164).
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
	MAP16K 2, 1, (1 | (7 << 2) | (1 << 6) | (2 << 9))
	DT_ON
	movl r8=0x2000000000600010
	movl r9=0x2000000000604020
	;;
	ld8.s r10=[r8]
	;;
	ld8.s r11=[r9]
	;;
	mov r12=r24
	mov r3=2
	break.i 0
	;;
