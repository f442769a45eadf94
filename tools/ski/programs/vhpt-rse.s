// RSE references walk too: the backing store is at 0x2000000000700000 in region 1 (rid 0x99,
// 16 KiB pages, RR.ve = 1) with no translation but a short-format VHPT entry (page 0x1c0, at
// 0x800e00); PSR.rt = PSR.dt = PSR.ic = 1. The mandatory stores of a growing alloc walk and
// insert the page; br.ret finds the frame in registers. After a purge, with PSR.dt = 0 the
// walker is not used: flushrs takes the Alternate Data TLB fault (0x1000, ISR.rs, ISR.w) and is
// skipped; with PSR.dt = 1 again the same flushrs walks and stores.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2) | 1
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	movl r10=0x800e00
	movl r11=0x700000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	movl r12=0x800000 | (15 << 2) | 1
	;;
	st8 [r10]=r11
	mov cr.pta=r12
	;;
	IC_OFF
	DTR 0, 0x2000000000800000, "(16 << 2)", "0x800000 | 1 | (1 << 5) | (1 << 6) | (2 << 9)"
	movl r2=0x2000000000700000
	;;
	mov ar.bspstore=r2
	mov r3=psr
	;;
	dep r3=-1,r3,27,1
	;;
	dep r3=-1,r3,17,1
	;;
	dep r3=-1,r3,13,1
	;;
	mov psr.l=r3
	;;
	srlz.d
	;;
	alloc r9=ar.pfs,0,8,0,0
	;;
	mov r32=0x520
	mov r33=0x521
	mov r34=0x522
	;;
	mov r35=0x523
	mov r36=0x524
	mov r37=0x525
	;;
	mov r38=0x526
	mov r39=0x527
	;;
	br.call.sptk.many b0=fn
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	add r13=r32,r39
	;;
	br.call.sptk.many b0=fn2
	;;
	mov r19=ar.bspstore
	add r20=r33,r38
	break.i 0
	;;
fn:
	alloc r9=ar.pfs,0,96,0,0
	;;
	mov r14=ar.bspstore
	mov r15=ar.bsp
	;;
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
fn2:
	movl r2=0x2000000000700000
	mov r10=(14 << 2)
	;;
	ptc.l r2,r10
	;;
	srlz.d
	rsm psr.dt
	;;
	srlz.d
	;;
	flushrs
	;;
	mov r21=r24
	mov r22=ar.bspstore
	ssm psr.dt
	;;
	srlz.d
	;;
	flushrs
	;;
	mov r28=ar.bspstore
	br.ret.sptk.many b0
	;;
