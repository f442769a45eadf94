// Predicate moves: mov pr=r,mask, mov r=pr, and predicated moves that follow them.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x5555aaaa5555aaaa
	;;
	mov pr=r2,0x1ffff
	;;
	mov r3=pr
	;;
(p3)	mov r4=1
(p2)	mov r5=2
	;;
	mov pr=r0,-1
	;;
	mov r6=pr
	cmp.eq p9,p10=r0,r0
	;;
	mov r7=pr
	break.i 0
	;;
