// DCR-controlled deferral of speculative load faults: code runs translated (PSR.it = 1) from
// an instruction translation register with ed = 1 (16 MiB identity page over code, vector
// table and data; region 1 has its own region id). ld8.s on an unmapped page faults (Alternate Data TLB, ISR.sp) with
// DCR.dm = 0 and is deferred (NaT) with DCR.dm = 1; with the mapped page it loads.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITR_IDENTITY "(1 << 52) | (1 << 0) | (1 << 5) | (1 << 6) | (3 << 9)"
	itr.d dtr[r7]=r6
	;;
	srlz.i
	;;
	RFI_TO "(1 << 36) | (1 << 17) | (1 << 13)", virt
	movl r8=0x300000
	movl r9=0x2000000000900000
	;;
	ld8.s r10=[r8]
	;;
	ld8.s r11=[r9]
	;;
	mov r12=1
	mov r13=0x100
	;;
	mov cr.dcr=r13
	;;
	srlz.d
	;;
	ld8.s r14=[r9]
	;;
	tnat.nz p1,p2=r14
	mov cr.dcr=r0
	;;
	srlz.d
	;;
	ld8.s r15=[r9]
	;;
	mov r16=2
	break.i 0
	;;
