// c. paravirt -- the guest kernel (cpl 0, vm 1) is patched: each privileged operation of the
// workload is a call into the VMM's para-virtual page (ITLB ar = 7), whose entries start with
// vmsw.0, work on the virtual PSR/CRs at vm = 0 and return through vmsw.1. No interruption is
// taken on the hot path; the only one is the final exit hypercall.
	.explicit
	.include "lib/layout.inc"
	.equ GUEST_PSR, GUEST_PSR_VT
	.include "lib/boot.inc"
	.include "lib/vmm.inc"
	.include "lib/workload.inc"
	.include "lib/pv.inc"

	VMM_BOOT guest_kernel, GUEST_PSR
	VMM_IVT
	VMM_CORE
	VMM_DATA
	PV_PAGE_CODE

	.section .text.guest, "ax"
	.global guest_kernel
guest_kernel:
	GUEST_WORKLOAD 1
	GUEST_EXIT

	GUEST_DATA 4
