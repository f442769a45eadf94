// vti_vmsw — the vmsw decision unit (blocks.md, architecture.md §3.1): exactly one of
// illegal_op / priv_op / virt_fault / commit for a valid vmsw, in the spec's check order.
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { defineModule, mux } from '../dsl/index.js';

export function vtiVmsw({ vmImplemented }: Pick<VtiConfig, 'vmImplemented'> = DEFAULT_CONFIG) {
  return defineModule(
    'vti_vmsw',
    (m) => {
      const valid = m.input('valid', 1);
      const toVm = m.input('to_vm', 1);
      const cpl = m.input('cpl', 2);
      const psrIt = m.input('psr_it', 1);
      const psrVm = m.input('psr_vm', 1);
      const itlbAr = m.input('itlb_ar', 3);
      const vmDisabled = m.input('vm_disabled', 1);
      const vmswDisabled = m.input('vmsw_disabled', 1);
      const illegalOp = m.output('illegal_op', 1);
      const privOp = m.output('priv_op', 1);
      const virtFault = m.output('virt_fault', 1);
      const commit = m.output('commit', 1);
      const vmNext = m.output('vm_next', 1);

      // 1. VT not implemented → Illegal Operation (a generator option, so a constant).
      const impl = m.lit(vmImplemented ? 1 : 0, 1);
      illegalOp.set(valid.and(impl.not()));
      // 2. cpl ≠ 0 → Privileged Operation.
      const privileged = m.named('at_cpl0', cpl.eq(0));
      privOp.set(valid.and(impl).and(privileged.not()));
      // 3. Not on an ar = 7 page with translation on, or VM features / vmsw disabled → Virtualization.
      const allowed = m.named('switch_allowed', psrIt.and(itlbAr.eq(7)).and(vmDisabled.not()).and(vmswDisabled.not()));
      virtFault.set(valid.and(impl).and(privileged).and(allowed.not()));
      // 4. Otherwise the switch commits.
      commit.set(valid.and(impl).and(privileged).and(allowed));
      vmNext.set(mux(commit, toVm, psrVm));
      return {
        valid,
        toVm,
        cpl,
        psrIt,
        psrVm,
        itlbAr,
        vmDisabled,
        vmswDisabled,
        illegalOp,
        privOp,
        virtFault,
        commit,
        vmNext,
      };
    },
    {
      doc: 'vti_vmsw: vmsw.0/.1 decision (architecture.md §3.1): Illegal Operation > Privileged Operation > Virtualization > commit.',
      params: { vmImplemented },
    },
  );
}
