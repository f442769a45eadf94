// A data translation register: itr.d maps virtual page 0x2000000000600000 (region 1, 16 KiB
// page) to physical 0x600000; loads and stores through it with PSR.dt = 1, then a load from an
// unmapped page takes the Alternate Data TLB fault (IFA = the address, ITIR from RR1).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.data
buf:	.quad 0x1122334455667788
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	DTR 1, 0x2000000000600000, "(14 << 2)", "0x600000 | (1 << 0) | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	DT_ON
	ld8 r8=[r4]
	mov r9=0x5a
	;;
	st8 [r4]=r9,8
	;;
	adds r4=-8,r4
	;;
	ld8 r10=[r4]
	movl r11=0x2000000000900000
	;;
	ld8 r12=[r11]
	;;
	mov r13=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
