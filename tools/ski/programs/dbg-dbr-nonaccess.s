// Data breakpoints and the non-access instructions (PSR.dt = 0): lfetch.fault and
// probe.r.fault, the two the SDM lets a breakpoint stop (Debug vector), take Data Debug on a
// matching read pair (ISR.na, r, code 4 and 5); a plain lfetch and fc do not.
	.include "lib/ivt.inc"
	.data
	.align 64
buf:	data8 1, 2, 3, 4
	.text
	.global _start
_start:
	START
	movl r10=buf
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r, plm pl 0, exact
	;;
	mov r3=0
	;;
	mov dbr[r3]=r10
	mov r3=1
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
	lfetch [r10]		// no fault
	;;
	lfetch.fault [r10]	// Data Debug
	;;
	fc r10			// no fault
	;;
	probe.r.fault r10,0	// Data Debug
	;;
	mov r5=1
	break.i 0
	;;
