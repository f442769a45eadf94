// Interruption loop for bench/emu/run.ts: ROUNDS rounds of 12 iterations of the integer loop
// body (6 instructions each), then `break.i 1` (a Break Instruction fault, vector 0x2c00) in
// slot 2; the handler moves IIP to the next bundle, clears IPSR.ri and returns with rfi.
// About 93 instructions per interruption. Runs in physical mode (PSR.it = dt = 0), ic = 1.
	.text
	.global _start
_start:
	alloc r32=ar.pfs,0,8,0,0	// a known frame (Ski starts with sof = 96)
	movl r2=0x200000
	;;
	mov cr.iva=r2
	;;
	ssm psr.ic
	;;
	srlz.d
	;;
	movl r20=ROUNDS
	mov r8=0
	mov r10=3
	;;
outer:
	mov r9=12
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
	{ .mii
	adds r20=-1,r20
	nop.i 0
	break.i 1 ;; }
	{ .mib
	nop.m 0
	cmp.ne p7,p0=r0,r20
	(p7) br.cond.sptk.few outer ;; }
	break.i 0
	;;

	.section .ivt,"ax"
	.org 0x2c00
	mov r16=cr.iip
	mov r17=cr.ipsr
	;;
	adds r16=16,r16
	dep r17=0,r17,41,2
	adds r21=1,r21
	;;
	mov cr.iip=r16
	mov cr.ipsr=r17
	;;
	rfi
	;;
