// ski: -alat
// Removing ALAT entries explicitly: ld8.c.clr that hits removes the entry (a second chk.a.nc
// branches) and keeps the register; chk.a.clr that hits removes it; ld8.c.nc that misses
// reloads and allocates again (its chk.a.nc then hits); invala.e removes one register's entry
// and leaves the others; invala removes all. Misses set bits of r28.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x66
	;;
	st8 [r2]=r3
	;;
	ld8.a r4=[r2]
	;;
	mov r4=7
	;;
	ld8.c.clr r4=[r2]
	;;
	chk.a.nc r4,rec0
	;;
ok0:	ld8.a r5=[r2]
	;;
	chk.a.clr r5,rec1
	;;
ok1:	chk.a.nc r5,rec2
	;;
ok2:	ld8.c.nc r6=[r2]
	;;
	chk.a.nc r6,rec3
	;;
ok3:	ld8.a r7=[r2]
	ld4.a r8=[r2]
	;;
	ld2.a r9=[r2]
	;;
	invala.e r8
	;;
	chk.a.nc r7,rec4
	;;
ok4:	chk.a.nc r8,rec5
	;;
ok5:	chk.a.nc r9,rec6
	;;
ok6:	invala
	;;
	chk.a.nc r7,rec7
	;;
ok7:	chk.a.nc r9,rec8
	;;
ok8:	ld8.a r10=[r2]
	;;
	invala.e r11
	;;
	chk.a.clr r10,rec9
	;;
ok9:
	break.i 0
	;;
rec0:	dep r28=-1,r28,0,1
	br.sptk.many ok0
	;;
rec1:	dep r28=-1,r28,1,1
	br.sptk.many ok1
	;;
rec2:	dep r28=-1,r28,2,1
	br.sptk.many ok2
	;;
rec3:	dep r28=-1,r28,3,1
	br.sptk.many ok3
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
