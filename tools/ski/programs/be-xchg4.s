// PSR.be for a 4-byte semaphore: xchg4 loads and stores 4 bytes in big-endian order.
	.include "lib/ivt.inc"
	.data
	.align 16
buf:	data8 0x0807060504030201, 0x100f0e0d0c0b0a09
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r3=0x1122334455667788
	;;
	sum psr.be
	;;
	xchg4 r4=[r2],r3
	;;
	rum psr.be
	;;
	ld8 r5=[r2]
	;;
	break.i 0
	;;
