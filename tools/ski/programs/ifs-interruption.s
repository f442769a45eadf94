// IFS after an interruption taken with PSR.ic = 1. The SDM changes only IFS.v there: it is
// cleared (vol 2, IFS (CR23)); the frame marker IFS.ifm means something only with v = 1
// (rfi) and is written by cover. The model (and vti_core)
// clear v and leave ifm; Ski clears all of IFS (known-divergences.ts). A later cover with
// PSR.ic = 0 writes ifm and v = 1 again on both.
	.include "lib/ivt.inc"

	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r8=0x8000000000000185
	;;
	mov cr.ifs=r8
	;;
	ssm psr.ic
	;;
	srlz.d
	;;
	break.i 5
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r10=cr.ifs
	;;
	cover
	;;
	mov r11=cr.ifs
	;;
	mov r3=2
	break.i 0
	;;
