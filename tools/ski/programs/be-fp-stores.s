// config: fr=31
// FP stores with PSR.be = 1: stfs/stfd/stf8 write their 4 or 8 bytes reversed, stfe its 10
// bytes, stf.spill the 16-byte spill image as one number; read back little-endian with ld8.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=buf
	movl r4=0xc00921fb54442d18	// -pi as a double
	movl r5=0x123456789abcdef0
	;;
	setf.d f6=r4
	setf.sig f7=r5
	mov r3=r2
	;;
	sum psr.be
	;;
	stfs [r3]=f6,8
	;;
	stfd [r3]=f6,8
	;;
	stf8 [r3]=f7,16
	;;
	stfe [r3]=f6,16
	;;
	stf.spill [r3]=f7
	;;
	rum psr.be
	;;
	ld8 r8=[r2],8
	;;
	ld8 r9=[r2],8
	;;
	ld8 r10=[r2],8
	;;
	ld8 r11=[r2],8
	;;
	ld8 r12=[r2],8
	;;
	ld8 r13=[r2],8
	;;
	ld8 r14=[r2],8
	;;
	ld8 r15=[r2],8
	;;
	ld8 r16=[r2]
	;;
	break.i 0
	;;
	.data
	.align 16
buf:
	.skip 80
