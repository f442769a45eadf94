// What the walker's own reference needs, and where the walker reads: region 1 (rid 0x99, 16 KiB
// pages, RR.ve = 1), short format VHPT at 0x800000, 256 KiB, PSR.pk = 1 (PKR 0: key 0, PKR 1:
// key 0x99, the pages' key from RR1). Its 64 KiB quarters are mapped by DTR 0 (normal), DTR 1
// (NaTPage), DTR 2 (key 0x77, in no PKR) and DTR 3 (not present): a walk through each of the
// last three is aborted, a Data TLB fault (0x0800). A speculative load walks like a load
// (ld8.s of page 0x181), and an undeferred speculative load whose walk fails (page 0x182,
// reserved entry) takes the Data TLB fault with ISR.sp. With DCR.be = 1 the walker reads its
// entries big-endian (page 0x183's entry is stored byte-reversed).
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
	mov r8=0
	mov r9=1
	mov r10=1
	mov r11=(0x99 << 8) | 1
	;;
	mov pkr[r8]=r10
	;;
	mov pkr[r9]=r11
	;;
	srlz.d
	;;
	// Entries: pages 0x180, 0x181 valid, 0x182 reserved, 0x183 valid big-endian; 0x2000, 0x4000, 0x6000 valid.
	movl r10=0x800c00
	movl r11=0x600000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	movl r12=0x600000 | 3 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r11,8
	;;
	st8 [r10]=r12,8
	mux1 r13=r11,@rev
	;;
	st8 [r10]=r13
	movl r10=0x810000
	;;
	st8 [r10]=r11
	movl r10=0x820000
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
	DTR 1, 0x2000000000810000, "(16 << 2)", "0x810000 | 1 | (7 << 2) | (1 << 5) | (1 << 6) | (2 << 9)"
	DTR 2, 0x2000000000820000, "(16 << 2) | (0x77 << 8)", "0x820000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	DTR 3, 0x2000000000830000, "(16 << 2)", "0x830000 | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	ssm psr.ic|psr.dt|psr.pk
	;;
	srlz.d
	;;
	movl r13=0x2000000000600000
	;;
	ld8 r14=[r13]
	movl r13=0x2000000008000000
	;;
	ld8 r14=[r13]
	;;
	mov r8=r24
	mov r24=r0
	movl r13=0x2000000010000000
	;;
	ld8 r14=[r13]
	;;
	mov r9=r24
	mov r24=r0
	movl r13=0x2000000018000000
	;;
	ld8 r14=[r13]
	;;
	mov r10=r24
	mov r24=r0
	movl r13=0x2000000000604008
	;;
	ld8.s r15=[r13]
	movl r13=0x2000000000608000
	;;
	ld8.s r19=[r13]
	;;
	mov r11=r24
	mov r24=r0
	mov r3=2
	;;
	mov cr.dcr=r3
	movl r13=0x200000000060c000
	;;
	srlz.d
	;;
	ld8 r20=[r13]
	;;
	mov cr.dcr=r0
	;;
	rsm psr.dt|psr.pk
	;;
	srlz.d
	;;
	break.i 0
	;;
