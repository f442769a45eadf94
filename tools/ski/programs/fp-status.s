// config: fr=40
// FPSR writes and fsetc against reserved fields, and FR rotation by CFM.rrb.fr. mov to
// ar.fpsr with a reserved bit (63) and with sf0.pc = 01 (a reserved value); fsetc.s0 setting
// pc = 01 and sf0.td = 1 (Reserved Register/Field faults); fsetc.s1, which takes sf0's
// controls through amask7 and ORs omask7; then an rfi with IFS.v = 1 that sets
// CFM.rrb.fr = 5: ldf8 into f32 lands in physical f37, and clrrrb clears rrb.fr, so f37 is
// read back as f37 and f32 as the old f32.
	.include "lib/ivt.inc"
	.include "lib/fp.inc"
	.text
	.global _start
_start:
	START
	FPSR_LINUX data
	;;
	mov r8=ar.fpsr
	movl r9=0x8000000000000000
	;;
	or r9=r9,r8
	;;
	mov ar.fpsr=r9
	;;
	mov r10=ar.fpsr
	mov r11=0x100
	mov r13=0x200
	;;
	andcm r12=r8,r13
	;;
	or r12=r12,r11
	;;
	mov ar.fpsr=r12
	;;
	mov r14=ar.fpsr
	;;
	fsetc.s0 0x73,0x04
	;;
	mov r15=ar.fpsr
	;;
	fsetc.s1 0x70,0x0b
	;;
	mov r28=ar.fpsr
	;;
	fsetc.s0 0x7f,0x40
	;;
	mov r29=ar.fpsr
	;;
	adds r9=8,r3
	;;
	ldf8 f32=[r9]
	;;
	rsm psr.ic
	;;
	srlz.d
	;;
	mov r2=psr
	movl r4=(1 << 63) | (5 << 25)
	movl r5=rotated
	;;
	dep r2=-1,r2,13,1
	;;
	mov cr.ipsr=r2
	mov cr.iip=r5
	mov cr.ifs=r4
	;;
	rfi
	;;
rotated:
	ldf8 f32=[r3],8
	;;
	ldf8 f33=[r3]
	;;
	getf.sig r18=f32
	getf.sig r19=f33
	clrrrb
	;;
	getf.sig r20=f32
	getf.sig r21=f37
	getf.sig r22=f38
	;;
	break.i 0
	;;
	.data
	.align 16
data:
	data8 0x1111111111111111
	data8 0x2222222222222222
