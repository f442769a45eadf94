// PSR.da set by rfi suppresses the Data Access Bit fault for one instruction only: the first
// load from a page with its access bit clear completes, the next one faults (0x2800).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	DTR 1, 0x2000000000600000, "(14 << 2)", "0x600000 | 1 | (1 << 6) | (2 << 9)"
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
