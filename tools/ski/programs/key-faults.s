// Protection keys (PSR.pk = 1): a page with key 0x42 and no matching PKR is a Data Key Miss
// fault (0x1c00); with a valid PKR that disables writes a store is a Data Key Permission fault
// (0x5100) while a load works; a read-disabled key faults the load.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	DTR 1, 0x2000000000600000, "(0x42 << 8) | (14 << 2)", "0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	ssm psr.ic|psr.dt|psr.pk
	;;
	srlz.d
	;;
	ld8 r8=[r4]
	;;
	mov r9=(0x42 << 8) | 1 | 2
	;;
	mov pkr[r7]=r9
	;;
	srlz.d
	;;
	ld8 r10=[r4]
	;;
	st8 [r4]=r9
	;;
	mov r11=(0x42 << 8) | 1 | 4
	;;
	mov pkr[r7]=r11
	;;
	srlz.d
	;;
	ld8 r12=[r4]
	;;
	st8 [r4]=r11
	;;
	mov r13=1
	rsm psr.dt|psr.pk
	;;
	srlz.d
	;;
	break.i 0
	;;
