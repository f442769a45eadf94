// probe.r (regular form) on a virtual address with no translation (region 1; RR.ve and PTA.ve are 0): an
// Alternate Data TLB fault with ISR.na set and the instruction's ISR.code{3:0} and r/w bits.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	ssm psr.dt
	;;
	srlz.d
	;;
	movl r2=0x2000000000400000
	;;
	probe.r r3=r2,0
	;;
	mov r4=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
