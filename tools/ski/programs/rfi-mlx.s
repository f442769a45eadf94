// rfi into an MLX bundle: IPSR.ri = 1 resumes at the movl; IPSR.ri = 2 names the L slot.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=target
	mov r3=psr
	mov r20=1
	;;
	dep r3=-1,r3,13,1
	mov cr.iip=r2
	;;
	dep r3=r20,r3,41,2
	;;
	mov cr.ipsr=r3
	;;
	rfi
	;;
target:
	{ .mlx
	mov r4=1
	movl r5=0x1122334455667788
	}
	;;
	// nop.m shares the bundle of rsm psr.ic, so that IIPA names this bundle on both sides (Ski
	// updates IIPA when PSR.ic is 1 after an instruction, the SDM before it: README, quirks).
	nop.m 0
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=target2
	mov r3=psr
	mov r20=2
	;;
	dep r3=-1,r3,13,1
	mov cr.iip=r2
	;;
	dep r3=r20,r3,41,2
	;;
	mov cr.ipsr=r3
	;;
	rfi
	;;
target2:
	{ .mlx
	mov r6=1
	movl r7=0x1122334455667788
	}
	;;
	mov r8=2
	break.i 0
	;;
