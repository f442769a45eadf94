// st8.spill at eight consecutive doublewords sets and clears ar.unat bits {8:3} of each
// address (NaT and non-NaT values alternately); ld8.fill restores the NaTs; a spill at an
// address 512 bytes higher reuses the same bit.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x3000f0
	movl r9=0x300000
	mov r3=7
	;;
	ld8.s r4=[r9]
	mov ar.unat=r0
	;;
	st8.spill [r2]=r4,8
	;;
	st8.spill [r2]=r3,8
	;;
	st8.spill [r2]=r4,8
	;;
	mov r5=ar.unat
	adds r2=-24,r2
	;;
	ld8.fill r6=[r2],8
	;;
	ld8.fill r7=[r2],8
	;;
	ld8.fill r8=[r2]
	movl r10=0x3002f0
	;;
	st8.spill [r10]=r3
	;;
	mov r11=ar.unat
	;;
	ld8.fill r12=[r10]
	mov r13=-1
	;;
	mov ar.unat=r13
	;;
	ld8.fill r14=[r10]
	;;
	tnat.nz p1,p2=r14
	tnat.nz p3,p4=r6
	;;
	break.i 0
	;;
