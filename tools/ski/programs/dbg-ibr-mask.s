// Instruction breakpoints by mask and privilege level: pair 0 covers 32 bytes (two bundles)
// at pl 0 only, pair 1 one bundle at pl 3 only. At pl 0 every instruction of the two bundles
// faults and pair 1's bundle runs; after ENTER_CPL 3 pair 1's bundle faults and pair 0's run.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bp0
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffe0	// x, plm pl 0, 32 bytes
	mov r3=0
	;;
	mov ibr[r3]=r2
	mov r3=1
	;;
	mov ibr[r3]=r4
	movl r2=bp1
	movl r4=(1 << 63) | (1 << 59) | 0xfffffffffffff0	// x, plm pl 3, one bundle
	mov r3=2
	;;
	mov ibr[r3]=r2
	mov r3=3
	;;
	mov ibr[r3]=r4
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.i
	;;
	br.sptk.many bp0
	;;
	.align 4096
bp0:
	mov r5=1
	mov r6=2
	mov r7=3
	;;
	mov r8=4
	mov r9=5
	mov r10=6
	;;
bp1:
	mov r11=7		// pl 0: no match
	mov r12=8
	mov r13=9
	;;
	cmp.eq p8,p0=10,r14	// back from pl 3
	;;
(p8)	break.i 0
	;;
	ENTER_CPL 3, at3
	br.sptk.many page2
	;;
	.align 4096
page2:
	mov r14=10		// pl 3: pair 0 misses
	movl r2=bp1
	;;
	mov b6=r2
	;;
	br.sptk.many b6		// to bp1 from another page
	;;
