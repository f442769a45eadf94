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
	ENTER_CPL 3, user
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
