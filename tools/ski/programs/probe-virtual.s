// probe (regular and fault forms) with PSR.dt = 1 against translation registers: a read-only
// page at pl 0 (probe.w gives 0, probe.r 1; at level 3 both 0), a read-write page at pl 3,
// probe.rw.fault on the read-only page (Data Access Rights, ISR.na r w, code 5), probe.r on an
// unmapped page (Alternate Data TLB, code 2).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 1, 0, (1 | (1 << 5) | (1 << 6) | (0 << 9))
	MAP16K 2, 1, (1 | (1 << 5) | (1 << 6) | (3 << 7) | (2 << 9))
	DT_ON
	movl r8=0x2000000000600000
	movl r9=0x2000000000604000
	mov r3=3
	;;
	probe.r r10=r8,r0
	probe.w r11=r8,r0
	;;
	probe.r r12=r8,r3
	probe.w r13=r9,r3
	;;
	probe.r r14=r9,2
	probe.w r15=r8,1
	;;
	probe.r.fault r8,0
	;;
	probe.rw.fault r8,0
	;;
	mov r16=1
	movl r17=0x2000000000700000
	;;
	probe.r r18=r17,r0
	;;
	mov r19=2
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
