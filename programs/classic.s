// d. classic -- trap-and-emulate without VT-i (run with --vt off). The guest kernel is
// de-privileged to cpl 1, so every privileged instruction raises a Privileged Operation fault
// (0x5400, ISR.code 0x10). The VMM tells the guest kernel from its application by the virtual
// cpl it keeps (in the virtual PSR), re-checks in software the faults that rank below
// Privileged Operation (Register NaT Consumption, Reserved Register/Field), then emulates.
// The VMM's data keeps its (now ordinary) virtual address but is protected by the page's
// privilege level 0: nothing distinguishes "monitor-only" without vm.
//
// After the workload the guest kernel demonstrates the checks: an ssm with a reserved
// immediate bit and a mov psr.l of a value with a reserved bit are reflected to the guest
// kernel (which counts them in r13 and resumes), then it enters its application at cpl 3,
// whose privileged instruction the VMM reflects because the virtual cpl is 3. (The VMM's
// NaT re-check is exercised with --valen 60 or less: thash of 0x1000_0000_0000_0000, then
// unimplemented, gives a NaT, and mov psr.l from it is reflected as Register NaT Consumption
// to 0x5600. With --valen 61 every address is implemented and the guest skips that check.)
	.explicit
	.set CLASSIC, 1
	// No vm, so no monitor-only addresses: the VMM data page is mapped at its physical address,
	// just above the guest's 16 MiB identity map (implemented for every IMPL_VA_MSB), and is
	// protected by its privilege level 0 alone.
	.equ VMM_BASE, 0x01000000
	.include "lib/layout.inc"
	.equ GUEST_PSR, GUEST_PSR_CLASSIC
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
	GUEST_WORKLOAD 0
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
	{ .mlx
	  nop.m 0
	  movl r9 = guest_ivt
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	(p6) br.cond.spnt guest_done
	  ;;
	}
	{ .mmi
	  mov cr.iva = r9               // emulated
	  mov r13 = 0
	  nop.i 0
	  ;;
	}
	.global check_rsvd
check_rsvd:
	{ .mmi
	  ssm 0x40                      // PSR bit 6 is reserved -> reflected Reserved Register/Field
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mlx
	  nop.m 0
	  movl r15 = 0x10000000         // PSR bit 28 is reserved ...
	  ;;
	}
	.global check_psr_l
check_psr_l:
	{ .mmi
	  mov psr.l = r15               // ... so this is reflected Reserved Register/Field too
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mlx
	  srlz.i                        // (after a PSR write, before the branch below)
	  movl r2 = 0x1000000000000000  // unimplemented when IMPL_VA_MSB < 60
	  ;;
	}
	{ .mmi
	  thash r15 = r2                // ... then NaT
	  ;;
	  nop.m 0
	  tnat.z p6, p0 = r15
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	(p6) br.cond.spnt after_nat     // implemented (e.g. --valen 61): no NaT to show
	  ;;
	}
	.global check_nat
check_nat:
	{ .mmi
	  mov psr.l = r15               // NaT: reflected Register NaT Consumption (0x5600)
	  nop.m 0
	  nop.i 0
	  ;;
	}
	.global after_nat
after_nat:
	{ .mmi
	  rsm psr.ic                    // emulated
	  ;;
	  srlz.d
	  nop.i 0
	  ;;
	}
	{ .mlx
	  nop.m 0
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
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	  rfi                           // Privileged Operation, emulated: enter the application
	  ;;
	}

	.global guest_app
guest_app:                          // cpl 3, virtual cpl 3
	{ .mmi
	  rsm psr.i                     // Privileged Operation -> reflected (virtual cpl 3)
	  nop.m 0
	  nop.i 0
	  ;;
	}

	.section .guest.ivt, "ax"
	.global guest_ivt
guest_ivt:
	.org 0x5400                     // General Exception: count, and resume after the
guest_general_exception:            // instruction if it came from the kernel (virtual cpl 0)
	{ .mmi
	  mov r12 = cr.isr              // Illegal Operation (virtual PSR.ic = 0), emulated
	  mov r14 = cr.ipsr             // emulated
	  adds r13 = 1, r13
	  ;;
	}
	{ .mii
	  nop.m 0
	  extr.u r3 = r14, 32, 2
	  ;;
	  cmp.eq p7, p0 = 3, r3         // from the application: done
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	(p7) br.cond.spnt guest_done
	  ;;
	}
	{ .mmi
	  mov r2 = cr.iip               // emulated; every check instruction is in slot 0, so
	  nop.m 0                       // resuming means the next bundle, slot 0
	  dep r14 = 0, r14, 41, 2
	  ;;
	}
	{ .mmi
	  adds r2 = 16, r2
	  ;;
	  mov cr.iip = r2               // emulated
	  nop.i 0
	  ;;
	}
	{ .mmi
	  mov cr.ipsr = r14             // emulated
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mib
	  nop.m 0
	  nop.i 0
	  rfi                           // emulated
	  ;;
	}
	.org 0x5600                     // NaT Consumption: same treatment
	{ .mib
	  nop.m 0
	  nop.i 0
	  br.sptk.many guest_general_exception
	  ;;
	}
guest_done:
	GUEST_EXIT

	GUEST_DATA 4
