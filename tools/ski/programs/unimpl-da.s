// config: palen=40
// Data accesses to unimplemented physical addresses (palen 40) with translation off: a load
// and a store above bit 39, each faulting with IFA = the address.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x20000600000
	;;
	ld8 r3=[r2]
	;;
	mov r4=1
	;;
	st8 [r2]=r4
	;;
	mov r5=2
	movl r6=0x8000000000600000
	;;
	ld8 r7=[r6]
	;;
	mov r8=3
	break.i 0
	;;
