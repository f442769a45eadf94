// Register NaT Consumption faults (vector 0x5600, ISR.code 0x10, ISR.r/w by access): load
// address, store address, store value, mov to br? no: mov to ar, mov to cr, itc/ptc sources,
// mov to psr.l; and instructions that propagate NaTs silently (add, mov, cmp clears preds).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	;;
	ld8.s r3=[r2]
	;;
	ld8 r4=[r3]
	;;
	st8 [r3]=r2
	;;
	st4 [r2]=r3
	;;
	mov ar.unat=r3
	;;
	mov cr.dcr=r3
	;;
	mov psr.l=r3
	;;
	ptc.l r3,r2
	;;
	add r5=r3,r2
	mov r6=r3
	cmp.eq p1,p2=r3,r2
	;;
	mov r7=1
	break.i 0
	;;
