// config: fr=31
// FP loads with PSR.be = 1: ldfs/ldfd/ldf8 reverse their 4 or 8 bytes, ldfe its 10 bytes,
// ldf.fill the 16-byte spill image as one number; ldfps/ldfpd/ldfp8 reverse each register's
// half, the first target from the lower address. The same bytes little-endian for contrast.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=data
	;;
	sum psr.be
	;;
	ldfs f6=[r2]
	;;
	ldfd f7=[r2]
	;;
	ldf8 f8=[r2]
	;;
	adds r3=16,r2
	;;
	ldfe f9=[r3]
	;;
	adds r3=32,r2
	;;
	ldf.fill f10=[r3]
	;;
	ldfps f11,f12=[r2]
	;;
	ldfpd f13,f14=[r2]
	;;
	ldfp8 f15,f16=[r2]
	;;
	rum psr.be
	;;
	ldfs f17=[r2]
	;;
	ldfp8 f18,f19=[r2]
	;;
	break.i 0
	;;
	.data
	.align 16
data:
	data1 0x3f, 0x80, 0x00, 0x00, 0x40, 0x09, 0x21, 0xfb	// single 1.0; double pi (big-endian)
	data1 0x54, 0x44, 0x2d, 0x18, 0x00, 0x00, 0x00, 0x01
	data1 0x3f, 0xff, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00	// extended 1.0 (big-endian)
	data1 0x00, 0x01, 0, 0, 0, 0, 0, 0
	data1 0, 0, 0, 0, 0, 0, 0x01, 0x00			// spill image (big-endian): exp 0x100ff
	data1 0xff, 0xc0, 0, 0, 0, 0, 0, 0x02
