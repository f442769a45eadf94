// Data Debug against Unaligned Data Reference (PSR.ac = 1): a misaligned ld8 whose bytes
// include the breakpoint takes Data Debug (higher priority), one elsewhere takes Unaligned
// Data Reference; with PSR.db = 0 the first one is unaligned too.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4, 5, 6, 7, 8
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	;;
	adds r2=8,r10
	mov r3=0
	;;
	mov dbr[r3]=r2
	mov r3=1
	;;
	mov dbr[r3]=r4
	mov r28=psr
	movl r29=(1 << 24) | (1 << 3)		// db, ac
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	adds r11=4,r10
	adds r12=36,r10
	;;
	ld8 r5=[r11]		// bytes buf+4..11: Data Debug
	;;
	ld8 r6=[r12]		// bytes buf+36..43: Unaligned Data Reference
	;;
	ld8 r7=[r10]		// aligned, no match
	;;
	rsm 1 << 3		// ac off: the model performs unaligned accesses, Ski faults
	;;
	mov r28=psr
	movl r29=1 << 24
	;;
	andcm r28=r28,r29
	;;
	sum 1 << 3
	;;
	mov r28=psr
	;;
	andcm r28=r28,r29
	;;
	mov psr.l=r28		// db off, ac on
	;;
	srlz.d
	;;
	ld8 r8=[r11]		// Unaligned Data Reference
	;;
	break.i 0
	;;
