// PSR moves: mov from psr, ssm/rsm of system bits, sum/rum and mov psr.um of user bits.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=psr
	;;
	ssm psr.ac|psr.up
	;;
	srlz.d
	;;
	mov r3=psr
	rum psr.up
	;;
	mov r4=psr.um
	sum psr.mfl
	;;
	mov r5=psr
	mov r6=0x4
	;;
	mov psr.um=r6
	;;
	mov r7=psr
	rsm psr.ac
	;;
	srlz.d
	;;
	mov r8=psr
	break.i 0
	;;
