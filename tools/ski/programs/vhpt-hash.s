// thash and ttag in both formats: region 1 (rid 0x99, 16 KiB pages) and region 2 (rid 0x1234,
// 64 KiB pages); short format (PTA.vf = 0, 64 KiB at 0xa00000: the region bits from the
// address) and long format (PTA.vf = 1, 1 MiB at 0x4000000000c00000: the region bits from PTA,
// the index hashed with the region id). The long-format hash and the tag are implementation
// specific; the model computes them as Ski (model/exec/vhpt.ts).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2) | 1
	;;
	mov rr[r2]=r3
	movl r2=0x4000000000000000
	movl r3=(0x1234 << 8) | (16 << 2)
	;;
	mov rr[r2]=r3
	movl r4=0xa00000 | (16 << 2) | 1
	;;
	mov cr.pta=r4
	;;
	srlz.d
	;;
	movl r5=0x2000000012345678
	movl r6=0x40000abcdef01234
	;;
	thash r8=r5
	thash r9=r6
	ttag r10=r5
	ttag r11=r6
	movl r4=0x4000000000c00000 | (1 << 8) | (20 << 2) | 1
	;;
	mov cr.pta=r4
	;;
	srlz.d
	;;
	thash r12=r5
	thash r13=r6
	ttag r14=r5
	ttag r15=r6
	movl r7=0x1fffffffffffc000
	;;
	thash r19=r7
	ttag r20=r7
	break.i 0
	;;
