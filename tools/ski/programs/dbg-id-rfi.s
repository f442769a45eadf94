// PSR.id: rfi with IPSR.id = 1 into a breakpointed bundle runs the resumed instruction
// without the Instruction Debug fault, and id is cleared after it: resumed at slot 2 the
// bundle completes; resumed at slot 0 of a bundle whose first instruction branches away, the
// branch runs. Resumed at slot 1 with id = 0, slots 1 and 2 fault (ISR.ei = 1, 2).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bp
	movl r4=(1 << 63) | (1 << 56) | 0xfffffffffffff0	// x, plm pl 0, one bundle
	mov r3=0
	;;
	mov ibr[r3]=r2
	mov r3=1
	;;
	mov ibr[r3]=r4
	movl r2=bpb
	mov r3=2
	;;
	mov ibr[r3]=r2
	mov r3=3
	;;
	mov ibr[r3]=r4
	movl r2=bp3
	mov r3=4
	;;
	mov ibr[r3]=r2
	mov r3=5
	;;
	mov ibr[r3]=r4
	rsm psr.ic
	;;
	srlz.d
	mov r28=psr
	movl r29=(1 << 37) | (1 << 24) | (1 << 13) | (2 << 41)	// id, db, ic, ri = 2
	movl r2=bp
	;;
	or r28=r28,r29
	mov cr.iip=r2
	;;
	mov cr.ipsr=r28
	mov cr.ifs=r0
	;;
	rfi			// to bp slot 2 with id = 1
	;;
	.align 4096
bp:
	mov r5=1
	mov r6=2
	mov r7=3		// runs
	;;
	mov r8=psr		// id cleared
	rsm psr.ic
	;;
	srlz.d
	movl r29=(1 << 37) | (1 << 24) | (1 << 13)	// id, db, ic, ri = 0
	movl r2=bpb
	;;
	or r28=r8,r29
	mov cr.iip=r2
	;;
	mov cr.ipsr=r28
	mov cr.ifs=r0
	;;
	rfi			// to bpb slot 0 with id = 1
	;;
	.align 4096
bpb:
	{ .bbb
	br.sptk.few out		// runs: leaves the bundle
	nop.b 0
	nop.b 0
	}
	;;
	.align 4096
out:
	mov r9=psr
	rsm psr.ic
	;;
	srlz.d
	movl r29=(1 << 24) | (1 << 13) | (1 << 41)	// db, ic, ri = 1, id = 0
	movl r2=bp3
	;;
	or r28=r9,r29
	mov cr.iip=r2
	;;
	mov cr.ipsr=r28
	mov cr.ifs=r0
	;;
	rfi			// to bp3 slot 1: faults at slots 1 and 2, then the halt
	;;
	.align 4096
bp3:
	mov r10=1
	mov r11=2
	mov r12=3
	;;
	break.i 0
	;;
