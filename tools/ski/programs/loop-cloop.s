// br.cloop counting ar.lc down to 0 (the last iteration falls through with lc 0), a nested
// counted loop through a register, and br.cond on a predicate set by the loop.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=0
	mov r3=3
	;;
	mov ar.lc=r3
	;;
top:
	adds r2=2,r2
	;;
	br.cloop.sptk.few top
	;;
	mov r4=ar.lc
	mov r5=2
	;;
outer:
	mov r6=1
	;;
	mov ar.lc=r6
	;;
inner:
	adds r7=1,r7
	br.cloop.dptk.many inner
	;;
	adds r5=-1,r5
	;;
	cmp.ne p6,p7=0,r5
	;;
(p6)	br.cond.sptk.many outer
	;;
	mov r8=ar.lc
	break.i 0
	;;
