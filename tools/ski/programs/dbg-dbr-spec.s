// Data breakpoints and speculative loads in physical mode (PSR.ic = 1): a matching ld8.s
// takes Data Debug with ISR.sp (no ITLB ed bit lets DCR.dd defer it), a non-matching one is
// deferred (NaT, as every ld.s in physical mode); a matching ld8.sa likewise faults.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4
	.text
	.global _start
_start:
	START
	movl r10=buf
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
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	adds r11=8,r10
	;;
	ld8.s r6=[r10]		// Data Debug, ISR.sp
	;;
	ld8.s r7=[r11]		// deferred
	;;
	ld8.sa r8=[r10]		// Data Debug, ISR.sp
	;;
	ld8 r9=[r11]
	;;
	break.i 0
	;;
