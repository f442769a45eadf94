// mov psr.l at cpl 0: setting user and system bits of PSR{31:0} (up, ac, mfl, pk off, dfl, i
// off), reading them back with mov from psr, then restoring.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=psr
	movl r3=(1 << 2) | (1 << 3) | (1 << 4) | (1 << 13) | (1 << 18) | (1 << 21)
	;;
	mov psr.l=r3
	;;
	srlz.d
	;;
	mov r4=psr
	mov r5=psr.um
	;;
	mov psr.l=r2
	;;
	srlz.d
	;;
	mov r6=psr
	break.i 0
	;;
