// Post-increment by a NaT register: only the address is consumed, so ld8.s, lfetch, ld8.fill
// and ld8 all complete and r3 takes the increment's NaT (ld8.s's target is deferred too, in
// physical mode).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	;;
	ld8.s r3=[r2]
	mov r4=r2
	mov r5=r2
	;;
	mov r6=r2
	mov r7=r2
	;;
	ld8.s r8=[r4],r3
	;;
	lfetch [r5],r3
	;;
	ld8.fill r9=[r6],r3
	;;
	ld8 r10=[r7],r3
	;;
	tnat.nz p1,p2=r4
	tnat.nz p3,p4=r5
	;;
	mov r11=1
	break.i 0
	;;
