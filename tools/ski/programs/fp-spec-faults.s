// config: fr=40
// ski: -alat
// Faults of the FP speculation forms: with PSR.dfl = 1, ldf8.s, ldfd.a and chk.s on f6 take
// the Disabled FP-Register fault (0x5500, ISR.code 1); chk.a.nc f6 and invala.e f6 name no
// register value and do not fault. With PSR.dfh = 1, ldfp8.s f32,f33 faults (ISR.code 2).
// ldf8.a, ldfs.c.clr and ldfp8.c.nc with a NaT base take Register NaT Consumption (0x5600);
// ldf8.s with the NaT base does not. hint.f and nop.f do nothing.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX data
	;;
	ld8.s r9=[r0]
	;;
	ssm psr.dfl
	;;
	srlz.d
	;;
	ldf8.s f6=[r3]
	;;
	ldfd.a f6=[r3]
	;;
	chk.s f6,rec0
	;;
ok0:	chk.a.nc f6,rec1
	;;
ok1:	invala.e f6
	;;
	rsm psr.dfl
	ssm psr.dfh
	;;
	srlz.d
	;;
	ldfp8.s f32,f33=[r3]
	;;
	rsm psr.dfh
	;;
	srlz.d
	;;
	ldf8.a f7=[r9]
	;;
	ldfs.c.clr f7=[r9]
	;;
	ldfp8.c.nc f8,f9=[r9]
	;;
	ldf8.s f10=[r9]
	;;
	getf.sig r10=f10
	hint.f 0
	;;
	nop.f 0
	hint.f 0x1234
	;;
	mov r11=psr
	break.i 0
	;;
rec0:	dep r28=-1,r28,0,1
	br.sptk.many ok0
	;;
rec1:	dep r28=-1,r28,1,1
	br.sptk.many ok1
	;;
	.data
	.align 16
data:
	data8 0x1234, 0x5678
