// vti_psr — the extended processor status register (blocks.md): the PSR as a bundle of its
// named fields with PSR.vm at bit 46, updated by one command per cycle.
import { PSR_KEPT_MASK, PSR_RESERVED_MASK } from '../../arch/psr.js';
import { cat, defineModule, type HdlModule } from '../core/index.js';
import { PsrBundle, PsrOp, reservedFault } from './psr_type.js';

export interface PsrOptions {
  /** VT-i implemented; when false PSR.vm is tied to 0. */
  readonly vmImplemented?: boolean;
}

export function vtiPsr({ vmImplemented = true }: PsrOptions = {}): HdlModule {
  return defineModule('vti_psr', (m) => {
    m.clock();
    m.reset();
    const op = m.input('op', PsrOp);
    const operand = m.input('operand', 64);
    const slot = m.input('slot', 2);
    const dcrBe = m.input('dcr_be', 1);
    const dcrPp = m.input('dcr_pp', 1);
    const psrOut = m.output('psr', PsrBundle);
    const ipsrSave = m.output('ipsr_save', 64);
    const rsvFault = m.output('rsv_fault', 1);

    const psr = m.reg('psr_q', PsrBundle, { init: 0 });
    const f = psr.f;
    rsvFault.set(reservedFault(m, op, operand));

    // User-mask commands change `up` only while PSR.sp = 0: the mask of writable bits {5:1}.
    const umWritable = m.named('um_writable', cat(m.lit(0b111, 3), f.sp.not(), m.lit(1, 1))); // {mfh, mfl, ac, up, be}
    const umSet = operand.bits(5, 1).and(umWritable);
    const vmMask = vmImplemented ? 0n : 1n << 46n;
    const rfiValue = operand.and(~(PSR_RESERVED_MASK | vmMask) & 0xffff_ffff_ffff_ffffn);

    m.when(rsvFault.not(), () => {
      m.switch(op, (s) => {
        s.is(m.enumValue(PsrOp, 'MOV_PSR_L'), () => psr.slice(31, 0).set(operand.bits(31, 0)));
        s.is(m.enumValue(PsrOp, 'SSM'), () => psr.slice(23, 0).set(psr.bits(23, 0).or(operand.bits(23, 0))));
        s.is(m.enumValue(PsrOp, 'RSM'), () => psr.slice(23, 0).set(psr.bits(23, 0).and(operand.bits(23, 0).not())));
        s.is(m.enumValue(PsrOp, 'SUM'), () => psr.slice(5, 1).set(psr.bits(5, 1).or(umSet)));
        s.is(m.enumValue(PsrOp, 'RUM'), () => psr.slice(5, 1).set(psr.bits(5, 1).and(umSet.not())));
        s.is(m.enumValue(PsrOp, 'MOV_PSR_UM'), () =>
          psr.slice(5, 1).set(psr.bits(5, 1).and(umWritable.not()).or(umSet)));
        s.is(m.enumValue(PsrOp, 'INTERRUPT'), () => {
          psr.set(psr.and(PSR_KEPT_MASK));
          f.be.set(dcrBe);
          f.pp.set(dcrPp);
        });
        s.is(m.enumValue(PsrOp, 'RFI'), () => psr.set(rfiValue));
        s.is(m.enumValue(PsrOp, 'VMSW0'), () => f.vm.set(0));
        s.is(m.enumValue(PsrOp, 'VMSW1'), () => f.vm.set(vmImplemented ? 1 : 0));
        s.is(m.enumValue(PsrOp, 'EPC'), () => m.when(operand.bits(1, 0).ult(f.cpl), () => f.cpl.set(operand.bits(1, 0))));
        s.is(m.enumValue(PsrOp, 'BSW0'), () => f.bn.set(0));
        s.is(m.enumValue(PsrOp, 'BSW1'), () => f.bn.set(1));
      });
    });
    psrOut.set(psr);
    ipsrSave.set(cat(psr.bits(63, 43), slot, psr.bits(40, 0)));
  }, {
    doc: 'vti_psr: the extended PSR (bundle of named fields, PSR.vm = bit 46), one command per cycle (blocks.md).',
    params: { vmImplemented },
  });
}
