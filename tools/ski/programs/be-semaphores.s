// PSR.be for 8-byte semaphores and the 16-byte accesses: xchg8, cmpxchg8, fetchadd8,
// ld16/st16 in big-endian, checked with little-endian reads.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x0807060504030201, 0x100f0e0d0c0b0a09, 0x1817161514131211, 0x201f1e1d1c1b1a19
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x1122334455667788
	movl r10=0x0102030405060708
	;;
	mov ar.ccv=r10
	sum psr.be
	;;
	xchg8 r4=[r2],r3
	;;
	cmpxchg8.acq r5=[r2],r3,ar.ccv
	;;
	fetchadd8.acq r6=[r2],1
	;;
	adds r11=16,r2
	;;
	ld16 r7,ar.csd=[r11]
	;;
	mov r8=ar.csd
	st16 [r2]=r3,ar.csd
	;;
	rum psr.be
	;;
	ld8 r9=[r2],8
	;;
	ld8 r12=[r2]
	;;
	break.i 0
	;;
