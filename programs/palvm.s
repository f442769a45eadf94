// e. palvm -- the flexible highest-implemented virtual-address bit. The guest kernel calls
// the VMM's virtualized PAL_VM_SUMMARY twice -- on the para-virtual page (answer kept in r14)
// and as an unmodified PAL call (break 0xca11, trapped) -- and gets IMPL_VA_MSB - guestShrink
// in r10{7:0} both times; then it touches the VMM's data page at its monitor-only address,
// which faults for vm = 1 (Unimplemented Data Address: General Exception, ISR.code 0x30,
// IFA = the address). The VMM reflects that to the guest kernel, whose handler reads its
// virtual ISR and IFA and exits.
	.explicit
	.set VMM_PAL, 1                 // the VMM virtualizes PAL: measures the guest IMPL_VA_MSB
	.include "lib/layout.inc"
	.equ GUEST_PSR, GUEST_PSR_VT
	.include "lib/boot.inc"
	.include "lib/vmm.inc"
	.include "lib/workload.inc"
	.include "lib/pal.inc"

	VMM_BOOT guest_kernel, GUEST_PSR
	VMM_IVT
	VMM_CORE
	VMM_DATA
	PV_PAL_CODE

	.section .text.guest, "ax"
	.global guest_kernel
guest_kernel:
	{ .mlx
	  nop.m 0
	  movl r9 = guest_ivt
	  ;;
	}
	{ .mmi
	  mov cr.iva = r9               // Virtualization fault, emulated
	  mov r28 = PAL_VM_SUMMARY
	  nop.i 0
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	  br.call.sptk.many b0 = pv_pal // vmsw.0 ... vmsw.1: no interruption
	  ;;
	}
	{ .mmi
	  mov r14 = r10                 // the para-virtual answer
	  mov r10 = 0
	  nop.i 0
	  ;;
	}
	.global guest_pal_trap
guest_pal_trap:
	{ .mii
	  break.m PAL_BREAK_IMM         // unmodified PAL call: Break fault at vm = 1, virtualized
	  nop.i 0
	  nop.i 0
	  ;;
	}
	{ .mlx
	  nop.m 0
	  movl r15 = VMM_BASE
	  ;;
	}
	.global guest_touch
guest_touch:
	{ .mmi
	  ld8 r2 = [r15]                // monitor-only: Unimplemented Data Address, reflected
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mii
	  mov r2 = -1                   // not reached
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
	  mov r13 = cr.ifa              // emulated
	  nop.i 0
	  ;;
	}
	GUEST_EXIT

	GUEST_DATA 0
