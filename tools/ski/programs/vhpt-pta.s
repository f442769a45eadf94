// PTA (CR8) fields: ve 0, size 7:2, vf 8, base 63:15; bit 1 and bits 14:9 are reserved and
// sizes below 15 are reserved values: each such mov to cr.pta is a Reserved Register/Field
// fault (0x5400) and leaves PTA as it was, read back after each move (PSR.ic = 1: PTA is not an
// interruption register).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000a00000 | (1 << 8) | (20 << 2) | 1
	;;
	mov cr.pta=r2
	;;
	srlz.d
	;;
	mov r8=cr.pta
	mov r3=0x3e
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r9=cr.pta
	mov r10=r24
	mov r3=(15 << 2) | 2
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r11=cr.pta
	mov r12=r24
	mov r24=r0
	movl r3=(15 << 2) | (1 << 9)
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r13=cr.pta
	mov r14=r24
	mov r24=r0
	movl r3=(15 << 2) | (1 << 14)
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r15=cr.pta
	mov r19=r24
	mov r24=r0
	movl r3=0xffffffffffff8000 | (61 << 2) | (1 << 8)
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r20=cr.pta
	mov r21=r24
	mov r3=(15 << 2)
	;;
	mov cr.pta=r3
	;;
	srlz.d
	;;
	mov r22=cr.pta
	break.i 0
	;;
