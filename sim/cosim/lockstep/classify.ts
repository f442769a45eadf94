// How an emulator instruction maps onto a vti_core event (docs/vti_core.md): its instruction
// class, which operand feeds which port, and — per class — which interruptions the core
// decides itself ("What the core decides"). Everything else the emulator raised is reported
// to the core through `env_pending`. One table, so the lockstep rules are in one place.
import { ICLASS, type IClassName } from '../../../arch/iclass.js';
import type { NonAccessKind } from '../../../arch/non-access.js';
import { IR_ROW_PREFIX, isIrRow, PRIORITY_TABLE } from '../../../arch/priority.js';

/** How the dynamic operands of a slot are read from the machine before the step. */
export enum Kind {
  /** No operand beyond the class (ALU, nop, cover's cfm is read separately, ...). */
  NONE = 0,
  /** r2 and its NaT bit → r2/r2_nat (mov to psr.l / psr.um / cr). */
  R2 = 1,
  /** Data address in GR r3 → addr (loads, stores, ptc/ptr/tpa, probe, fc). */
  ADDR_R3 = 2,
  /** Data address is CR.IFA (itc/itr). */
  ADDR_IFA = 3,
  /** IP-relative branch: static target (br.cond, br.call). */
  BR_REL = 4,
  /** Indirect branch through b2 (br.cond b2, br.call b1=b2, br.ret b2). */
  BR_IND = 5,
  /** br.cloop: taken when LC ≠ 0 (before the step). */
  BR_CLOOP = 6,
  RFI = 7,
  EPC = 8,
  VMSW = 9,
  COVER = 10,
  /** break imm ≠ 0, not the firmware call. */
  BREAK = 11,
  /** break 0xca11: a firmware call at vm 0 and cpl 0, else a Break Instruction fault. */
  PAL = 12,
  /** break 0: the emulator's halt convention; not presented to the core. */
  HALT = 13,
}

/** Privileged "other" system instructions (class PRIV_OTHER) and their address operand, if any. */
const PRIV_OTHER: Record<string, Kind> = {
  itc_i: Kind.ADDR_IFA,
  itc_d: Kind.ADDR_IFA,
  itr_i: Kind.ADDR_IFA,
  itr_d: Kind.ADDR_IFA,
  ptc_l: Kind.ADDR_R3,
  ptc_g: Kind.ADDR_R3,
  ptc_ga: Kind.ADDR_R3,
  ptr_i: Kind.ADDR_R3,
  ptr_d: Kind.ADDR_R3,
  tpa: Kind.ADDR_R3,
  ptc_e: Kind.NONE,
  tak: Kind.NONE,
  mov_to_ind: Kind.NONE,
  mov_from_ind: Kind.NONE,
};

const SIMPLE: Record<string, [IClassName, Kind]> = {
  ssm: ['SSM', Kind.NONE],
  rsm: ['RSM', Kind.NONE],
  sum: ['SUM', Kind.NONE],
  rum: ['RUM', Kind.NONE],
  mov_to_psr_l: ['MOV_TO_PSR_L', Kind.R2],
  mov_from_psr: ['MOV_FROM_PSR', Kind.NONE],
  mov_to_psr_um: ['MOV_TO_PSR_UM', Kind.R2],
  mov_from_psr_um: ['MOV_FROM_PSR_UM', Kind.NONE],
  mov_to_cr: ['MOV_TO_CR', Kind.R2],
  mov_from_cr: ['MOV_FROM_CR', Kind.NONE],
  rfi: ['RFI', Kind.RFI],
  vmsw: ['VMSW', Kind.VMSW],
  epc: ['EPC', Kind.EPC],
  bsw: ['BSW', Kind.NONE],
  cover: ['COVER', Kind.COVER],
  mov_from_cpuid: ['CPUID_READ', Kind.NONE],
  thash: ['THASH_TTAG', Kind.NONE],
  ttag: ['THASH_TTAG', Kind.NONE],
  ld: ['LOAD', Kind.ADDR_R3],
  ld_postimm: ['LOAD', Kind.ADDR_R3],
  ld_postreg: ['LOAD', Kind.ADDR_R3],
  st: ['STORE', Kind.ADDR_R3],
  st_postimm: ['STORE', Kind.ADDR_R3],
  br_cond: ['BRANCH', Kind.BR_REL],
  br_call: ['BRANCH', Kind.BR_REL],
  br_cloop: ['BRANCH', Kind.BR_CLOOP],
  br_ind: ['BRANCH', Kind.BR_IND],
  br_call_ind: ['BRANCH', Kind.BR_IND],
  br_ret: ['BRANCH', Kind.BR_IND],
  // Not core classes, but their data address goes to `addr` (IFA of their data faults).
  probe: ['OTHER', Kind.ADDR_R3],
  probe_i: ['OTHER', Kind.ADDR_R3],
  probe_fault: ['OTHER', Kind.ADDR_R3],
  fc: ['OTHER', Kind.ADDR_R3],
  lfetch: ['OTHER', Kind.ADDR_R3],
  lfetch_postimm: ['OTHER', Kind.ADDR_R3],
  lfetch_postreg: ['OTHER', Kind.ADDR_R3],
};

export const PAL_IMM = 0xca11;

/** The class an executed (qualifying predicate true) instruction presents, and its operand kind. */
export function classify(op: string, sub: string, imm: bigint): { cls: IClassName; kind: Kind; hasAddr: boolean } {
  if (op === 'break') {
    if (imm === 0n) return { cls: 'OTHER', kind: Kind.HALT, hasAddr: false };
    if (imm === BigInt(PAL_IMM)) return { cls: 'BREAK', kind: Kind.PAL, hasAddr: false };
    return { cls: 'BREAK', kind: Kind.BREAK, hasAddr: false };
  }
  if (op in PRIV_OTHER) {
    // mov r1 = pmd[r3] is neither privileged nor sensitive (architecture.md §3.3).
    if (op === 'mov_from_ind' && sub === 'pmd') return { cls: 'OTHER', kind: Kind.NONE, hasAddr: false };
    const kind = PRIV_OTHER[op]!;
    return { cls: 'PRIV_OTHER', kind, hasAddr: kind !== Kind.NONE };
  }
  const s = SIMPLE[op];
  if (s) return { cls: s[0], kind: s[1], hasAddr: false };
  return { cls: 'OTHER', kind: Kind.NONE, hasAddr: false };
}

/** Every op classify() knows by name (any other op is OTHER), for the static table checks. */
export const CLASSIFIED_OPS: readonly string[] = ['break', ...Object.keys(PRIV_OTHER), ...Object.keys(SIMPLE)];

/**
 * The non-access instruction an op is (the `non_access_kind` port, arch/non-access.ts): its
 * faults report ISR.na, ISR.code{3:0} and the r/w bits of the kind (model/exec/xlate.ts
 * nonAccessIsr). `sub` is the decoder's completer: the probed access of probe ('r', 'w',
 * 'rw'), 'fault' for lfetch.fault (a plain lfetch raises no fault: NONE).
 */
export function nonAccessKind(op: string, sub: string): NonAccessKind {
  switch (op) {
    case 'tpa':
      return 'TPA';
    case 'tak':
      return 'TAK';
    case 'fc':
      return 'FC';
    case 'probe':
    case 'probe_i':
      return sub === 'w' ? 'PROBE_W' : 'PROBE_R';
    case 'probe_fault':
      return sub === 'rw' ? 'PROBE_FAULT_RW' : sub === 'w' ? 'PROBE_FAULT_W' : 'PROBE_FAULT_R';
    case 'lfetch':
    case 'lfetch_postimm':
    case 'lfetch_postreg':
      return sub === 'fault' ? 'LFETCH' : 'NONE';
    default:
      return 'NONE';
  }
}

/**
 * Ops after which instruction translation may change (the descriptor cache drops its PSR.it = 1
 * half): the ITLB's inserts and purges and region register writes (mov_to_ind). The DTLB's own
 * (itc.d, itr.d, ptr.d) never touch the ITLB (model/exec/compile-tlb.ts), so they keep it.
 */
export const XLATE_OPS: ReadonlySet<string> = new Set([
  'itc_i',
  'itr_i',
  'ptc_l',
  'ptc_g',
  'ptc_ga',
  'ptc_e',
  'ptr_i',
  'mov_to_ind',
]);

const ALL = Object.keys(ICLASS) as IClassName[];
const when = (pred: (k: IClassName) => boolean) => ALL.filter(pred);

/**
 * The interruptions the core decides for each class (docs/vti_core.md, "What the core
 * decides"). When the emulator raises one of these on an instruction of that class, the core
 * must find it from the event's operands; any other interruption the emulator raises is the
 * environment's and is presented in `env_pending`.
 */
export const CORE_DECIDES: Readonly<Record<IClassName, ReadonlySet<string>>> = (() => {
  const rules: [string, IClassName[]][] = [
    ['ext_int', ALL],
    ['illegal_op', ['MOV_TO_CR', 'MOV_FROM_CR', 'EPC', 'VMSW']],
    ['priv_op', when((k) => ICLASS[k].privileged || k === 'VMSW')],
    ['reg_nat', ['MOV_TO_PSR_L', 'MOV_TO_PSR_UM', 'MOV_TO_CR']],
    ['reserved_reg_field', ['SSM', 'RSM', 'SUM', 'RUM', 'MOV_TO_PSR_L', 'MOV_TO_PSR_UM', 'MOV_TO_CR']],
    ['unimpl_data_addr', ['LOAD', 'STORE', 'PRIV_OTHER']], // PRIV_OTHER only with has_addr (checked by the caller)
    ['virtualization', when((k) => ICLASS[k].virt !== 'none' || k === 'VMSW')],
    ['break_inst', ['BREAK']],
    ['unimpl_inst_addr_trap', ['BRANCH']],
  ];
  const out = Object.fromEntries(ALL.map((k) => [k, new Set<string>()])) as Record<IClassName, Set<string>>;
  for (const [name, ks] of rules) for (const k of ks) out[k].add(name);
  return out;
})();

/** Priority-table bit of each row name. */
export const ROW_BIT: ReadonlyMap<string, number> = new Map(PRIORITY_TABLE.map((r, i) => [r.name, i]));
export const ICLASS_CODE: Readonly<Record<IClassName, number>> = Object.fromEntries(
  ALL.map((k) => [k, ICLASS[k].code]),
) as Record<IClassName, number>;
export const ICLASS_BY_CODE: readonly IClassName[] = (() => {
  const a: IClassName[] = [];
  for (const k of ALL) a[ICLASS[k].code] = k;
  return a;
})();
/** Trap rows by ISR.code bit (the emulator merges several traps of one instruction into one event). */
export const TRAP_ROWS = PRIORITY_TABLE.map((r, i) => ({ ...r, bit: i })).filter((r) => r.kind === 'trap');
/** Rows that are instruction-fetch faults: the instruction was not executed (class OTHER is presented). */
export const FETCH_ROWS: ReadonlySet<string> = new Set(
  PRIORITY_TABLE.filter((r) => r.access === 'fetch').map((r) => r.name),
);
/**
 * The IR row (arch/priority.ts isIrRow) of each fault a mandatory RSE load of the current
 * frame can take, by the name of the plain row the emulator delivers it as (its event says
 * which with ISR.ir): e.g. `unimpl_data_addr` → the bit of `ir_unimpl_data_addr`.
 */
export const IR_ROW_BIT: ReadonlyMap<string, number> = new Map(
  PRIORITY_TABLE.flatMap((r, i) => (isIrRow(r) ? [[r.name.slice(IR_ROW_PREFIX.length), i] as const] : [])),
);
