// config: fr=40
// ski: -alat
// FP control speculation. In physical mode Ski defers every speculative load (the model too):
// ldf8.s, ldfd.sa and ldfp8.s give NaTVal (getf.sig reads a NaT; chk.s f branches), the
// .sa allocates nothing (ldfd.c.nc reloads). Then with PSR.dt = 1 through a data translation
// register: ldfs.s, ldfe.s, ldfpd.s load; ldf8.sa allocates (ldf8.c.clr hits, keeps the
// setf value); a NaT base gives NaTVal without an access, its post-increment keeping the
// NaT; ldfd.s on an unmapped page raises the Alternate Data TLB fault (ISR.sp = 1: with
// PSR.it = 0 no DCR deferral).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x600000
	;;
	movl r8=0x1122334455667788
	movl r9=0x400921fb54442d18
	;;
	st8 [r3]=r8,8
	;;
	st8 [r3]=r9,8
	;;
	st8 [r3]=r9,-16
	;;
	ldf8.s f6=[r3]
	;;
	ldfd.sa f7=[r3]
	;;
	ldfp8.s f8,f9=[r3]
	;;
	getf.sig r10=f6
	getf.d r11=f7
	getf.sig r12=f9
	;;
	chk.s f6,rec0
	;;
ok0:	ldfd.c.nc f7=[r3]
	;;
	getf.d r13=f7
	ld8.s r16=[r0]
	;;
	REGION1
	IC_OFF
	DTR 1, 0x2000000000600000, "(14 << 2)", "0x600000 | (1 << 0) | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	DT_ON
	;;
	ldfs.s f10=[r4]
	adds r14=16,r4
	;;
	ldfe.s f11=[r4]
	;;
	ldfpd.s f12,f13=[r14]
	;;
	ldf8.sa f14=[r4]
	mov r15=77
	;;
	setf.sig f14=r15
	;;
	ldf8.c.clr f14=[r4]
	;;
	chk.a.nc f14,rec1
	;;
ok1:	ldfs.s f15=[r16],4
	;;
	chk.s f15,rec2
	;;
ok2:	movl r17=0x2000000000900000
	;;
	ldfd.s f16=[r17]
	;;
	getf.s r18=f10
	getf.sig r19=f11
	getf.exp r20=f11
	getf.d r21=f12
	getf.d r22=f13
	getf.sig r23=f14
	;;
	rsm psr.dt
	;;
	srlz.d
	;;
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
