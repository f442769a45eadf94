// Data breakpoints on mandatory RSE references: flushrs stores the caller's frame at BSPSTORE;
// the store that reaches a write pair's address takes Data Debug (ISR.rs and w, IFA = the
// address) and the ones before it are done; the handler resumes after flushrs. A read-only
// pair on the same address lets the next flushrs through. (With that pair left on, the
// return's frame load would take IR Data Debug again and again, on Ski as on the model.)
	.include "lib/ivt.inc"
	.data
	.align 512
bstore:	.skip 512
	.text
	.global _start
_start:
	START
	movl r2=bstore
	;;
	mov ar.bspstore=r2
	;;
	alloc r9=ar.pfs,0,4,0,0
	;;
	mov r32=0x20
	mov r33=0x21
	mov r34=0x22
	mov r35=0x23
	movl r10=bstore + 16
	movl r4=(1 << 62) | (1 << 56) | 0xffffffffffffff	// w, plm pl 0, exact
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
	br.call.sptk.many b0=sub
	;;
	mov r11=ar.bspstore
	break.i 0
	;;
sub:
	flushrs			// Data Debug at bstore + 16
	;;
	mov r12=ar.bspstore
	movl r4=(1 << 63) | (1 << 56) | 0xffffffffffffff	// r only
	mov r3=1
	;;
	mov dbr[r3]=r4
	;;
	srlz.d
	;;
	flushrs			// stores the rest
	;;
	mov r13=ar.bspstore
	mov r3=1
	;;
	mov dbr[r3]=r0		// off: the return's frame load would match the read pair
	;;
	srlz.d
	;;
	br.ret.sptk.many b0
	;;
