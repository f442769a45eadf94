// Instruction classes presented to vti_core, one per cycle, and which of them are privileged
// or virtualization-sensitive (architecture.md §3.3) — ONE table, so the sensitive set can
// change in one place. Shared spec data: the golden model produces these classes from the
// instructions it executes; the RTL's checks are generated from the same table.

export type VirtSensitivity = 'none' | 'cpl0' | 'any';

export interface IClassInfo {
  readonly code: number;
  /** cpl ≠ 0 → Privileged Operation fault. */
  readonly privileged: boolean;
  /** With PSR.vm = 1: 'cpl0' → Virtualization fault at cpl 0 (after higher checks); 'any' → at any cpl. */
  readonly virt: VirtSensitivity;
  readonly doc: string;
}

const c = (code: number, privileged: boolean, virt: VirtSensitivity, doc: string): IClassInfo => ({
  code,
  privileged,
  virt,
  doc,
});

export const ICLASS = Object.freeze({
  OTHER: c(0, false, 'none', 'any instruction without system effect (ALU, nop, mov from PMD, probe, ...)'),
  SSM: c(1, true, 'cpl0', 'ssm imm24'),
  RSM: c(2, true, 'cpl0', 'rsm imm24'),
  SUM: c(3, false, 'none', 'sum imm24'),
  RUM: c(4, false, 'none', 'rum imm24'),
  MOV_TO_PSR_L: c(5, true, 'cpl0', 'mov psr.l = r2'),
  MOV_FROM_PSR: c(6, true, 'cpl0', 'mov r1 = psr'),
  MOV_TO_PSR_UM: c(7, false, 'none', 'mov psr.um = r2'),
  MOV_FROM_PSR_UM: c(8, false, 'none', 'mov r1 = psr.um'),
  MOV_TO_CR: c(9, true, 'cpl0', 'mov cr[r3] = r2'),
  MOV_FROM_CR: c(10, true, 'cpl0', 'mov r1 = cr[r3]'),
  RFI: c(11, true, 'cpl0', 'rfi'),
  VMSW: c(12, false, 'none', 'vmsw.0 / vmsw.1 (own checks, architecture.md §3.1)'),
  EPC: c(13, false, 'none', 'epc'),
  BSW: c(14, true, 'cpl0', 'bsw.0 / bsw.1'),
  COVER: c(15, false, 'cpl0', 'cover'),
  PRIV_OTHER: c(
    16,
    true,
    'cpl0',
    'itc/itr/ptc/ptr/tak/tpa, mov to/from RR, mov to DBR/IBR/PKR/PMC/PMD, mov from DBR/IBR/PKR/PMC',
  ),
  CPUID_READ: c(17, false, 'cpl0', 'mov r1 = cpuid[r3]'),
  THASH_TTAG: c(18, false, 'any', 'thash / ttag'),
  LOAD: c(19, false, 'none', 'ld1-8 (data address in addr)'),
  STORE: c(20, false, 'none', 'st1-8 (data address in addr)'),
  BRANCH: c(
    21,
    false,
    'none',
    'taken branch (target in addr); variant 1 = br.ret (cpl ← PFS.ppl when less privileged)',
  ),
  BREAK: c(22, false, 'none', 'break imm21 with imm ≠ 0 (Break Instruction fault)'),
});

export type IClassName = keyof typeof ICLASS;
export const ICLASS_WIDTH = 5;
