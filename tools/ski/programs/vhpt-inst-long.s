// Instruction fetches through a long-format VHPT (PTA.vf = 1, 0x2000000000800000, 32 KiB):
// code runs translated (identity ITR over region 0) with PSR.dt = PSR.ic = 1; region 1 (rid
// 0x99, 16 KiB pages, RR.ve = 1). Page 0x40's entry (at 0x2000000000801b20, hash 0x40 ^ 0x99)
// maps the code page with its own ITIR (4 KiB pages): `far` runs there through the instruction
// TC. Page 0x41's entry is not present (p = 0) but valid: it is inserted and the fetch takes
// Instruction Page Not Present (0x5000, ISR.x). Page 0x42's entry carries page 0x41's tag:
// Instruction TLB fault (0x0400, IHA).
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
	// Page 0x40 (entry 0x801b20): PTE, ITIR (ps 12), tag.
	movl r10=0x801b20
	movl r11=0x100000 | 1 | (1 << 5) | (1 << 6) | (3 << 9)
	mov r12=(12 << 2)
	movl r13=(0x99 << 39) | 0x40
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r13
	// Page 0x41 (entry 0x801b00): p = 0, its own tag.
	movl r10=0x801b00
	movl r13=(0x99 << 39) | 0x41
	mov r12=(14 << 2)
	;;
	st8 [r10]=r0,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r13
	// Page 0x42 (entry 0x801b60): page 0x41's tag.
	movl r10=0x801b60
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r13
	movl r12=0x2000000000800000 | (1 << 8) | (15 << 2) | 1
	;;
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	ITR_IDENTITY "1 | (1 << 5) | (1 << 6) | (3 << 9)"
	srlz.i
	;;
	RFI_TO "(1 << 36) | (1 << 17) | (1 << 13)", virt
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
	movl r8=far + 0x2000000000004000
	movl r23=back2
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back2:
	mov r15=r24
	mov r24=r0
	movl r8=far + 0x2000000000008000
	movl r23=back3
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back3:
	mov r19=r24
	break.i 0
	;;
far:
	adds r9=1,r9
	;;
	br.sptk.many b7
	;;
