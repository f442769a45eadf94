// config: fr=127
// FP interruptions: Disabled FP-Register (PSR.dfl for f2-f31, PSR.dfh for f32-f127, ISR.code
// bit 0/1; a load and a store), FP faults with the V, D, Z traps enabled and the frcpa
// Software Assist case (ISR.code V/D/Z/SWA), and FP traps with O, U, I enabled (ISR.code
// bit 0 with O/U/I/FPA in bits 7-10; the result is written first). The handler (lib/ivt.inc)
// records ISR in r25; traps resume at r23.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX 0x3fb999999999999a	// 0.1
	setf.d f6=r3
	movl r4=0x4008000000000000	// 3.0
	;;
	setf.d f7=r4
	movl r5=0x7fe1ccf385ebc8a0	// 1e308
	movl r6=buf
	;;
	setf.d f8=r5
	ssm psr.dfl
	;;
	srlz.d
	;;
	fadd.s0 f9=f6,f7
	;;
	mov r8=r25
	fadd.s0 f40=f1,f1
	;;
	ldfd f9=[r6]
	;;
	mov r9=r25
	rsm psr.dfl
	;;
	ssm psr.dfh
	;;
	srlz.d
	;;
	fmpy.s0 f41=f40,f1
	;;
	mov r10=r25
	stfd [r6]=f40
	;;
	mov r11=r25
	fadd.s0 f10=f6,f7
	rsm psr.dfh
	;;
	srlz.d
	movl r2=0x0009804c0270033e	// V enabled
	;;
	mov ar.fpsr=r2
	;;
	frcpa.s0 f11,p6=f1,f0
	;;
	fmpy.s0 f12=f11,f0
	;;
	mov r12=r25
	movl r2=0x0009804c0270033d	// D enabled
	;;
	mov ar.fpsr=r2
	mov r7=1
	;;
	setf.s f13=r7
	;;
	fadd.s0 f14=f13,f1
	;;
	mov r13=r25
	movl r2=0x0009804c0270033b	// Z enabled
	;;
	mov ar.fpsr=r2
	;;
	frcpa.s0 f15,p7=f1,f0
	;;
	mov r14=r25
	mov r7=1
	;;
	setf.exp f16=r7
	;;
	frcpa.s0 f17,p8=f16,f1
	;;
	mov r15=r25
	movl r2=0x0009804c0270031f	// I enabled
	movl r23=after_i
	;;
	mov ar.fpsr=r2
	;;
	fadd.s.s0 f18=f6,f7
	;;
after_i:
	mov r19=r25
	getf.sig r20=f18
	movl r2=0x0009804c02700337	// O enabled
	movl r23=after_o
	;;
	mov ar.fpsr=r2
	;;
	fmpy.d.s0 f19=f8,f8
	;;
after_o:
	mov r21=r25
	getf.exp r22=f19
	movl r23=after_u
	;;
	movl r2=0x0009804c0270032f	// U enabled
	;;
	mov ar.fpsr=r2
	setf.d f20=r3
	movl r3=0x0010000000000000
	;;
	setf.d f21=r3
	;;
	fmpy.d.s0 f22=f21,f20
	;;
after_u:
	mov r28=r25
	getf.exp r29=f22
	mov r30=ar.fpsr
	;;
	break.i 0
	;;
	.data
	.align 16
buf:
	.skip 16
