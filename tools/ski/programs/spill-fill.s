// st8.spill and ld8.fill: the spilled register's NaT goes to ar.unat at bit address{8:3} and
// comes back with ld8.fill; a NaT (from ld8.s, deferred in physical mode) is spilled without a
// fault, while a plain st8 of it is a NaT Consumption fault.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x1234
	;;
	mov ar.unat=r0
	ld8.s r4=[r2]
	;;
	st8.spill [r2]=r3,8
	;;
	st8.spill [r2]=r4,8
	;;
	mov r5=ar.unat
	adds r2=-16,r2
	;;
	ld8.fill r6=[r2],8
	;;
	ld8.fill r7=[r2]
	;;
	tnat.nz p1,p2=r7
	tnat.nz p3,p4=r6
	;;
	mov r8=ar.unat
	movl r9=0x300100
	;;
	st8.spill [r9]=r3
	;;
	mov r10=ar.unat
	;;
	st8 [r9]=r4
	;;
	ld8 r11=[r9]
	;;
	break.i 0
	;;
