// The VHPT walker for instruction fetches: code runs translated (PSR.it = 1, one identity ITR
// over region 0) with PSR.dt = PSR.ic = 1; region 1 (rid 0x99, 16 KiB pages, RR.ve = 1), short
// format VHPT at 0x800000, 128 KiB, its first 64 KiB mapped by DTR 0. A branch to region 1
// page 0x40 walks: its entry maps the code page 0x100000 (the instruction TC), and the code at
// `far` runs there. Page 0x41's entry has a reserved bit: Instruction TLB fault (0x0400, IHA).
// Page 0x2000's entry lies in the unmapped half of the VHPT: VHPT Instruction fault (0x0000).
// With PSR.ic = 0 the instruction walker is disabled: a branch to page 0x42 (valid entry) is an
// Alternate Instruction TLB fault (0x0c00); with PSR.ic = 1 again the same branch walks.
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
	movl r10=0x800200
	movl r11=0x100000 | 1 | (1 << 5) | (1 << 6) | (3 << 9)
	movl r12=0x100000 | 3 | (1 << 5) | (1 << 6) | (3 << 9)
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r11
	movl r12=0x800000 | (17 << 2) | 1
	;;
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	ITR_IDENTITY "1 | (1 << 5) | (1 << 6) | (3 << 9)"
	srlz.i
	;;
	RFI_TO "(1 << 36) | (1 << 17) | (1 << 13)", virt
	// Page 0x40: the walk inserts the code page; `far` returns through b7.
	movl r8=far + 0x2000000000000000
	movl r10=back1
	;;
	mov b6=r8
	mov b7=r10
	;;
	br.sptk.many b6
	;;
back1:
	mov r14=r24
	// Page 0x41: reserved entry, Instruction TLB fault.
	movl r8=far + 0x2000000000004000
	movl r23=back2
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back2:
	mov r15=r24
	// Page 0x2000: the entry's page is not mapped, VHPT Instruction fault.
	movl r8=far + 0x2000000008000000
	movl r23=back3
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back3:
	mov r19=r24
	// PSR.ic = 0: page 0x42 is an Alternate Instruction TLB fault (IIP, IPSR set first).
	movl r8=far + 0x2000000000008000
	movl r23=back4
	movl r3=(1 << 36) | (1 << 17) | (1 << 13)
	;;
	mov b6=r8
	rsm psr.ic
	;;
	srlz.d
	;;
	mov cr.ipsr=r3
	mov cr.iip=r23
	;;
	br.sptk.many b6
	;;
back4:
	mov r20=r24
	// PSR.ic = 1: the same branch walks and runs `far` at page 0x42.
	movl r10=back5
	;;
	mov b7=r10
	br.sptk.many b6
	;;
back5:
	mov r21=r24
	break.i 0
	;;
far:
	adds r9=1,r9
	;;
	br.sptk.many b7
	;;
