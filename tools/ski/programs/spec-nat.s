// Control speculation in physical mode (every ld.s is deferred there on Ski; the SDM permits
// it): the NaT propagates through arithmetic, chk.s.m and chk.s.i branch to recovery code on
// it, tnat reads it, and a non-speculative use (load address, store value, mov to ar) is a NaT
// Consumption fault. ld.s with a NaT address and post-increment.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	;;
	ld8.s r3=[r2],8
	;;
	add r4=r3,r2
	mov r5=7
	;;
	tnat.nz p1,p2=r4
	tnat.z p3,p4=r5
	;;
	chk.s.m r4,rec1
back1:
	mov r6=1
	;;
	chk.s.i r5,rec2
	;;
back2:
	chk.s.i r3,rec3
	;;
back3:
	mov r7=2
	;;
	ld8 r8=[r4]
	;;
	st8 [r2]=r4
	;;
	mov ar.k0=r4
	;;
	ld4.s r9=[r4],4
	;;
	mov r10=3
	break.i 0
	;;
rec1:
	mov r11=0x11
	br.sptk.many back1
	;;
rec2:
	adds r12=1,r12
	br.sptk.many back2
	;;
rec3:
	adds r13=1,r13
	br.sptk.many back3
	;;
