// Data page faults through data translation registers (region 1, 16 KiB pages, PSR.dt = 1):
// access bit clear (load: Data Access Bit), dirty bit clear (store: Dirty Bit; load fine),
// read-only rights (store: Data Access Rights), not present (Data Page Not Present), a NaT
// page (load: NaT Page Consumption; ld.s: deferred). IFA, ITIR and ISR at each.
	.include "lib/ivt.inc"
	.include "lib/vm.inc"

	.text
	.global _start
_start:
	START
	REGION1
	IC_OFF
	ITIR16K
	MAP16K 1, 0, (1 | (1 << 5) | (1 << 6) | (2 << 9))
	MAP16K 2, 1, (1 | (1 << 6) | (2 << 9))
	MAP16K 3, 2, (1 | (1 << 5) | (2 << 9))
	MAP16K 4, 3, (1 | (1 << 5) | (1 << 6) | (0 << 9))
	MAP16K 5, 4, ((1 << 5) | (1 << 6) | (2 << 9))
	MAP16K 6, 5, (1 | (7 << 2) | (1 << 5) | (1 << 6) | (2 << 9))
	DT_ON
	movl r8=0x2000000000600000
	mov r9=0x4000
	;;
	st8 [r8]=r9
	;;
	ld8 r10=[r8],r9
	;;
	ld8 r11=[r8],r9
	;;
	ld8 r12=[r8]
	;;
	st8 [r8]=r9
	;;
	add r8=r8,r9
	;;
	st8 [r8]=r9
	;;
	ld8 r13=[r8]
	add r8=r8,r9
	;;
	ld8 r14=[r8]
	;;
	add r8=r8,r9
	;;
	ld8 r15=[r8]
	;;
	ld8.s r16=[r8]
	;;
	mov r17=1
	rsm psr.dt
	;;
	srlz.d
	;;
	break.i 0
	;;
