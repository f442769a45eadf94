// lfetch with PSR.dt = 1 on an unmapped page: the plain form does nothing, lfetch.fault takes
// the Alternate Data TLB fault with ISR.na, r and code 4 (IFA = the address).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	ssm psr.dt
	;;
	srlz.d
	;;
	movl r4=0x2000000000904000
	;;
	lfetch [r4],16
	;;
	lfetch.fault.nt1 [r4]
	;;
	mov r5=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
