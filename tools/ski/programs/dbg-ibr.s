// Instruction breakpoints: IBR pair 0 on the bundle `bp` (exact mask, x, plm pl 0). With
// PSR.db = 1 a branch to it takes the Instruction Debug fault (0x5900, ISR.x, ISR.ei = the
// slot, IFA = the bundle) on each of its three instructions, whatever their predicate (the
// handler skips one at a time); the next bundle runs. IBR.addr{3:0} are ignored.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bp + 8		// bits 3:0 do not take part
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// x, plm pl 0, exact
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
	cmp.eq p6,p7=r0,r0
	;;
	mov psr.l=r28
	;;
	srlz.i
	;;
	br.sptk.many bp
	;;
	.align 4096		// Ski checks breakpoints when it enters a page: bp starts one
bp:
	mov r5=1
(p7)	mov r6=2		// predicated off: faults all the same
	mov r7=3
	;;
	mov r8=4
	;;
	mov r9=psr
	break.i 0
	;;
