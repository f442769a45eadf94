// The walker's own reference: short format, PTA base 0x800000, 256 KiB (size 18), region 1
// (rid 0x99, 16 KiB pages, RR.ve = 1). The VHPT's first 64 KiB are mapped by DTR 0; its next
// 64 KiB are not mapped: a miss whose entry lies there is a VHPT Data fault (0x0000; IFA =
// the address, IHA = the entry's address, ITIR = the VHPT address's region defaults). The
// third 64 KiB are mapped with the access bit 0 and the fourth uncacheable (ma = UC): the walk
// is aborted and the miss is a Data TLB fault (0x0800). (PSR.ic = 0: vhpt-nested-ic0.)
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
	movl r12=0x800000 | (18 << 2) | 1
	;;
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	DTR 1, 0x2000000000820000, "(16 << 2)", "0x820000 | 1 | (1 << 6) | (2 << 9)"
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
	// Page 0x4000 (entry in the page with a = 0): the walk aborts, Data TLB fault.
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
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
