// PSR.da set by rfi suppresses the Data Access Bit fault for one instruction only: the first
// load from a page with its access bit clear completes, the next one faults (0x2800).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2)
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r4=0x2000000000600000
	mov r5=(14 << 2)
	movl r6=0x600000 | 1 | (1 << 6) | (2 << 9)
	mov r7=1
	;;
	mov cr.ifa=r4
	mov cr.itir=r5
	;;
	srlz.d
	;;
	itr.d dtr[r7]=r6
	;;
	movl r2=go
	mov r3=psr
	;;
	dep r3=-1,r3,38,1
	;;
	dep r3=-1,r3,17,1
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
go:
	ld8 r8=[r4]
	;;
	ld8 r9=[r4]
	;;
	mov r10=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
