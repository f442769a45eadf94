// Seeded bugs for testing the lockstep itself: vti_core with one of its checks removed, built
// with the eDSL as a wrapper of the same ports around the generated core whose input for that
// check is tied off. A lockstep run against the emulator must find each of them.
import { defineModule, elaborate } from '../../../hdl/dsl/index.js';
import type { IRDesign } from '../../../hdl/ir/types.js';
import { vtiCore } from '../../../hdl/vti/core.js';
import { DEFAULT_CONFIG, type VtiConfig } from '../../../gen/vti.js';
import { INPUTS, OUTPUTS } from './columns.js';

/** Check removed → the input tied to 0 that removes it. */
export const CHECK_MUTANTS = {
  /** Register NaT Consumption of mov psr.l / psr.um / cr never detected. */
  no_reg_nat: 'r2_nat',
  /** epc sees PFS.ppl = 0: Illegal Operation above cpl 0 whatever PFS says. */
  epc_ppl_zero: 'pfs_ppl',
  /** vmsw never sees an ar = 7 page (always a Virtualization fault). */
  no_page_ar: 'page_ar',
  /** External interrupts never taken (ext_int ignored). */
  no_ext_int: 'ext_int',
} as const;
export type CheckMutant = keyof typeof CHECK_MUTANTS;

export function checkMutantDesign(bug: CheckMutant, gen: VtiConfig = DEFAULT_CONFIG): IRDesign {
  const core = vtiCore(gen);
  const tied = CHECK_MUTANTS[bug];
  const top = defineModule(
    'vti_core_seeded',
    (m) => {
      const conn: Record<string, ReturnType<typeof m.input>> = { clk: m.clock(), rst: m.reset() };
      for (const p of INPUTS) if (p.name !== 'rst') conn[p.name] = m.input(p.name, p.width);
      const u = m.instance('u_core', core, { ...conn, [tied]: m.lit(0, INPUTS.find((p) => p.name === tied)!.width) });
      for (const p of OUTPUTS) m.output(p.name, p.width).set(u[p.name]!);
    },
    { doc: `vti_core with a seeded bug: input ${tied} tied to 0 (${bug})` },
  );
  return elaborate(top).design;
}
