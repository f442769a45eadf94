// mov to/from DBR and IBR: 16 of each (8 pairs); index 16 and above is a Reserved
// Register/Field fault, only the low 8 bits of r3 select; a NaT source is a Register NaT
// Consumption fault; the ignored fields of a mask register (DBR{61:60}, IBR{62:60}) read 0;
// at pl 3 every form is a Privileged Operation fault.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	mov r2=-1
	mov r3=1
	;;
	mov dbr[r3]=r2
	mov ibr[r3]=r2
	;;
	mov r4=dbr[r3]
	mov r5=ibr[r3]
	mov r3=15
	;;
	mov dbr[r3]=r2
	mov ibr[r3]=r2
	;;
	mov r6=dbr[r3]
	mov r7=ibr[r3]
	mov r3=16
	;;
	mov dbr[r3]=r2		// Reserved Register/Field
	;;
	mov r8=ibr[r3]		// Reserved Register/Field
	movl r3=0x102
	;;
	mov dbr[r3]=r2		// index 2
	;;
	mov r3=2
	;;
	mov r9=dbr[r3]
	mov r10=ibr[r3]
	;;
	srlz.d			// the DBR writes before a data access
	;;
	ld8.s r11=[r0]		// physical mode: NaT
	;;
	mov dbr[r3]=r11		// Register NaT Consumption
	;;
	mov r12=ibr[r11]	// Register NaT Consumption
	;;
	ENTER_CPL 3, at3
	mov r3=0
	;;
	mov dbr[r3]=r2		// Privileged Operation
	;;
	mov r13=dbr[r3]		// Privileged Operation
	;;
	mov ibr[r3]=r2		// Privileged Operation
	;;
	mov r14=ibr[r3]		// Privileged Operation
	;;
	break.i 0
	;;
