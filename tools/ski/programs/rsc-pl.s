// RSC.pl written with a more privileged level than cpl: at cpl 3 the write keeps pl = 3.
// Also the mode bits and a kernel register at cpl 3 (write: Privileged Register fault).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=user
	mov r3=psr
	;;
	dep r3=-1,r3,32,2
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
user:
	mov r4=0x3
	;;
	mov ar.rsc=r4
	;;
	mov r5=ar.rsc
	mov r6=0xc
	;;
	mov ar.rsc=r6
	;;
	mov r7=ar.rsc
	;;
	mov ar.k1=r7
	;;
	mov r8=ar.k1
	mov r9=1
	;;
	break.i 0
	;;
