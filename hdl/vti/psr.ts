// vti_psr — the extended processor status register (blocks.md): the PSR as a bundle of its
// named fields with PSR.vm at bit 46, updated by one command per cycle. The command semantics
// are the next-state function in psr-next.ts (shared with vti_core).
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { cat, defineModule } from '../dsl/index.js';
import { PsrBundle, PsrOp } from './psr-type.js';
import { psrNext } from './psr-next.js';

/** vmImplemented false: PSR.vm is tied to 0. */
export function vtiPsr({ vmImplemented }: Pick<VtiConfig, 'vmImplemented'> = DEFAULT_CONFIG) {
  return defineModule(
    'vti_psr',
    (m) => {
      const clk = m.clock();
      const rst = m.reset();
      const op = m.input('op', PsrOp);
      const operand = m.input('operand', 64);
      const slot = m.input('slot', 2);
      const dcrBe = m.input('dcr_be', 1);
      const dcrPp = m.input('dcr_pp', 1);
      const psrOut = m.output('psr', PsrBundle);
      const ipsrSave = m.output('ipsr_save', 64);
      const rsvFault = m.output('rsv_fault', 1);

      const psr = m.reg('psr_q', PsrBundle, { init: 0 });
      const step = psrNext(
        m,
        'psr_d',
        { psr, op, operand, dcr: { be: dcrBe.asBit(), pp: dcrPp.asBit() } },
        vmImplemented,
      );
      rsvFault.set(step.rsvFault);
      psr.set(step.next);
      psrOut.set(psr);
      ipsrSave.set(cat(psr.bits(63, 43), slot, psr.bits(40, 0)));
      return { clk, rst, op, operand, slot, dcrBe, dcrPp, psrOut, ipsrSave, rsvFault };
    },
    {
      doc: 'vti_psr: the extended PSR (bundle of named fields, PSR.vm = bit 46), one command per cycle (blocks.md).',
      params: { vmImplemented },
    },
  );
}
