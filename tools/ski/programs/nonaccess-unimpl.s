// config: valen=51 palen=40
// Non-access instructions on unimplemented addresses: tpa (virtual, valen 51), probe.r,
// probe.w.fault and fc (physical, palen 40). Each is an Unimplemented Data Address fault with
// IFA = the address; ISR.na and the instruction's r/w bits and code{3:0} as for its TLB faults.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x0080000000400000
	movl r3=0x0000040000400000
	;;
	tpa r4=r2
	;;
	mov r5=1
	;;
	probe.r r6=r3,r0
	;;
	mov r7=2
	;;
	probe.w.fault r3,0
	;;
	mov r8=3
	;;
	fc r3
	;;
	mov r9=4
	break.i 0
	;;
