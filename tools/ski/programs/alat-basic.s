// ski: -alat
// The ALAT with Ski's -alat: ld8.a allocates an entry for r4; an ordinary write to r4 does
// not remove it, so ld8.c.nc finds it and keeps r4 (no reload); chk.a.nc does not branch;
// a 1-byte store into the middle of the loaded doubleword removes it (ld8.c.clr reloads,
// chk.a.nc branches); stores next to the entry (before, after) leave it; ld4.sa allocates
// for nothing (deferred: Ski defers every ld.s in physical mode), ld2.a for r6 and ld1.a
// for r7, each removed only by its own overlapping store.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x77
	;;
	st8 [r2]=r3,8
	;;
	st8 [r2]=r3,-8
	;;
	ld8.a r4=[r2]
	;;
	mov r4=5
	;;
	ld8.c.nc r4=[r2]
	;;
	chk.a.nc r4,rec1
back1:
	adds r8=-1,r2
	adds r9=8,r2
	;;
	st1 [r8]=r3
	;;
	st8 [r9]=r3
	;;
	chk.a.nc r4,rec2
back2:
	adds r10=3,r2
	;;
	st1 [r10]=r0
	;;
	chk.a.nc r4,rec3
back3:
	ld8.c.clr r4=[r2]
	;;
	ld4.sa r5=[r2]
	adds r11=4,r2
	;;
	ld2.a r6=[r11]
	adds r12=6,r2
	;;
	ld1.a r7=[r12]
	;;
	st2 [r11]=r3
	;;
	chk.a.nc r5,rec4
back4:
	chk.a.nc r6,rec5
back5:
	chk.a.nc r7,rec6
back6:
	mov r5=9
	mov r7=10
	;;
	ld4.c.nc r5=[r2]
	ld1.c.clr r7=[r12]
	;;
	break.i 0
	;;
rec1:	adds r20=1,r20
	br.sptk.many back1
	;;
rec2:	adds r21=1,r21
	br.sptk.many back2
	;;
rec3:	adds r22=1,r22
	br.sptk.many back3
	;;
rec4:	adds r23=1,r23
	br.sptk.many back4
	;;
rec5:	adds r28=1,r28
	br.sptk.many back5
	;;
rec6:	adds r29=1,r29
	br.sptk.many back6
	;;
