// config: fr=31
// ski: -alat
// Every kind of store removes the ALAT entries it overlaps: st8.spill, stf8, stf.spill (16
// bytes), cmpxchg8 (compare true), xchg4, fetchadd8, st8, st4.rel (a cmpxchg whose compare
// fails: alat-cmpxchg-fail.s). Each entry (r4-r11, one per ALAT set) is checked with chk.a.nc,
// whose recovery code sets the entry's bit in r28.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x55
	;;
	mov ar.ccv=r0
	;;
	ld8.a r4=[r2]
	adds r12=16,r2
	;;
	ld8.a r5=[r12]
	adds r13=48,r2
	;;
	ld8.a r6=[r13]
	adds r14=60,r2
	;;
	ld4.a r7=[r14]
	adds r15=64,r2
	;;
	ld8.a r8=[r15]
	adds r16=72,r2
	;;
	ld8.a r9=[r16]
	adds r17=80,r2
	;;
	ld8.a r10=[r17]
	adds r18=88,r2
	;;
	ld8.a r11=[r18]
	setf.sig f6=r3
	;;
	st8.spill [r2]=r3
	;;
	stf8 [r12]=f6
	adds r19=48,r2
	;;
	stf.spill [r19]=f6
	;;
	cmpxchg8.acq r29=[r15],r3,ar.ccv
	;;
	xchg4 r30=[r16],r3
	;;
	fetchadd8.rel r31=[r17],1
	;;
	st8 [r18]=r3
	;;
	chk.a.nc r4,rec4
	;;
ok4:	chk.a.nc r5,rec5
	;;
ok5:	chk.a.nc r6,rec6
	;;
ok6:	chk.a.nc r7,rec7
	;;
ok7:	chk.a.nc r8,rec8
	;;
ok8:	chk.a.nc r9,rec9
	;;
ok9:	chk.a.nc r10,rec10
	;;
ok10:	chk.a.nc r11,rec11
	;;
ok11:	ld8.a r4=[r2]
	;;
	st4.rel [r2]=r3
	;;
	chk.a.nc r4,rec12
	;;
ok12:
	break.i 0
	;;
rec4:	dep r28=-1,r28,4,1
	br.sptk.many ok4
	;;
rec5:	dep r28=-1,r28,5,1
	br.sptk.many ok5
	;;
rec6:	dep r28=-1,r28,6,1
	br.sptk.many ok6
	;;
rec7:	dep r28=-1,r28,7,1
	br.sptk.many ok7
	;;
rec8:	dep r28=-1,r28,8,1
	br.sptk.many ok8
	;;
rec9:	dep r28=-1,r28,9,1
	br.sptk.many ok9
	;;
rec10:	dep r28=-1,r28,10,1
	br.sptk.many ok10
	;;
rec11:	dep r28=-1,r28,11,1
	br.sptk.many ok11
	;;
rec12:	dep r28=-1,r28,12,1
	br.sptk.many ok12
	;;
