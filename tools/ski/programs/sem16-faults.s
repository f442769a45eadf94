// Faults of the 16-byte accesses: Register NaT Consumption on the address or the stored
// value, and Unaligned Data Reference for ld16/st16 not 16-aligned and cmp8xchg16 not 8-aligned.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x1111111111111111, 0x2222222222222222, 0x3333333333333333, 0x4444444444444444
	.text
	.global _start
_start:
	START
	ENTER_CPL 0, go
	movl r2=buf
	;;
	ld8.s r20=[r0]
	adds r3=8,r2
	adds r4=4,r2
	;;
	ld16 r5,ar.csd=[r20]
	;;
	st16 [r2]=r20,ar.csd
	;;
	ld16 r6,ar.csd=[r3]
	;;
	st16 [r3]=r2,ar.csd
	;;
	cmp8xchg16.acq r7=[r4],r2,ar.csd,ar.ccv
	;;
	cmp8xchg16.acq r8=[r20],r2,ar.csd,ar.ccv
	;;
	break.i 0
	;;
