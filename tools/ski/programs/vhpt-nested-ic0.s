// As vhpt-nested, with PSR.ic = 0: a walk whose own reference misses is a Data Nested TLB
// fault (0x1400; IIP and IPSR are not written, so the program sets them first), and a walk
// that succeeds inserts its entry with PSR.ic = 0 as well (the data walker does not depend on
// PSR.ic).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2) | 1
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	// Valid entries at 0x820000 (page 0x4000) and 0x830000 (page 0x6000).
	movl r10=0x820000
	movl r11=0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	st8 [r10]=r11
	movl r10=0x830000
	;;
	st8 [r10]=r11
	movl r10=0x820008
	;;
	st8 [r10]=r11
	movl r12=0x800000 | (18 << 2) | 1
	;;
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	DTR 1, 0x2000000000820000, "(16 << 2)", "0x820000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	DTR 2, 0x2000000000830000, "(16 << 2)", "0x830000 | 1 | (4 << 2) | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	DT_ON
	// Page 0x2000 (entry 0x810000, not mapped): VHPT Data fault.
	movl r13=0x2000000008000000
	;;
	ld8 r14=[r13]
	;;
	mov r8=r24
	// Page 0x4000 (its entry's page mapped with a = 1 here): the walk succeeds.
	movl r13=0x2000000010000000
	;;
	st8 [r13]=r0
	;;
	mov r9=r24
	// Page 0x6000 (entry in UC memory): the walk aborts, Data TLB fault.
	movl r13=0x2000000018000000
	;;
	ld4 r14=[r13]
	;;
	mov r10=r24
	// A walk that succeeds with PSR.ic = 0 (page 0x4001's entry).
	movl r13=0x2000000010004000
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	ld8 r14=[r13]
	;;
	ssm psr.ic
	;;
	srlz.d
	;;
	// PSR.ic = 0: the VHPT Data fault is a Data Nested TLB fault.
	movl r13=0x2000000008004000
	movl r23=after
	;;
	rsm psr.ic
	;;
	srlz.d
	mov r3=psr
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.ipsr=r3
	mov cr.iip=r23
	;;
	ld8 r14=[r13]
	;;
after:
	mov r11=r24
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
