// The virtualization-sensitive instruction set of architecture.md §3.3 — ONE table, keyed by
// the executor's instruction class (indirect-register moves as 'mov_to_<file>' /
// 'mov_from_<file>'). 'cpl0': Virtualization fault when PSR.vm = 1 and cpl = 0 (after the
// instruction's own higher-priority checks). 'any': when PSR.vm = 1 at any cpl.
// Project decision (§3.3): mov to/from AR and probe are not listed. Edit here to change the set.

export type Sensitivity = 'cpl0' | 'any';

export const VIRT_SENSITIVE: Readonly<Record<string, Sensitivity>> = Object.freeze({
  mov_to_cr: 'cpl0',
  mov_from_cr: 'cpl0',
  mov_to_psr_l: 'cpl0',
  mov_from_psr: 'cpl0',
  ssm: 'cpl0',
  rsm: 'cpl0',
  rfi: 'cpl0',
  bsw: 'cpl0',
  itc_i: 'cpl0',
  itc_d: 'cpl0',
  itr_i: 'cpl0',
  itr_d: 'cpl0',
  ptc_l: 'cpl0',
  ptc_g: 'cpl0',
  ptc_ga: 'cpl0',
  ptc_e: 'cpl0',
  ptr_i: 'cpl0',
  ptr_d: 'cpl0',
  tak: 'cpl0',
  tpa: 'cpl0',
  mov_to_rr: 'cpl0',
  mov_from_rr: 'cpl0',
  mov_to_dbr: 'cpl0',
  mov_to_ibr: 'cpl0',
  mov_to_pkr: 'cpl0',
  mov_to_pmc: 'cpl0',
  mov_to_pmd: 'cpl0',
  mov_from_dbr: 'cpl0',
  mov_from_ibr: 'cpl0',
  mov_from_pkr: 'cpl0',
  mov_from_pmc: 'cpl0',
  mov_from_cpuid: 'cpl0',
  cover: 'cpl0',
  thash: 'any',
  ttag: 'any',
});

/** True when instruction class `cls` raises a Virtualization fault in this state. */
export function isVirtFault(cls: string, vm: number, cpl: number): boolean {
  if (!vm) return false;
  const s = VIRT_SENSITIVE[cls];
  return s === 'any' || (s === 'cpl0' && cpl === 0);
}
