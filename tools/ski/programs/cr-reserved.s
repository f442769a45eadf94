// Reserved and ignored fields of CR writes: DCR reserved bits, ITIR reserved fields, IVA{14:0}
// (ignored), PTA with a reserved size, IFS reserved bits, TPR reserved bits.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	rsm psr.ic
	;;
	srlz.d
	;;
	movl r2=0x8000000000000000
	;;
	mov cr.dcr=r2
	;;
	mov r3=1
	movl r4=0x200123
	;;
	mov cr.iva=r4
	;;
	srlz.d
	;;
	mov r5=cr.iva
	movl r6=0x200000
	;;
	mov cr.iva=r6
	movl r7=0xffffffff00000003
	;;
	mov cr.itir=r7
	;;
	srlz.d
	;;
	mov r8=cr.itir
	movl r9=0x4000000000000000
	;;
	mov cr.ifs=r9
	;;
	srlz.d
	;;
	mov r10=cr.ifs
	movl r11=0xffff0000
	;;
	mov cr.tpr=r11
	;;
	srlz.d
	;;
	mov r12=cr.tpr
	mov r13=0x100
	;;
	mov cr.pta=r13
	;;
	srlz.d
	;;
	mov r14=cr.pta
	break.i 0
	;;
