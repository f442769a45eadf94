// Hints execute as nops: brp (IP-relative and indirect), hint.m/i/x, and mov to BR with
// whether/importance/return hints (the move itself happens).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r5=target
	;;
	{ .mib
	hint.m 0
	mov.ret.sptk.imp b2=r5,target
	brp.sptk.imp target,target
	}
	;;
	{ .mfb
	nop.m 0
	nop.f 0
	brp.ret.dptk b2,target
	}
	{ .mlx
	nop.m 0
	hint.x 0
	}
	{ .mii
	hint.m 0
	hint.i 0
	mov.dptk b3=r5,target
	}
	{ .mib
	nop.m 0
	mov.sptk b4=r5,target
	brp.loop target,target
	}
	{ .mib
	nop.m 0
	mov.ret.dptk.imp b6=r5,target
	brp.exit.imp target,target
	}
	;;
target:	mov r8=b2
	mov r9=b3
	mov r10=b4
	;;
	mov r11=b6
	;;
	break.i 0
	;;
