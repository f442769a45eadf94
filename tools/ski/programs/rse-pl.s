// RSC.pl is the privilege of the RSE's accesses: with PSR.rt = 1 and the backing-store page
// writable at privilege 0 only, RSC.pl = 3 makes alloc's mandatory store a Data Access Rights
// fault (ISR.rs, ISR.w) at cpl 0; the handler sets RSC.pl = 0 and the alloc runs again.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	DTR 1, 0x2000000000700000, "(14 << 2)", "0x700000 | (1 << 0) | (1 << 5) | (1 << 6) | (2 << 9)"
	movl r2=0x2000000000700000
	;;
	mov ar.bspstore=r2
	movl r3=myivt
	;;
	mov cr.iva=r3
	mov r3=psr
	;;
	dep r3=-1,r3,27,1
	;;
	dep r3=-1,r3,13,1
	;;
	mov psr.l=r3
	;;
	srlz.d
	;;
	mov r4=0xc
	;;
	mov ar.rsc=r4
	alloc r9=ar.pfs,0,8,0,0
	;;
	mov r32=0x620
	mov r33=0x621
	mov r34=0x622
	;;
	mov r35=0x623
	mov r36=0x624
	mov r37=0x625
	;;
	mov r38=0x626
	mov r39=0x627
	;;
	br.call.sptk.many b0=fn
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	mov r13=ar.rsc
	add r14=r32,r39
	break.i 0
	;;
fn:
	alloc r9=ar.pfs,0,96,0,0
	;;
	mov r15=ar.bspstore
	mov r16=ar.rsc
	;;
	flushrs
	;;
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 32768
myivt:
	.skip 0x5300
	// Data Access Rights (IVA + 0x5300): make the RSE privileged, retry.
	mov r25=cr.isr
	mov r26=cr.iip
	mov r28=cr.ifa
	;;
	mov ar.rsc=r0
	add r30=1,r30
	;;
	rfi
	;;
