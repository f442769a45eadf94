// Instruction breakpoints with PSR.it = 1 (one identity ITR over code and vector table): the
// IBR holds a virtual address; a branch to the breakpointed bundle takes Instruction Debug on
// each of its instructions, after the fetch's translation; with PSR.db entered as 1 by rfi.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
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
	;;
	REGION1
	IC_OFF
	ITR_IDENTITY "1 | (1 << 5) | (1 << 6) | (3 << 9)"
	srlz.i
	;;
	RFI_TO "(1 << 36) | (1 << 24) | (1 << 13)", virt
	mov r5=1
	;;
	br.sptk.many bp
	;;
	.align 4096
bp:
	mov r6=2		// Instruction Debug
	mov r7=3		// Instruction Debug
	mov r8=4		// Instruction Debug
	;;
	mov r9=psr
	break.i 0
	;;
