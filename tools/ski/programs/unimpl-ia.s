// config: palen=40
// A branch to an unimplemented physical address (bit 40 set, palen 40) with translation off:
// the Unimplemented Instruction Address trap, taken on the branch, with IIP = the target.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x10000100000
	movl r23=back
	;;
	mov b1=r2
	;;
	br.sptk.many b1
	;;
back:
	mov r3=1
	movl r4=0x4000000000100000
	;;
	movl r23=back2
	mov b2=r4
	;;
	br.sptk.many b2
	;;
back2:
	mov r5=2
	break.i 0
	;;
