// Rotation bookkeeping: mov pr.rot, rotations by br.ctop, the rrb fields kept in ar.pfs by
// br.call and restored by br.ret (the callee starts with rrb = 0), f32-f127 renamed by
// rrb.fr, an alloc that changes the rotating size while rrb is not 0 (Reserved
// Register/Field fault), then clrrrb.pr and clrrrb.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	alloc r9=ar.pfs,0,8,8,8
	;;
	mov r32=0x60
	mov r33=0x61
	mov r34=0x62
	;;
	mov r35=0x63
	mov r36=0x64
	mov r37=0x65
	;;
	mov r38=0x66
	mov r39=0x67
	mov r40=0x68
	;;
	mov r41=0x69
	mov r42=0x6a
	mov r43=0x6b
	;;
	mov r44=0x6c
	mov r45=0x6d
	mov r46=0x6e
	;;
	mov r47=0x6f
	;;
	mov pr.rot=0xa5a5a5a0000
	mov r2=0x1234
	;;
	setf.sig f32=r2
	mov ar.lc=2
	;;
	mov ar.ec=0
	;;
rot:
	br.ctop.sptk.few rot
	;;
	mov r3=pr
	getf.sig r4=f34
	;;
	br.call.sptk.many b0=fn
	;;
	mov r6=pr
	add r7=r32,r39
	;;
	alloc r10=ar.pfs,0,8,8,0
	;;
	clrrrb.pr
	;;
	mov r11=pr
	;;
	clrrrb
	;;
	mov r12=pr
	add r13=r32,r33
	getf.sig r14=f32
	;;
	alloc r15=ar.pfs,0,8,8,0
	;;
	mov pr.rot=-0x10000
	;;
	mov r16=pr
	break.i 0
	;;
fn:
	alloc r20=ar.pfs,8,0,0,0
	;;
	mov r5=pr
	add r8=r32,r33
	;;
	mov pr.rot=0
	mov ar.pfs=r20
	;;
	br.ret.sptk.many b0
	;;
