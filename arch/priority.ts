// The interruption priority table of architecture.md §6 — spec DATA, shared by the RTL
// generator (hdl/vti/fault-prio.ts builds its encoder from it) and the golden model.
// Edit this table (and only this table) to change the priority order.

export type InterruptionKind = 'interrupt' | 'fault' | 'trap';

/**
 * The memory reference an interruption reports (architecture.md §4): 'data', a data access
 * (IFA ← the data address, ISR.r/w/na from the kind of access); 'fetch', an instruction
 * fetch (IFA ← the instruction's address, ISR.x = 1); 'none' (IFA is left as it is).
 */
export type ReportedAccess = 'data' | 'fetch' | 'none';

/**
 * What an interruption is delivered as when it happens while PSR.ic = 0 (§4): 'itself', or
 * Data Nested TLB (vector 0x1400, ISR.code 0), as the data TLB-class faults are.
 */
export type WhenIcOff = 'itself' | 'data_nested_tlb';

export interface PriorityRow {
  /** Stable identifier, used for port/bit names and in the model. */
  readonly name: string;
  /** Human-readable name as written in the spec. */
  readonly title: string;
  /** Vector offset from IVA. */
  readonly vector: number;
  /** ISR.code written on dispatch. */
  readonly isrCode: number;
  readonly kind: InterruptionKind;
  /** The memory reference it reports in IFA and ISR. */
  readonly access: ReportedAccess;
  /** What it is delivered as while PSR.ic = 0. */
  readonly whenIcOff: WhenIcOff;
}

/**
 * Highest priority first. The columns, in PriorityRow's order: name, title, vector, ISR.code,
 * kind, access, whenIcOff.
 */
const ROWS = [
  ['ext_int', 'External Interrupt', 0x3000, 0, 'interrupt', 'none', 'itself'],
  ['virt_ext_int', 'Virtual External Interrupt', 0x3400, 0, 'interrupt', 'none', 'itself'],
  ['ir_unimpl_data_addr', 'IR Unimplemented Data Address', 0x5400, 0x30, 'fault', 'data', 'itself'],
  ['ir_data_nested_tlb', 'IR Data Nested TLB', 0x1400, 0, 'fault', 'data', 'itself'],
  ['ir_alt_data_tlb', 'IR Alternate Data TLB', 0x1000, 0, 'fault', 'data', 'data_nested_tlb'],
  ['ir_vhpt_data', 'IR VHPT Data', 0x0000, 0, 'fault', 'data', 'data_nested_tlb'],
  ['ir_data_tlb', 'IR Data TLB', 0x0800, 0, 'fault', 'data', 'data_nested_tlb'],
  ['ir_data_page_not_present', 'IR Data Page Not Present', 0x5000, 0, 'fault', 'data', 'itself'],
  ['ir_data_nat_page', 'IR Data NaT Page Consumption', 0x5600, 0x20, 'fault', 'data', 'itself'],
  ['ir_data_key_miss', 'IR Data Key Miss', 0x1c00, 0, 'fault', 'data', 'itself'],
  ['ir_data_key_perm', 'IR Data Key Permission', 0x5100, 0, 'fault', 'data', 'itself'],
  ['ir_data_access_rights', 'IR Data Access Rights', 0x5300, 0, 'fault', 'data', 'itself'],
  ['ir_data_access_bit', 'IR Data Access-Bit', 0x2800, 0, 'fault', 'data', 'itself'],
  ['ir_data_debug', 'IR Data Debug', 0x5900, 0, 'fault', 'data', 'itself'],
  ['alt_inst_tlb', 'Alternate Instruction TLB', 0x0c00, 0, 'fault', 'fetch', 'itself'],
  ['vhpt_inst', 'VHPT Instruction', 0x0000, 0, 'fault', 'fetch', 'itself'],
  ['inst_tlb', 'Instruction TLB', 0x0400, 0, 'fault', 'fetch', 'itself'],
  ['inst_page_not_present', 'Instruction Page Not Present', 0x5000, 0, 'fault', 'fetch', 'itself'],
  ['inst_nat_page', 'Instruction NaT Page Consumption', 0x5600, 0x20, 'fault', 'fetch', 'itself'],
  ['inst_key_miss', 'Instruction Key Miss', 0x1800, 0, 'fault', 'fetch', 'itself'],
  ['inst_key_perm', 'Instruction Key Permission', 0x5100, 0, 'fault', 'fetch', 'itself'],
  ['inst_access_rights', 'Instruction Access Rights', 0x5200, 0, 'fault', 'fetch', 'itself'],
  ['inst_access_bit', 'Instruction Access-Bit', 0x2400, 0, 'fault', 'fetch', 'itself'],
  ['inst_debug', 'Instruction Debug', 0x5900, 0, 'fault', 'fetch', 'itself'],
  ['illegal_op', 'Illegal Operation', 0x5400, 0x00, 'fault', 'none', 'itself'],
  ['illegal_dep', 'Illegal Dependency', 0x5400, 0x80, 'fault', 'none', 'itself'],
  ['break_inst', 'Break Instruction', 0x2c00, 0, 'fault', 'none', 'itself'],
  ['priv_op', 'Privileged Operation', 0x5400, 0x10, 'fault', 'none', 'itself'],
  ['disabled_fp', 'Disabled FP-Register', 0x5500, 0, 'fault', 'none', 'itself'],
  ['disabled_isa', 'Disabled Instruction Set Transition', 0x5400, 0x40, 'fault', 'none', 'itself'],
  ['reg_nat', 'Register NaT Consumption', 0x5600, 0x10, 'fault', 'none', 'itself'],
  ['reserved_reg_field', 'Reserved Register/Field', 0x5400, 0x30, 'fault', 'none', 'itself'],
  ['unimpl_data_addr', 'Unimplemented Data Address', 0x5400, 0x30, 'fault', 'data', 'itself'],
  ['priv_reg', 'Privileged Register', 0x5400, 0x20, 'fault', 'none', 'itself'],
  ['virtualization', 'Virtualization', 0x6100, 0, 'fault', 'none', 'itself'],
  ['speculative_op', 'Speculative Operation', 0x5700, 0, 'fault', 'none', 'itself'],
  ['data_nested_tlb', 'Data Nested TLB', 0x1400, 0, 'fault', 'data', 'itself'],
  ['alt_data_tlb', 'Alternate Data TLB', 0x1000, 0, 'fault', 'data', 'data_nested_tlb'],
  ['vhpt_data', 'VHPT Data', 0x0000, 0, 'fault', 'data', 'data_nested_tlb'],
  ['data_tlb', 'Data TLB', 0x0800, 0, 'fault', 'data', 'data_nested_tlb'],
  ['data_page_not_present', 'Data Page Not Present', 0x5000, 0, 'fault', 'data', 'itself'],
  ['data_nat_page', 'Data NaT Page Consumption', 0x5600, 0x20, 'fault', 'data', 'itself'],
  ['data_key_miss', 'Data Key Miss', 0x1c00, 0, 'fault', 'data', 'itself'],
  ['data_key_perm', 'Data Key Permission', 0x5100, 0, 'fault', 'data', 'itself'],
  ['data_access_rights', 'Data Access Rights', 0x5300, 0, 'fault', 'data', 'itself'],
  ['data_dirty_bit', 'Data Dirty-Bit', 0x2000, 0, 'fault', 'data', 'itself'],
  ['data_access_bit', 'Data Access-Bit', 0x2800, 0, 'fault', 'data', 'itself'],
  ['data_debug', 'Data Debug', 0x5900, 0, 'fault', 'data', 'itself'],
  ['unaligned_data', 'Unaligned Data Reference', 0x5a00, 0, 'fault', 'data', 'itself'],
  ['unsupported_data', 'Unsupported Data Reference', 0x5b00, 0, 'fault', 'data', 'itself'],
  ['fp_fault', 'Floating-point Fault', 0x5c00, 0, 'fault', 'none', 'itself'],
  ['fp_trap', 'Floating-point Trap', 0x5d00, 0x01, 'trap', 'none', 'itself'],
  ['lower_priv_trap', 'Lower-Privilege Transfer Trap', 0x5e00, 0x02, 'trap', 'none', 'itself'],
  ['unimpl_inst_addr_trap', 'Unimplemented Instruction Address Trap', 0x5e00, 0x10, 'trap', 'none', 'itself'],
  ['taken_branch_trap', 'Taken Branch Trap', 0x5f00, 0x04, 'trap', 'none', 'itself'],
  ['single_step_trap', 'Single Step Trap', 0x6000, 0x08, 'trap', 'none', 'itself'],
] as const satisfies ReadonlyArray<
  readonly [string, string, number, number, InterruptionKind, ReportedAccess, WhenIcOff]
>;

/** The name of a row of the architecture's table. */
export type PriorityRowName = (typeof ROWS)[number][0];

/** Highest priority first. Index i is bit i of the encoder's `pending` input (rank i+1). */
export const PRIORITY_TABLE: readonly PriorityRow[] = Object.freeze(
  ROWS.map(([name, title, vector, isrCode, kind, access, whenIcOff]) =>
    Object.freeze({ name, title, vector, isrCode, kind, access, whenIcOff }),
  ),
);

/** Index (bit number) of a row by name; throws on an unknown name. */
export function priorityIndex(name: PriorityRowName, table: readonly PriorityRow[] = PRIORITY_TABLE): number {
  const i = table.findIndex((row) => row.name === name);
  if (i < 0) throw new Error(`unknown interruption '${name}' (not in the priority table)`);
  return i;
}

/**
 * IR rows ("incomplete register frame", SDM vol 2 §5.5): the faults of a mandatory RSE load
 * of the current frame after br.ret or rfi. Each is named as the row of the same fault on an
 * instruction's own access, with the prefix `ir_`.
 */
export const IR_ROW_PREFIX = 'ir_';

/** Whether `row` is an IR row (a fault on a mandatory RSE load of the current frame). */
export function isIrRow(row: PriorityRow): boolean {
  return row.name.startsWith(IR_ROW_PREFIX);
}
