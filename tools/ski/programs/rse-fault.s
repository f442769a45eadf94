// RSE-originated faults with PSR.rt = 1 (the backing store is translated; data stays
// physical): a mandatory store of alloc on a purged page takes the Alternate Data TLB fault on
// the alloc (ISR.rs, ISR.w); a current-frame load after br.ret on a purged page takes it on
// the instruction returned to (ISR.rs, ISR.ir, ISR.r). The handler (this program's own
// vector table) inserts the page and returns; the alloc runs again, the loads are retried.
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
	break.i 0
	;;
fn:
	movl r2=0x2000000000700000
	mov r10=(14 << 2)
	;;
	ptr.d r2,r10
	;;
	srlz.d
	;;
	alloc r9=ar.pfs,0,96,0,0
	;;
	mov r14=ar.bspstore
	mov r15=ar.bsp
	;;
	ptc.l r2,r10
	;;
	srlz.d
	;;
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 32768
myivt:
	.skip 0x1000
	// Alternate Data TLB (IVA + 0x1000): insert the backing-store page, retry.
	mov r25=cr.isr
	mov r26=cr.iip
	mov r28=cr.ifa
	;;
	movl r29=0x700000 | (1 << 0) | (1 << 5) | (1 << 6) | (2 << 9)
	add r30=1,r30
	;;
	itc.d r29
	;;
	srlz.d
	;;
	rfi
	;;
