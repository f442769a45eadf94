// Integer loop for bench/emu/run.ts: six instructions per iteration, explicit bundles (no nops).
	.text
	.global _start
_start:
	movl r9=ITERATIONS
	mov r8=0
	mov r10=3
	;;
	mov r11=0
	mov r12=0
	;;
1:
	{ .mii
	add r8=r8,r10
	adds r9=-1,r9
	shladd r11=r10,2,r11 ;; }
	{ .mib
	xor r12=r12,r8
	cmp.ne p6,p0=r0,r9
	(p6) br.cond.sptk.few 1b ;; }
	break.i 0
	;;
