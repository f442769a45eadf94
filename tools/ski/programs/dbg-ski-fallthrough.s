// Known Ski defect (tools/ski/known-divergences.ts): Ski checks the IBRs only when it looks up
// a code page (entering it by a branch, an rfi or an interruption), so falling through into a
// breakpointed bundle of the same page raises nothing. The SDM checks every instruction fetch
// (vol 2 §7.1: Instruction Debug faults); the model does.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bp
	movl r4=(1 << 63) | (1 << 56) | 0xfffffffffffff0	// x, plm pl 0, one bundle
	mov r3=0
	;;
	mov ibr[r3]=r2
	mov r3=1
	;;
	mov ibr[r3]=r4
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.i
	;;
	mov r5=1
	;;
bp:
	mov r6=2		// Instruction Debug (Ski: none)
	;;
	break.i 0
	;;
