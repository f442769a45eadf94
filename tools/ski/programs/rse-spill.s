// Mandatory RSE stores and loads: a caller frame (with a NaT register) is spilled to the
// backing store when the callees' allocs overflow the 96 physical stacked registers, a
// NaT-collection slot (address bits 8:3 all ones) receives RNAT, flushrs stores the rest, and
// the returns load the frames back from memory before the next instruction. Every frame is
// fully defined (a callee's r32-r39 are its caller's outputs; the rest are cleared), so the
// spilled values and NaT bits are the program's own.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bstore
	;;
	mov ar.bspstore=r2
	;;
	alloc r9=ar.pfs,0,8,8,0
	;;
	mov r10=ar.bsp
	mov r32=0x20
	mov r33=0x21
	mov r34=0x22
	;;
	mov r35=0x23
	mov r36=0x24
	mov r37=0x25
	;;
	mov r38=0x26
	mov r39=0x27
	mov r40=0x28
	;;
	mov r41=0x29
	mov r42=0x2a
	mov r43=0x2b
	;;
	mov r44=0x2c
	mov r45=0x2d
	mov r46=0x2e
	;;
	mov r47=0x2f
	;;
	ld8.s r33=[r2]
	;;
	br.call.sptk.many b0=fn1
	;;
	mov r11=ar.bsp
	mov r12=ar.bspstore
	mov r13=ar.rnat
	;;
	add r14=r32,r34
	break.i 0
	;;
fn1:
	// 8 dirty registers below; a 90-register frame needs 2 more than the invalid ones.
	alloc r9=ar.pfs,8,74,8,0
	;;
	mov r15=ar.bspstore
	mov r16=ar.rnat
	movl r2=bstore
	;;
	mov r40=0x128
	mov r41=0x129
	mov r42=0x12a
	;;
	mov r43=0x12b
	mov r44=0x12c
	mov r45=0x12d
	;;
	mov r46=0x12e
	mov r47=0x12f
	mov r48=0x130
	;;
	mov r49=0x131
	mov r50=0x132
	mov r51=0x133
	;;
	mov r52=0x134
	mov r53=0x135
	mov r54=0x136
	;;
	mov r55=0x137
	mov r56=0x138
	mov r57=0x139
	;;
	mov r58=0x13a
	mov r59=0x13b
	mov r60=0x13c
	;;
	mov r61=0x13d
	mov r62=0x13e
	mov r63=0x13f
	;;
	mov r64=0x140
	mov r65=0x141
	mov r66=0x142
	;;
	mov r67=0x143
	mov r68=0x144
	mov r69=0x145
	;;
	mov r70=0x146
	mov r71=0x147
	mov r72=0x148
	;;
	mov r73=0x149
	mov r74=0x14a
	mov r75=0x14b
	;;
	mov r76=0x14c
	mov r77=0x14d
	mov r78=0x14e
	;;
	mov r79=0x14f
	mov r80=0x150
	mov r81=0x151
	;;
	mov r82=0x152
	mov r83=0x153
	mov r84=0x154
	;;
	mov r85=0x155
	mov r86=0x156
	mov r87=0x157
	;;
	mov r88=0x158
	mov r89=0x159
	mov r90=0x15a
	;;
	mov r91=0x15b
	mov r92=0x15c
	mov r93=0x15d
	;;
	mov r94=0x15e
	mov r95=0x15f
	mov r96=0x160
	;;
	mov r97=0x161
	mov r98=0x162
	mov r99=0x163
	;;
	mov r100=0x164
	mov r101=0x165
	mov r102=0x166
	;;
	mov r103=0x167
	mov r104=0x168
	mov r105=0x169
	;;
	mov r106=0x16a
	mov r107=0x16b
	mov r108=0x16c
	;;
	mov r109=0x16d
	mov r110=0x16e
	mov r111=0x16f
	;;
	mov r112=0x170
	mov r113=0x171
	mov r114=0x172
	;;
	mov r115=0x173
	mov r116=0x174
	mov r117=0x175
	;;
	mov r118=0x176
	mov r119=0x177
	mov r120=0x178
	;;
	mov r121=0x179
	;;
	ld8 r17=[r2],8
	;;
	ld8 r18=[r2]
	mov r21=b0
	;;
	br.call.sptk.many b0=fn2
	;;
	mov r19=ar.bspstore
	mov r20=ar.bsp
	add r32=1,r32
	mov b0=r21
	mov ar.pfs=r9
	;;
	br.ret.sptk.many b0
	;;
fn2:
	// 96 registers are held below: this alloc spills 80 of them (crossing a NaT collection).
	alloc r8=ar.pfs,8,64,8,0
	;;
	mov r3=ar.bspstore
	mov r4=ar.rnat
	movl r2=bstore+504
	;;
	mov r40=r0
	mov r41=r0
	mov r42=r0
	;;
	mov r43=r0
	mov r44=r0
	mov r45=r0
	;;
	mov r46=r0
	mov r47=r0
	mov r48=r0
	;;
	mov r49=r0
	mov r50=r0
	mov r51=r0
	;;
	mov r52=r0
	mov r53=r0
	mov r54=r0
	;;
	mov r55=r0
	mov r56=r0
	mov r57=r0
	;;
	mov r58=r0
	mov r59=r0
	mov r60=r0
	;;
	mov r61=r0
	mov r62=r0
	mov r63=r0
	;;
	mov r64=r0
	mov r65=r0
	mov r66=r0
	;;
	mov r67=r0
	mov r68=r0
	mov r69=r0
	;;
	mov r70=r0
	mov r71=r0
	mov r72=r0
	;;
	mov r73=r0
	mov r74=r0
	mov r75=r0
	;;
	mov r76=r0
	mov r77=r0
	mov r78=r0
	;;
	mov r79=r0
	mov r80=r0
	mov r81=r0
	;;
	mov r82=r0
	mov r83=r0
	mov r84=r0
	;;
	mov r85=r0
	mov r86=r0
	mov r87=r0
	;;
	mov r88=r0
	mov r89=r0
	mov r90=r0
	;;
	mov r91=r0
	mov r92=r0
	mov r93=r0
	;;
	mov r94=r0
	mov r95=r0
	mov r96=r0
	;;
	mov r97=r0
	mov r98=r0
	mov r99=r0
	;;
	mov r100=r0
	mov r101=r0
	mov r102=r0
	;;
	mov r103=r0
	mov r104=r0
	mov r105=r0
	;;
	mov r106=r0
	mov r107=r0
	mov r108=r0
	;;
	mov r109=r0
	mov r110=r0
	mov r111=r0
	;;
	;;
	ld8 r5=[r2]
	;;
	flushrs
	;;
	mov r6=ar.bspstore
	mov r7=ar.bsp
	mov ar.pfs=r8
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 4096
