// c. paravirt -- the guest kernel (cpl 0, vm 1) is patched: each privileged operation of the
// workload is a call into the VMM's para-virtual page (ITLB ar = 7), whose entries start with
// vmsw.0, work on the virtual PSR/CRs at vm = 0 and return through vmsw.1. No interruption is
// taken on the hot path; the only one is the final exit hypercall.
//
// With guest_extras = 1 (default) the guest then tries vmsw.0 on its own page (ar = 3): a
// Virtualization fault (architecture.md 3.1, check 3), which the VMM refuses by reflecting an
// Illegal Operation to the guest kernel -- the guest cannot leave vm = 1 by itself.
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
	{ .mlx
	  nop.m 0
	  movl r2 = guest_extras
	  ;;
	}
	{ .mmi
	  ld8 r2 = [r2]
	  ;;
	  cmp.eq p6, p0 = 0, r2
	  nop.i 0
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	(p6) br.cond.spnt guest_done
	  ;;
	}
	{ .mlx
	  nop.m 0
	  movl r9 = guest_ivt
	  ;;
	}
	{ .mmi
	  mov cr.iva = r9               // Virtualization fault, emulated
	  nop.m 0
	  nop.i 0
	  ;;
	}
	.global guest_vmsw
guest_vmsw:
	{ .bbb
	  vmsw.0                        // not an ar = 7 page: Virtualization fault -> refused
	  nop.b 0
	  nop.b 0
	  ;;
	}
	{ .mii
	  mov r14 = -1                  // not reached
	  nop.i 0
	  nop.i 0
	  ;;
	}

	.section .guest.ivt, "ax"
	.global guest_ivt
guest_ivt:
	.org 0x5400
	{ .mmi
	  mov r12 = cr.isr              // Illegal Operation (virtual PSR.ic = 0), emulated
	  mov r13 = cr.iip              // emulated
	  nop.i 0
	  ;;
	}
guest_done:
	GUEST_EXIT

	GUEST_DATA 4
