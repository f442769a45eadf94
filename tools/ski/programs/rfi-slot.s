// rfi resumes at IPSR.ri: to slot 1 and to slot 2 of a bundle, with PSR.ic cleared and set
// again by IPSR.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=target
	mov r3=psr
	;;
	dep r3=-1,r3,13,1
	;;
	mov r20=1
	mov cr.iip=r2
	;;
	dep r3=r20,r3,41,2
	;;
	mov cr.ipsr=r3
	;;
	rfi
	;;
target:
	{ .mii
	mov r4=1
	mov r5=2
	mov r6=3
	}
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=target2
	mov r3=psr
	;;
	dep r3=-1,r3,13,1
	;;
	mov r20=2
	mov cr.iip=r2
	;;
	dep r3=r20,r3,41,2
	;;
	mov cr.ipsr=r3
	;;
	rfi
	;;
target2:
	{ .mii
	mov r7=1
	mov r8=2
	mov r9=3
	}
	;;
	break.i 0
	;;
