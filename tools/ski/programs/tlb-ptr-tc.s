// ptr.d purges the data TC entries that overlap its range as well as the TRs: after itc.d of
// a page and ptr.d over it, tak finds no translation and returns 1. The SDM (vol 2 §4.1.1.4
// "Purge Behavior of TLB Inserts and Purges"; vol 3 itr: a TR's old translation "may remain as
// a TC entry", and software must use ptr to make sure it is purged) requires it; Ski's ptr
// purges only the TRs, so tak still finds the TC entry there (known-divergences.ts). Found by
// the random differential test (seed 5320).
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	movl r4=0x2000000000600000 + 3 * 0x4000
	mov r5=(0x55 << 8) | (14 << 2)
	movl r6=(0x600000 + 3 * 0x4000) | 1 | (1 << 5) | (1 << 6) | (2 << 9)
	;;
	mov cr.ifa=r4
	mov cr.itir=r5
	;;
	srlz.d
	;;
	itc.d r6
	;;
	srlz.d
	;;
	tak r10=r4
	;;
	mov r7=(14 << 2)
	;;
	ptr.d r4,r7
	;;
	srlz.d
	;;
	tak r11=r4
	;;
	mov r3=2
	break.i 0
	;;
