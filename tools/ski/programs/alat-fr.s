// config: fr=40
// ski: -alat
// The ALAT with FR targets: ldf8.a, ldfs.a, ldfd.a, ldfe.a allocate (f6-f9); a store into one
// entry's bytes removes it (chk.a.nc f misses); ldf8.c.nc after setf keeps the FR on a hit and
// reloads on a miss; ldfd.c.clr removes the entry it hits; chk.a.clr f removes; invala.e f
// removes one FR entry and leaves a GR entry of the same register number; ldfp8.a /
// ldfps.a / ldfpd.a allocate for f1 of the pair, checked by ldfp8.c.clr/ldfps.c.nc/ldfpd.c.nc.
// Results are read back with getf; misses set bits of r28.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX data
	;;
	ldf8.a f6=[r3]
	adds r4=8,r3
	;;
	ldfs.a f7=[r4]
	adds r5=16,r3
	;;
	ldfd.a f8=[r5]
	adds r9=32,r3
	;;
	ldfe.a f9=[r9]
	mov r10=99
	;;
	setf.sig f6=r10
	st4 [r4]=r10
	;;
	ldf8.c.nc f6=[r3]
	;;
	chk.a.nc f7,rec0
	;;
ok0:	ldfs.c.nc f7=[r4]
	;;
	ldfd.c.clr f8=[r5]
	;;
	chk.a.nc f8,rec1
	;;
ok1:	chk.a.clr f9,rec2
	;;
ok2:	chk.a.nc f9,rec3
	;;
ok3:	ld8.a r6=[r3]
	;;
	invala.e f6
	;;
	chk.a.nc f6,rec4
	;;
ok4:	chk.a.nc r6,rec5
	;;
ok5:	getf.sig r11=f6
	getf.s r12=f7
	getf.d r13=f8
	getf.sig r14=f9
	getf.exp r15=f9
	;;
	adds r16=48,r3
	;;
	ldfp8.a f10,f11=[r16]
	;;
	ldfps.a f12,f13=[r16]
	;;
	ldfpd.a f14,f15=[r16],16
	;;
	adds r17=-16,r16
	;;
	ldfp8.c.clr f10,f11=[r17]
	;;
	chk.a.nc f10,rec6
	;;
ok6:	st8 [r17]=r10
	;;
	ldfps.c.nc f12,f13=[r17]
	;;
	chk.a.nc f14,rec7
	;;
ok7:	ldfpd.c.nc f14,f15=[r17]
	;;
	chk.a.nc f14,rec8
	;;
ok8:	getf.sig r18=f10
	getf.sig r19=f11
	getf.s r20=f12
	getf.s r21=f13
	getf.d r22=f14
	getf.d r23=f15
	mov r24=psr
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
	.data
	.align 16
data:
	data8 0x123456789abcdef0	// ldf8
	data4 0x3fc00000, 0		// ldfs: 1.5
	data8 0x400921fb54442d18	// ldfd: pi
	data8 0
	data8 0xc90fdaa22168c235	// ldfe: pi, extended
	data2 0x4000
	data2 0,0,0
	data8 0x3f800000c0000000	// ldfp pairs
	data8 0x4000000000000000
