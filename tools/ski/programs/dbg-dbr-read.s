// Data breakpoints on reads (PSR.db = 1, DBR pairs): an exact match on one byte, a masked
// match over 64 bytes, the privilege-level mask (a pair for pl 3 only misses at pl 0), and
// the r/w enables (a store does not match a read-only pair). Each hit is a Data Debug fault
// (0x5900, ISR.r, IFA = the address), skipped by the handler.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4, 5, 6, 7, 8
	data8 9, 10, 11, 12, 13, 14, 15, 16
	data8 17, 18, 19, 20, 21, 22, 23, 24
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	movl r5=(1 << 63) | (1 << 56) | 0xffffffffffffc0	// r, plm pl 0, 64 bytes
	movl r6=(1 << 63) | (1 << 59) | 0xffffffffffffff	// r, plm pl 3 only
	;;
	adds r2=8,r10
	mov r3=0
	;;
	mov dbr[r3]=r2
	mov r3=1
	;;
	mov dbr[r3]=r4
	adds r2=64,r10
	mov r3=2
	;;
	mov dbr[r3]=r2
	mov r3=3
	;;
	mov dbr[r3]=r5
	adds r2=128,r10
	mov r3=4
	;;
	mov dbr[r3]=r2
	mov r3=5
	;;
	mov dbr[r3]=r6
	;;
	mov r3=1
	;;
	mov r7=dbr[r3]
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	;;
	ld8 r8=[r10]		// miss
	adds r11=8,r10
	;;
	ld8 r9=[r11]		// hit (exact)
	;;
	st8 [r11]=r10		// read-only pair: no match
	adds r12=127,r10
	;;
	ld1 r13=[r12]		// hit (masked: buf+64..127)
	adds r12=1,r12
	;;
	ld1 r14=[r12]		// buf+128: the pl-3 pair does not match at pl 0
	;;
	ld8 r15=[r11]		// hit again
	;;
	break.i 0
	;;
