// FP loop for bench/emu/fp.ts: per iteration one xma.l, one fma (sf0) and one fma.d (sf1), with
// the integer loop control of loop.s; six instructions, explicit bundles.
	.text
	.global _start
_start:
	movl r2=0x0009804c0270033f
	movl r9=ITERATIONS
	;;
	mov ar.fpsr=r2
	mov r3=3
	;;
	setf.sig f6=r3
	setf.sig f7=r3
	;;
	fcvt.xf f8=f6
	;;
1:
	{ .mfi
	adds r9=-1,r9
	xma.l f7=f7,f6,f0
	nop.i 0 }
	{ .mfi
	nop.m 0
	fma.s0 f9=f8,f8,f9
	nop.i 0 ;; }
	{ .mfb
	cmp.ne p6,p0=r0,r9
	fma.d.s1 f10=f8,f1,f10
	(p6) br.cond.sptk.few 1b ;; }
	getf.sig r8=f10
	;;
	break.i 0
	;;
