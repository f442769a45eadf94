// The VHPT walker, long format (PTA.vf = 1, 32-byte entries: PTE, ITIR, tag, ignored): region 1
// (rid 0x99, 16 KiB pages, RR.ve = 1), PTA 0x2000000000800000 (the VHPT's region from PTA{63:61}),
// 32 KiB. The entry of page 0x180 (hash 0x180 ^ 0x99, at 0x2000000000802320) carries its own
// ITIR: 4 KiB pages, key 0x55 (tak returns it); a second 4 KiB page of the same 16 KiB hash page
// finds the same entry and maps to the same physical page. An entry whose tag is another
// page's, and one with ti = 1, fail the walk: Data TLB fault (0x0800, IHA). thash and ttag of
// the addresses are read too.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.data
buf:	.quad 0x1122334455667788
	.quad 0x99aabbccddeeff00
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
	// Page 0x180: PTE, ITIR (ps 12, key 0x55), tag (0x99 << 39 | 0x180), ignored word.
	movl r10=0x802320
	movl r11=0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	movl r12=(12 << 2) | (0x55 << 8)
	movl r13=(0x99 << 39) | 0x180
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r13,8
	;;
	st8 [r10]=r12
	// Page 0x181 (entry 0x802300): page 0x180's tag.
	movl r10=0x802300
	mov r12=(14 << 2)
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	;;
	st8 [r10]=r13
	// Page 0x182 (entry 0x802360): its own tag with ti = 1.
	movl r10=0x802360
	movl r13=(1 << 63) | (0x99 << 39) | 0x182
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
	srlz.d
	;;
	DT_ON
	movl r13=0x2000000000600000
	;;
	ld8 r14=[r13]
	movl r15=0x2000000000601008
	;;
	ld8 r19=[r15]
	tak r20=r13
	tpa r21=r15
	thash r22=r13
	ttag r28=r13
	movl r29=0x2000000000604000
	;;
	ld8 r30=[r29]
	;;
	mov r9=r24
	ttag r31=r29
	movl r29=0x2000000000608000
	;;
	ld8 r30=[r29]
	;;
	mov r8=r24
	thash r3=r29
	;;
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
