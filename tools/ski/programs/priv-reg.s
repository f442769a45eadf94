// Privileged registers at cpl 3: a write to a kernel register, a read of a CR, a write of
// ar.itc and of a region register each fault; reading a kernel register does not.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=7
	;;
	mov ar.k2=r2
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
	mov r4=ar.k2
	mov r5=1
	;;
	mov ar.k2=r5
	;;
	mov r6=cr.dcr
	;;
	mov r7=2
	;;
	mov rr[r0]=r7
	;;
	mov r8=3
	;;
	mov ar.itc=r8
	;;
	mov r9=4
	break.i 0
	;;
