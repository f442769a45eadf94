// config: fr=40
// ski: -alat
// Data speculation with PSR.dt = 1 through a data translation register (Ski defers every
// speculative load in physical mode, so the .sa forms allocate only here): ld8.sa, ldfd.sa,
// ldfps.sa and ldfpd.sa load and allocate; a store elsewhere leaves them (ld8.c.nc and
// ldfd.c.nc hit), a store into them removes them (chk.a.nc misses, ldfpd.c.clr reloads);
// ldf8.s with a NaT increment register loads and passes the NaT on to its base register;
// after an rfi that sets PSR.ed, the next ldfd.s is deferred (NaTVal) and the one after
// loads (PSR.ed lasts one instruction).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x600000
	;;
	movl r8=0x3ff8000000000000
	movl r9=0x4000000040400000
	;;
	st8 [r3]=r8,8
	;;
	st8 [r3]=r9,8
	;;
	st8 [r3]=r8,8
	;;
	st8 [r3]=r9
	ld8.s r20=[r0]
	;;
	REGION1
	IC_OFF
	DTR 1, 0x2000000000600000, "(14 << 2)", "0x600000 | (1 << 0) | (1 << 5) | (1 << 6) | (2 << 9)"
	srlz.d
	;;
	DT_ON
	;;
	ld8.sa r10=[r4]
	adds r11=8,r4
	adds r12=16,r4
	;;
	ldfd.sa f6=[r4]
	;;
	ldfps.sa f8,f9=[r11]
	;;
	ldfpd.sa f10,f11=[r12]
	adds r13=64,r4
	;;
	st8 [r13]=r8
	mov r10=3
	;;
	ld8.c.nc r10=[r4]
	;;
	ldfd.c.nc f6=[r4]
	;;
	st4 [r11]=r0
	;;
	chk.a.nc f8,rec0
	;;
ok0:	st8 [r12]=r9
	;;
	ldfpd.c.clr f10,f11=[r12]
	;;
	ldf8.s f12=[r13],r20
	;;
	getf.d r14=f6
	getf.s r15=f8
	getf.s r19=f9
	getf.d r21=f10
	getf.d r22=f11
	getf.sig r29=f12
	;;
	IC_OFF
	RFI_TO "(1 << 43) | (1 << 17) | (1 << 13)", edset
	ldfd.s f13=[r4]
	;;
	ldfd.s f14=[r4]
	;;
	getf.d r30=f13
	getf.d r31=f14
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
