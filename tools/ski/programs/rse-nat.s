// NaT bits through the backing store: registers with NaT are spilled (RNAT bits), the
// collection is stored at each slot whose address bits 8:3 are all ones, and the returns
// (current-frame loads) take the NaT bits back from the collections in memory and from RNAT.
// Three calls deep, each callee alloc of 48 registers overflows the file.
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=bstore+0x180
	;;
	mov ar.bspstore=r2
	;;
	alloc r9=ar.pfs,0,8,8,0
	;;
	mov r32=0x920
	mov r33=0x921
	mov r34=0x922
	;;
	mov r35=0x923
	mov r36=0x924
	mov r37=0x925
	;;
	mov r38=0x926
	mov r39=0x927
	mov r40=0x928
	;;
	mov r41=0x929
	mov r42=0x92a
	mov r43=0x92b
	;;
	mov r44=0x92c
	mov r45=0x92d
	mov r46=0x92e
	;;
	mov r47=0x92f
	;;
	ld8.s r33=[r2]
	ld8.s r36=[r2]
	;;
	ld8.s r39=[r2]
	ld8.s r41=[r2]
	;;
	br.call.sptk.many b0=fn
	;;
	mov r20=ar.bsp
	mov r21=ar.bspstore
	mov r22=ar.rnat
	;;
	tnat.nz p1,p2=r33
	tnat.nz p3,p4=r36
	break.i 0
	;;
fn:
	alloc r9=ar.pfs,8,40,8,0
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
	;;
	ld8.s r50=[r0]
	mov r40=b0
	mov r41=r9
	ld8.s r86=[r0]
	add r30=1,r30
	;;
	cmp.gt p5,p6=3,r30
	mov r10=ar.bspstore
	mov r11=ar.rnat
	;;
	(p5) br.call.sptk.many b0=fn
	;;
	mov r12=ar.bspstore
	mov r13=ar.rnat
	mov b0=r40
	mov ar.pfs=r41
	;;
	br.ret.sptk.many b0
	;;
	.data
	.align 512
bstore:
	.skip 4096
