// When the walker is not used: region 1 (rid 0x99, 16 KiB pages) has a valid short-format
// entry for page 0x180 at 0x800c00 and the VHPT is mapped by DTR 0. With PTA.ve = 0, and with
// PTA.ve = 1 but RR.ve = 0, a load from page 0x180 is an Alternate Data TLB fault (0x1000; IHA
// unchanged). With both set the same load walks; tpa of page 0x181 with PSR.dt = 0 does not
// walk either (Alternate Data TLB fault, the walker's references need PSR.dt = 1).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.data
buf:	.quad 0x1122334455667788
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2)
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	movl r10=0x800c00
	movl r11=0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r11
	// PTA.ve = 0.
	movl r12=0x800000 | (15 << 2)
	;;
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	DT_ON
	movl r13=0x2000000000600000
	;;
	ld8 r14=[r13]
	;;
	mov r8=r24
	// PTA.ve = 1, RR.ve = 0.
	movl r12=0x800000 | (15 << 2) | 1
	;;
	mov cr.pta=r12
	;;
	srlz.d
	;;
	ld8 r14=[r13]
	;;
	mov r9=r24
	// RR.ve = 1: the walk.
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2) | 1
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	ld8 r15=[r13]
	;;
	mov r19=r24
	// PSR.dt = 0: tpa of page 0x181 misses without a walk.
	rsm psr.dt
	;;
	srlz.d
	;;
	movl r20=0x2000000000604008
	;;
	tpa r21=r20
	;;
	mov r22=r24
	break.i 0
	;;
