// config: fr=31
// FP loads and stores in every memory format: ldfs/ldfd/ldf8/ldfe/ldf.fill and stfs/stfd/
// stf8/stfe/stf.spill, plain and with immediate and register post-increment, a single
// denormal, a double NaN and an extended pseudo-denormal (exact re-encodings, read back with
// getf and ld8), and the spill image of NaTVal-free registers (fr0, fr1, a result).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=data
	movl r3=buf
	;;
	ldfs f6=[r2],4
	;;
	ldfs f7=[r2],4
	mov r9=8
	;;
	ldfd f8=[r2],r9
	;;
	ldf8 f9=[r2],16
	;;
	ldfe f10=[r2],16
	;;
	ldf.fill f11=[r2]
	;;
	getf.sig r8=f6
	getf.exp r9=f6
	getf.sig r10=f7
	getf.exp r11=f7
	getf.sig r12=f8
	getf.exp r13=f8
	getf.sig r14=f9
	getf.exp r15=f9
	getf.sig r16=f10
	getf.exp r17=f10
	getf.sig r18=f11
	getf.exp r19=f11
	mov r4=r3
	;;
	stfs [r4]=f6,4
	;;
	stfs [r4]=f7,4
	;;
	stfd [r4]=f8,8
	;;
	stf8 [r4]=f9,16
	;;
	stfe [r4]=f10,16
	;;
	stf.spill [r4]=f11,16
	;;
	stf.spill [r4]=f1,16
	;;
	stfd [r4]=f1
	;;
	ld8 r8=[r3],8
	;;
	ld8 r9=[r3],8
	;;
	ld8 r10=[r3],8
	;;
	ld8 r11=[r3],8
	;;
	ld8 r12=[r3],8
	;;
	ld8 r13=[r3],8
	;;
	ld8 r14=[r3],8
	;;
	ld8 r15=[r3],8
	;;
	ld8 r16=[r3],8
	;;
	ld8 r17=[r3],8
	;;
	ld8 r18=[r3]
	mov r20=psr
	;;
	break.i 0
	;;
	.data
	.align 16
data:
	data4 0x00012345		// single denormal
	data4 0xc0490fdb		// -pi single
	data8 0x7ff4000000000001	// double SNaN
	data8 0xfedcba9876543210	// integer
	data8 0
	data8 0x8000000000000001	// extended pseudo-denormal: exponent 0, integer bit set
	data2 0x0000
	data2 0,0,0
	data8 0xc90fdaa22168c235	// spill image: significand
	data8 0x000000000002ffff	// sign 1, exponent 0xffff? (bits 17 and 16:0)
	.align 16
buf:
	.skip 128
