// thash with the short-format VHPT (PTA.vf = 0) and a region register with a 16 KiB page
// size: the hash addresses of two virtual addresses. (ttag and the long-format hash are
// implementation-specific, so they are not compared with Ski.)
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x42 << 8) | (14 << 2)
	;;
	mov rr[r2]=r3
	movl r4=0x0000000000a00000 | (15 << 2) | 1
	;;
	mov cr.pta=r4
	;;
	srlz.d
	;;
	movl r5=0x2000000012345678
	;;
	thash r6=r5
	movl r8=0x20000000fedcba98
	;;
	thash r9=r8
	;;
	break.i 0
	;;
