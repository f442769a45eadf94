// Instruction translation (PSR.it = 1, one 16 MiB identity ITR over code and vector table):
// a branch to an unmapped page in region 1 takes the Alternate Instruction TLB fault (0x0c00)
// at the target, with IFA = IIP = the target and ISR.x; the handler resumes at r23.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITR_IDENTITY "1 | (1 << 5) | (1 << 6) | (3 << 9)"
	srlz.i
	;;
	RFI_TO "(1 << 36) | (1 << 13)", virt
	movl r8=0x2000000000100000
	movl r23=back
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back:
	mov r9=1
	break.i 0
	;;
