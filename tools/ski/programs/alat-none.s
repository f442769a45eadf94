// Advanced loads without -alat (Ski keeps no ALAT, the model has none: every check misses,
// which the SDM permits): ld.a loads, ld.c reloads, chk.a always branches to its recovery,
// invala and invala.e do nothing visible; ld.bias loads.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x77
	;;
	st8 [r2]=r3
	;;
	ld8.a r4=[r2]
	;;
	mov r3=0x78
	;;
	st8 [r2]=r3
	;;
	ld8.c.clr r4=[r2]
	;;
	ld4.c.nc r5=[r2]
	;;
	ld8.c.clr.acq r6=[r2],8
	;;
	chk.a.nc r4,rec
back:
	mov r7=1
	;;
	chk.a.clr r5,rec2
back2:
	invala
	;;
	invala.e r4
	;;
	ld2.bias r8=[r2]
	adds r9=-8,r2
	;;
	ld1.bias r10=[r9],1
	;;
	ld8.sa r11=[r2]
	;;
	break.i 0
	;;
rec:
	adds r12=1,r12
	br.sptk.many back
	;;
rec2:
	adds r13=1,r13
	br.sptk.many back2
	;;
