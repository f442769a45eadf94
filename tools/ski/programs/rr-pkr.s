// Region and protection-key registers: writes read back, a reserved page size in RR
// (Reserved Register/Field fault), and a reserved bit in a PKR.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x123 << 8) | (14 << 2) | 1
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	mov r4=rr[r2]
	mov r5=(0x45 << 8) | (13 << 2)
	;;
	mov rr[r0]=r5
	;;
	srlz.d
	;;
	mov r6=rr[r0]
	mov r7=(0x45 << 8) | (3 << 2)
	;;
	mov rr[r0]=r7
	;;
	srlz.d
	;;
	mov r8=rr[r0]
	mov r9=(0x77 << 8) | 1
	mov r10=2
	;;
	mov pkr[r10]=r9
	;;
	srlz.d
	;;
	mov r11=pkr[r10]
	break.i 0
	;;
