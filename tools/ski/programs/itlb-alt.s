// Instruction translation (PSR.it = 1, one 16 MiB identity ITR over code and vector table):
// a branch to an unmapped page in region 1 takes the Alternate Instruction TLB fault (0x0c00)
// at the target, with IFA = IIP = the target and ISR.x; the handler resumes at r23.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x2000000000000000
	mov r3=(0x99 << 8) | (14 << 2)
	;;
	mov rr[r2]=r3
	;;
	srlz.d
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r4=r0
	mov r5=(24 << 2)
	movl r6=1 | (1 << 5) | (1 << 6) | (3 << 9)
	mov r7=0
	;;
	mov cr.ifa=r4
	mov cr.itir=r5
	;;
	srlz.d
	;;
	itr.i itr[r7]=r6
	;;
	srlz.i
	;;
	movl r2=virt
	movl r3=(1 << 36) | (1 << 13)
	;;
	mov cr.iip=r2
	mov cr.ipsr=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
virt:
	movl r8=0x2000000000100000
	movl r23=back
	;;
	mov b6=r8
	;;
	br.sptk.many b6
	;;
back:
	mov r9=1
	break.i 0
	;;
