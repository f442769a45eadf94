// config: valen=51 palen=44
// Reserved and ignored values of CR/AR writes found by the random differential test
// (tools/ski/random.ts): TPR{3:0} and {63:17} ignored (read back 0) and {15:8} reserved;
// PTA.size below 15 reserved; IHA{1:0} ignored; ISR.ei = 3 reserved; IFS with v = 1 and an
// invalid frame marker reserved; PFS with an invalid frame marker reserved; RNAT{63} ignored.
// The faults taken with PSR.ic = 0 resume through r23 with an IPSR written beforehand.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0xffffffffffff00ff
	;;
	mov cr.tpr=r2
	;;
	srlz.d
	;;
	mov r14=cr.tpr
	mov r2=0x100
	;;
	mov cr.tpr=r2
	;;
	mov cr.tpr=r0
	;;
	srlz.d
	;;
	movl r2=0x10000038
	;;
	mov cr.pta=r2
	;;
	movl r2=0x1000003c
	;;
	mov cr.pta=r2
	;;
	srlz.d
	;;
	mov r4=cr.pta
	movl r2=0x8000000000000001
	;;
	mov ar.rnat=r2
	;;
	mov r5=ar.rnat
	movl r2=0x488
	;;
	mov ar.pfs=r2
	;;
	mov r6=ar.pfs
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=0x1234567
	;;
	mov cr.iha=r2
	;;
	srlz.d
	;;
	mov r9=cr.iha
	mov r3=psr
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.ipsr=r3
	movl r23=after_isr
	movl r2=0x60000000000
	;;
	mov cr.isr=r2
	;;
after_isr:
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r10=cr.isr
	mov r3=psr
	;;
	dep r3=-1,r3,13,1
	;;
	mov cr.ipsr=r3
	movl r23=after_ifs
	movl r2=0x8000000000000488
	;;
	mov cr.ifs=r2
	;;
after_ifs:
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r11=cr.ifs
	movl r2=0x8000000000000408
	;;
	mov cr.ifs=r2
	;;
	srlz.d
	;;
	mov r12=cr.ifs
	mov cr.ifs=r0
	;;
	ssm psr.ic
	;;
	srlz.d
	;;
	break.i 0
	;;
