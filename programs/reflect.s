// b. reflect -- a guest application at cpl 3 executes a privileged instruction: Privileged
// Operation fault (0x5400, ISR.code 0x10), which the VMM reflects to the guest kernel's own
// vector table (the guest's virtual IVA) with the guest's virtual IPSR/ISR/IIP filled in.
//
// The guest kernel (cpl 0, vm 1) sets its IVA, clears its (virtual) PSR.ic, writes IPSR/IIP/IFS
// and rfi's to the application -- all emulated by the VMM. CR16-CR27 accesses with the virtual
// PSR.ic = 0 arrive as Illegal Operation faults (the real PSR.ic is 1), the others as
// Virtualization faults. The guest handler reads its ISR/IIP/IPSR (emulated too) and exits.
	.explicit
	.include "lib/layout.inc"
	.equ GUEST_PSR, GUEST_PSR_VT
	.include "lib/boot.inc"
	.include "lib/vmm.inc"
	.include "lib/workload.inc"
	.equ APP_PSR, (PSR_CPL3 | PSR_BN | PSR_IT | PSR_DT | PSR_IC)

	VMM_BOOT guest_kernel, GUEST_PSR
	VMM_IVT
	VMM_CORE
	VMM_DATA

	.section .text.guest, "ax"
	.global guest_kernel
guest_kernel:
	{ .mlx
	  nop.m 0
	  movl r9 = guest_ivt
	  ;;
	}
	{ .mmi
	  mov cr.iva = r9               // Virtualization fault
	  ;;
	  rsm psr.ic                    // Virtualization fault
	  nop.i 0
	  ;;
	}
	{ .mlx
	  srlz.d
	  movl r10 = APP_PSR
	  ;;
	}
	{ .mlx
	  mov cr.ipsr = r10             // Illegal Operation (real PSR.ic = 1), emulated
	  movl r11 = guest_app
	  ;;
	}
	{ .mmi
	  mov cr.iip = r11              // Illegal Operation, emulated
	  mov cr.ifs = r0               // Illegal Operation, emulated
	  nop.i 0
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	  rfi                           // Virtualization fault: the VMM enters the application
	  ;;
	}

	.global guest_app
guest_app:                          // cpl 3
	{ .mmi
	  mov r14 = 42
	  ;;
	  rsm psr.i                     // Privileged Operation fault -> reflected (slot 1)
	  nop.i 0
	  ;;
	}
	{ .mii
	  mov r14 = 0                   // not reached
	  nop.i 0
	  nop.i 0
	  ;;
	}

	.section .guest.ivt, "ax"
	.global guest_ivt
guest_ivt:                          // the guest kernel's vector table (32 KiB aligned)
	.org 0x5400
guest_general_exception:
	{ .mmi
	  mov r12 = cr.isr              // Illegal Operation (virtual PSR.ic = 0), emulated
	  mov r13 = cr.iip              // Illegal Operation, emulated
	  nop.i 0
	  ;;
	}
	{ .mmi
	  mov r15 = cr.ipsr             // Illegal Operation, emulated
	  nop.m 0
	  nop.i 0
	  ;;
	}
	GUEST_EXIT

	GUEST_DATA 0
