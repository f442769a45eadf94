// config: palen=40
// lfetch in all forms: no architectural effect but the post-increment, no fault even on an
// unimplemented address or a NaT address; lfetch.fault on an unimplemented physical address
// (palen 40) is an Unimplemented Data Address fault with ISR.na, r and code 4, and with a NaT
// address a Register NaT Consumption fault.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	movl r3=0x20000600000
	mov r4=0x40
	;;
	lfetch [r2]
	;;
	lfetch.nt1 [r2],r4
	;;
	lfetch.excl.nta [r2],-16
	;;
	lfetch [r3]
	ld8.s r5=[r2]
	;;
	lfetch.nt2 [r5]
	;;
	lfetch.fault [r2],8
	;;
	lfetch.fault.excl [r3],8
	;;
	mov r6=1
	;;
	lfetch.fault [r5]
	;;
	mov r7=2
	;;
	lfetch [r2],r5
	;;
	break.i 0
	;;
