// The VHPT walker, short format (PTA.vf = 0): region 1 (rid 0x99, 16 KiB pages, RR.ve = 1),
// PTA base 0x800000, 32 KiB, enabled; the VHPT is mapped by DTR 0. A load from an unmapped
// page walks: the entry at thash(va) (0x2000000000800c00 for page 0x180) is inserted into the
// data TC and the load completes; a store goes through the same entry. An entry with p = 0 is
// inserted as it is (Data Page Not Present, 0x5000); an entry with a reserved field fails the
// walk: Data TLB fault (0x0800, IHA = the entry's address). tak and tpa see the inserted entry.
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
	// The entries of pages 0x180-0x182, stored physically (PSR.dt = 0).
	movl r10=0x800c00
	movl r11=0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r0,8
	movl r11=0x600000 | 3 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	st8 [r10]=r11
	movl r12=0x800000 | (15 << 2) | 1
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
	adds r15=8,r13
	;;
	ld8 r31=[r15]
	mov r3=0x5a
	;;
	st8 [r15]=r3
	;;
	ld8 r2=[r15]
	tak r19=r13
	tpa r20=r15
	movl r21=0x2000000000604000
	;;
	ld8 r22=[r21]
	;;
	mov r9=r24
	movl r28=0x2000000000608000
	;;
	ld8 r29=[r28]
	;;
	mov r8=r24
	thash r30=r28
	;;
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
