// PSR.be for st8.spill/ld8.fill (the NaT still goes through ar.unat) and a speculative load.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x0807060504030201, 0x100f0e0d0c0b0a09
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x1122334455667788
	;;
	ld8.s r20=[r0]
	sum psr.be
	;;
	st8.spill [r2]=r3,8
	;;
	st8.spill [r2]=r20
	adds r2=-8,r2
	;;
	ld8.fill r4=[r2],8
	;;
	ld8.fill r5=[r2]
	adds r2=-8,r2
	;;
	ld8.s r6=[r2]
	rum psr.be
	;;
	ld8 r7=[r2]
	mov r8=ar.unat
	;;
	break.i 0
	;;
