// Control speculation with PSR.dt = 1 and PSR.it = 0: ld8.s through a data translation
// register loads like ld8; on an unmapped page it takes the Alternate Data TLB fault
// (ISR.sp = 1) with DCR.dm = 0 and also with DCR.dm = 1: DCR deferral needs the code page's
// ITLB entry with ed = 1, and with PSR.it = 0 there is none (spec-defer.s has it).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
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
	mov r9=0x5a
	;;
	st8 [r4]=r9
	;;
	ld8.s r8=[r4]
	movl r11=0x2000000000900000
	;;
	ld8.s r10=[r11]
	;;
	mov r12=1
	mov r13=0x100
	;;
	mov cr.dcr=r13
	;;
	srlz.d
	;;
	ld8.s r14=[r11]
	;;
	ld4.sa r15=[r11],4
	;;
	chk.s.m r14,rec
	;;
back:
	mov r16=2
	mov cr.dcr=r0
	;;
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
rec:
	mov r17=0x33
	br.sptk.many back
	;;
