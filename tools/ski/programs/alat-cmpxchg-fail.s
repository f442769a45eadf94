// ski: -alat
// A cmpxchg whose compare fails stores nothing, and by the SDM cmpxchg pseudo-code removes no
// ALAT entry (alat_inval_multiple_entries only when AR[CCV] equals the value read): the
// model's chk.a.nc finds r4's entry. Ski removes the overlapping entries on every cmpxchg, so
// its chk.a.nc branches (listed in known-divergences.ts, settled: ski).
	.include "lib/ivt.inc"
	.text
	.global _start
_start:
	START
	movl r2=0x300000
	mov r3=0x55
	;;
	st8 [r2]=r3
	;;
	ld8.a r4=[r2]
	mov ar.ccv=r0
	;;
	cmpxchg8.acq r5=[r2],r3,ar.ccv
	;;
	chk.a.nc r4,recover
	;;
done:
	break.i 0
	;;
recover:
	mov r6=1
	br.sptk.many done
	;;
