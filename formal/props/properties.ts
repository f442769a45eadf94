// P1-P6 (docs/properties.md): names, the checker outputs that state them, and what a trace of
// each shows. The formulas themselves are in checker.ts (Verilog) so there is one statement.

export type PropName = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6';
export const PROP_NAMES: readonly PropName[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];

export interface PropertyDef {
  readonly name: PropName;
  readonly title: string;
  /** Checker output that is 1 when the property holds for the previous cycle's event. */
  readonly ok: string;
  /** Checker output that is 1 when the previous cycle's event is a case of the antecedent. */
  readonly cover: string;
  /** Checker outputs the proof keeps (besides ok/cover) so a trace can show them. */
  readonly observe: readonly string[];
  /** Event inputs a trace table shows, in order. */
  readonly inputs: readonly string[];
}

const base = ['o_psr', 'o_vm', 'o_cpl', 'o_it', 'o_ic', 'o_taken', 'o_intr_vector', 'o_completed'];

export const PROPERTIES: Readonly<Record<PropName, PropertyDef>> = {
  P1: {
    name: 'P1',
    title: 'PSR.vm goes 1 -> 0 only by an interruption or a committed vmsw.0 (cpl 0, it 1, page ar 7, vmsw enabled)',
    ok: 'ok_p1',
    cover: 'cov_p1',
    observe: [...base],
    inputs: ['rst', 'ev_valid', 'iclass', 'variant', 'cr_num', 'r2', 'page_ar', 'vm_disabled', 'vmsw_disabled'],
  },
  P2: {
    name: 'P2',
    title: 'with vm = 1 no data access to an address unimplemented for the guest completes',
    ok: 'ok_p2',
    cover: 'cov_p2',
    observe: [...base, 'o_dt', 'o_isr'],
    inputs: ['rst', 'ev_valid', 'iclass', 'has_addr', 'addr', 'cr_num', 'r2', 'imm', 'page_ar', 'non_access_kind'],
  },
  P3: {
    name: 'P3',
    title: 'a Virtualization fault is never taken while a higher-priority fault condition of the instruction holds',
    ok: 'ok_p3',
    cover: 'cov_p3',
    observe: [...base, 'o_isr'],
    inputs: [
      'rst',
      'ev_valid',
      'iclass',
      'variant',
      'cr_num',
      'r2',
      'r2_nat',
      'imm',
      'addr',
      'has_addr',
      'page_ar',
      'env_pending',
    ],
  },
  P4: {
    name: 'P4',
    title: 'after any interruption cpl = 0, vm = 0 (the interruption PSR) and IP = IVA{63:15} || vector',
    ok: 'ok_p4',
    cover: 'cov_p4',
    observe: [...base, 'o_iva', 'o_dcr', 'o_ipsr', 'o_isr', 'o_redirect', 'o_next_ip', 'o_next_slot'],
    inputs: ['rst', 'ev_valid', 'iclass', 'cr_num', 'r2', 'ext_int', 'env_pending'],
  },
  P5: {
    name: 'P5',
    title: 'cpl becomes numerically smaller only by an interruption, rfi or epc',
    ok: 'ok_p5',
    cover: 'cov_p5',
    observe: [...base, 'o_ipsr'],
    inputs: ['rst', 'ev_valid', 'iclass', 'cr_num', 'r2', 'page_ar', 'page_pl', 'pfs_ppl'],
  },
  P6: {
    name: 'P6',
    title: 'at cpl != 0 no privileged instruction executes (Privileged Operation, never Virtualization)',
    ok: 'ok_p6',
    cover: 'cov_p6',
    observe: [...base, 'o_isr'],
    inputs: ['rst', 'ev_valid', 'iclass', 'variant', 'cr_num', 'r2', 'env_pending', 'ext_int', 'non_access_kind'],
  },
};
