// The one-instruction PSR bits: rfi sets id, da, dd, ed and ia from IPSR; each is cleared
// once the next instruction completes.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=target
	mov r3=psr
	movl r4=(1 << 37) | (1 << 38) | (1 << 39) | (1 << 43) | (1 << 45) | (1 << 13)
	;;
	or r3=r3,r4
	mov cr.iip=r2
	;;
	mov cr.ipsr=r3
	;;
	rfi
	;;
target:
	mov r5=1
	mov r6=2
	mov r7=3
	;;
	mov r8=psr
	break.i 0
	;;
