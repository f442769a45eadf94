// alloc with a static target register (r1..r31): the SDM only faults a target outside the new
// frame (r1 >= 32 + sof) or r0, so these allocs succeed and write ar.pfs to the target;
// the last one names a stacked target outside its new frame (Illegal Operation).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r2=ar.pfs,2,4,0,0
	;;
	mov r3=1
	alloc r4=ar.pfs,0,6,2,0
	;;
	mov r6=3
	alloc r39=ar.pfs,0,6,0,0
	;;
	mov r7=4
	break.i 0
	;;
