// A data breakpoint on the single byte buf+4 (exact mask): every access whose bytes include
// it matches (ld8 and ld4 at buf, ld2 at buf+4, ld1 at buf+4), the others do not (ld4 at
// buf+8, ld2 at buf+6, ld1 at buf+5); st16 over it matches as well.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 0x0807060504030201, 0x100f0e0d0c0b0a09, 0, 0
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(3 << 62) | (1 << 56) | 0xffffffffffffff	// r and w, plm pl 0, exact
	;;
	adds r2=4,r10
	mov r3=0
	;;
	mov dbr[r3]=r2
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
	adds r11=4,r10
	adds r12=5,r10
	;;
	ld8 r5=[r10]		// hit
	;;
	ld4 r6=[r10]		// hit
	;;
	adds r13=8,r10
	adds r14=6,r10
	;;
	ld4 r7=[r13]		// miss
	;;
	ld2 r8=[r11]		// hit
	;;
	ld2 r9=[r14]		// miss
	;;
	ld1 r15=[r11]		// hit
	;;
	ld1 r16=[r12]		// miss
	;;
	st16 [r10]=r5,ar.csd	// hit
	;;
	ld8 r17=[r10]
	;;
	break.i 0
	;;
