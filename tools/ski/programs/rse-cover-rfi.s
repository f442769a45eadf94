// cover with PSR.ic = 0 saves CFM in IFS and makes the frame dirty; an alloc of 96 registers
// spills it (a NaT register's bit goes to RNAT); rfi with IFS.v = 1 restores the frame, loaded
// from the backing store before the first instruction it returns to.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bstore
	;;
	mov ar.bspstore=r2
	;;
	mov r32=0x2020
	mov r33=0x2021
	mov r34=0x2022
	;;
	mov r35=0x2023
	mov r36=0x2024
	mov r37=0x2025
	;;
	mov r38=0x2026
	mov r39=0x2027
	;;
	ld8.s r34=[r2]
	rsm psr.ic
	;;
	srlz.d
	;;
	cover
	;;
	mov r3=cr.ifs
	alloc r9=ar.pfs,0,96,0,0
	;;
	mov r4=ar.bspstore
	mov r5=ar.rnat
	mov r6=ar.bsp
	;;
	mov r32=0x3020
	mov r33=0x3021
	mov r34=0x3022
	;;
	mov r35=0x3023
	mov r36=0x3024
	mov r37=0x3025
	;;
	mov r38=0x3026
	mov r39=0x3027
	;;
	movl r7=back
	mov r8=psr
	;;
	dep r8=-1,r8,13,1
	mov cr.iip=r7
	;;
	mov cr.ipsr=r8
	;;
	rfi
	;;
back:
	mov r10=ar.bspstore
	mov r11=ar.bsp
	;;
	add r13=r32,r39
	break.i 0
	;;
	.data
	.align 512
bstore:
	.skip 1024
