// Data Debug against the translation faults (PSR.dt = 1): a breakpoint on an address with no
// translation gives the (Alternate) Data TLB fault, one on a page whose access bit is 0 the
// Data Access-Bit fault; both rank above Data Debug. A load through that page with PSR.da = 1
// (rfi, one instruction) then takes Data Debug itself; the handler resumes the next load with
// the same IPSR (da = 1), so it takes Data Debug as well.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4, 5, 6, 7, 8
	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 0, 0, 0x441		// p, ma WB, a = 0, d = 1, rights RW at pl 0 (ar 2)
	DT_ON
	movl r10=0x2000000000600000	// buf, through the a = 0 page
	movl r11=0x2000000000700000	// no translation
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffc0	// r, plm pl 0, 64 bytes
	;;
	mov r3=0
	;;
	mov dbr[r3]=r10
	mov r3=1
	;;
	mov dbr[r3]=r4
	mov r3=2
	;;
	mov dbr[r3]=r11
	mov r3=3
	;;
	mov dbr[r3]=r4
	mov r28=psr
	movl r29=1 << 24
	;;
	or r28=r28,r29
	;;
	mov psr.l=r28
	;;
	srlz.d
	;;
	ld8 r5=[r11]		// Alternate Data TLB fault
	;;
	ld8 r6=[r10]		// Data Access-Bit fault
	;;
	// PSR.ic off in the bundle of an instruction that completes with it on: IIPA is then the
	// same by the SDM's rule and by Ski's (README, quirks).
	{ .mmi
	mov r9=r0
	rsm psr.ic
	nop.i 0
	}
	;;
	srlz.d
	;;
	mov r28=psr
	movl r29=(1 << 38) | (1 << 13)	// da, ic
	movl r2=with_da
	;;
	or r28=r28,r29
	mov cr.iip=r2
	;;
	mov cr.ipsr=r28
	mov cr.ifs=r0
	;;
	rfi
	;;
with_da:
	ld8 r7=[r10]		// da = 1: Data Debug
	;;
	ld8 r8=[r10]		// Data Debug again: the handler resumed with IPSR.da = 1
	;;
	break.i 0
	;;
