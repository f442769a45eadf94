// a. vtvmm -- VT-i trap-and-emulate. The guest kernel runs at cpl 0 with vm = 1; each of its
// privileged instructions raises a Virtualization fault (0x6100), which the VMM emulates on
// the virtual PSR/CRs in its monitor-only data page, then steps IIP/IPSR.ri and rfi's back.
	.explicit
	.include "lib/layout.inc"
	.equ GUEST_PSR, GUEST_PSR_VT
	.include "lib/boot.inc"
	.include "lib/vmm.inc"
	.include "lib/workload.inc"

	VMM_BOOT guest_kernel, GUEST_PSR
	VMM_IVT
	VMM_CORE
	VMM_DATA

	.section .text.guest, "ax"
	.global guest_kernel
guest_kernel:
	GUEST_WORKLOAD 0
	GUEST_EXIT

	GUEST_DATA 4
