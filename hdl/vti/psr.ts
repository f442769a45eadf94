// vti_psr — the extended processor status register (blocks.md): the PSR as a bundle of its
// named fields with PSR.vm at bit 46, updated by one command per cycle (the register update in
// psr-update.ts).
// Deliberately a separate copy (N-version): this file, the TS reference model (model/blocks/),
// the hand-written Verilog reference (formal/ref/) and the emulator (model/exec/) each state
// these semantics on their own, so that co-simulation and the equivalence proofs compare
// independent opinions. Keep them apart: they may share the spec data of arch/, never code.
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { PSR_FIELDS } from '../../arch/psr.js';
import { defineModule, type Signal, type Value, withField } from '../dsl/index.js';
import { PsrBundle, PsrOp, reservedFault } from './psr-type.js';
import { psrUpdate } from './psr-update.js';
import { expandRuns, storedWidth } from './packed-runs.js';

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

      // Only the architected fields are flip-flops: reserved bits always read 0 (the commands
      // never write them: a reserved-field operand faults), so they are constants, not state.
      const stored = m.reg('psr_arch_q', ARCHITECTED_BITS, { init: 0 });
      const psr = m.wire('psr_q', PsrBundle);
      psr.set(expandRuns(m, stored, RUNS_MSB_FIRST));
      // A command that writes a reserved field has no effect (psr-update.ts: no write enable).
      const rsv = m.named('rsv', reservedFault(m, op, operand));
      rsvFault.set(rsv);
      psrUpdate(
        m,
        { value: psr, write: (hi, lo, v) => writePacked(stored, hi, lo, v) },
        { op, operand, rsv, dcrBe: dcrBe.asBit(), dcrPp: dcrPp.asBit() },
        vmImplemented,
      );
      psrOut.set(psr);
      ipsrSave.set(withField(PsrBundle, psr, 'ri', slot)); // IPSR.ri = the slot
      return { clk, rst, op, operand, slot, dcrBe, dcrPp, psrOut, ipsrSave, rsvFault };
    },
    {
      doc: 'vti_psr: the extended PSR (bundle of named fields, PSR.vm = bit 46), one command per cycle (blocks.md).',
      params: { vmImplemented },
    },
  );
}

/** Runs of adjacent architected PSR bits (fields merged), most significant first: 34 bits of the 64. */
const RUNS_MSB_FIRST = [...PSR_FIELDS]
  .sort((a, b) => a.lo - b.lo)
  .reduce<{ lo: number; width: number }[]>((runs, f) => {
    const last = runs.at(-1);
    if (last && last.lo + last.width === f.lo) last.width += f.width;
    else runs.push({ lo: f.lo, width: f.width });
    return runs;
  }, [])
  .reverse();
const ARCHITECTED_BITS = storedWidth(RUNS_MSB_FIRST);

/**
 * Assigns PSR bits hi..lo of the packed register from `v` (hi − lo + 1 bits): the architected
 * bits among them, one slice per run (the reserved bits in between are not stored).
 */
function writePacked(packed: Signal, hi: number, lo: number, v: Value): void {
  let at = ARCHITECTED_BITS; // top of the run in the packed value
  for (const r of RUNS_MSB_FIRST) {
    at -= r.width;
    const [h, l] = [Math.min(hi, r.lo + r.width - 1), Math.max(lo, r.lo)];
    if (h >= l) packed.slice(at + h - r.lo, at + l - r.lo).set(v.bits(h - lo, l - lo));
  }
}
