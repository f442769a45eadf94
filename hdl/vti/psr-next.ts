// The PSR next-state function of the vti_psr commands (blocks.md), as combinational logic a
// module builds into itself: vti_core uses it for the PSR *after* an instruction, which an
// environment trap (single step, taken branch, lower-privilege transfer) must save in IPSR
// (architecture.md §4: the instruction completed). vti_psr's own register is written range by
// range with per-range enables instead (psr-update.ts, fewer LUTs); both are checked against
// the same references (formal/ref/ref_vti_psr.v for vti_psr, the lockstep for vti_core).
import { PSR_BIT, PSR_KEPT_MASK, PSR_RANGE, PSR_RESERVED_MASK } from '../../arch/psr.js';
import { cat, type Bit, type ModuleBuilder, type Value } from '../dsl/index.js';
import { PsrBundle, PsrOp, reservedFault } from './psr-type.js';

export interface PsrNextInputs {
  readonly psr: Value;
  readonly op: Value;
  readonly operand: Value;
  /** DCR.be/pp for the INTERRUPT command; absent: the caller never issues INTERRUPT, no such arm. */
  readonly dcr?: { readonly be: Bit; readonly pp: Bit };
  /** reservedFault(op, operand) when the caller knows it from shallower logic; computed here otherwise. */
  readonly rsvFault?: Bit;
}

export interface PsrNext {
  /** The PSR after the command (unchanged for NOP and for a command with a reserved-field fault). */
  readonly next: Value;
  /** The command writes a reserved field with its operand (the command then has no effect). */
  readonly rsvFault: Bit;
}

/**
 * Builds the next-state logic into `m`: a wire `name` (a PSR bundle) holding the PSR after
 * `op`, plus the helper signals `${name}_rsv`, `${name}_um_writable` and (with `dcr`) `${name}_intr`.
 */
export function psrNext(m: ModuleBuilder, name: string, inp: PsrNextInputs, vmImplemented: boolean): PsrNext {
  const { psr, op, operand } = inp;
  const next = m.wire(name, PsrBundle);
  const f = next.f;
  const sp = psr.bit(PsrBundle.field.sp.lo);
  const cpl = psr.bits(PsrBundle.field.cpl.lo + 1, PsrBundle.field.cpl.lo);
  const rsvFault = m.named(`${name}_rsv`, inp.rsvFault ?? reservedFault(m, op, operand));
  // User-mask commands change `up` only while PSR.sp = 0: the mask of writable bits {5:1}.
  const umWritable = m.named(`${name}_um_writable`, cat(m.lit(0b111, 3), sp.not(), m.lit(1, 1))); // {mfh, mfl, ac, up, be}
  const { um, sm, l } = PSR_RANGE;
  const umSet = operand.bits(um.hi, um.lo).and(umWritable);
  const intr = inp.dcr ? interruptionState(m, `${name}_intr`, psr, inp.dcr.be, inp.dcr.pp) : undefined;
  const vmMask = vmImplemented ? 0n : 1n << BigInt(PSR_BIT.vm);
  const rfiValue = operand.and(~(PSR_RESERVED_MASK | vmMask) & 0xffff_ffff_ffff_ffffn);

  next.set(psr);
  m.when(rsvFault.not(), () => {
    m.switch(op, (s) => {
      s.is(m.enumValue(PsrOp, 'MOV_PSR_L'), () => next.slice(l.hi, l.lo).set(operand.bits(l.hi, l.lo)));
      s.is(m.enumValue(PsrOp, 'SSM'), () =>
        next.slice(sm.hi, sm.lo).set(psr.bits(sm.hi, sm.lo).or(operand.bits(sm.hi, sm.lo))),
      );
      s.is(m.enumValue(PsrOp, 'RSM'), () =>
        next.slice(sm.hi, sm.lo).set(psr.bits(sm.hi, sm.lo).and(operand.bits(sm.hi, sm.lo).not())),
      );
      s.is(m.enumValue(PsrOp, 'SUM'), () => next.slice(um.hi, um.lo).set(psr.bits(um.hi, um.lo).or(umSet)));
      s.is(m.enumValue(PsrOp, 'RUM'), () => next.slice(um.hi, um.lo).set(psr.bits(um.hi, um.lo).and(umSet.not())));
      s.is(m.enumValue(PsrOp, 'MOV_PSR_UM'), () =>
        next.slice(um.hi, um.lo).set(psr.bits(um.hi, um.lo).and(umWritable.not()).or(umSet)),
      );
      if (intr) s.is(m.enumValue(PsrOp, 'INTERRUPT'), () => next.set(intr));
      s.is(m.enumValue(PsrOp, 'RFI'), () => next.set(rfiValue));
      s.is(m.enumValue(PsrOp, 'VMSW0'), () => f.vm.set(0));
      s.is(m.enumValue(PsrOp, 'VMSW1'), () => f.vm.set(vmImplemented ? 1 : 0));
      s.is(m.enumValue(PsrOp, 'EPC'), () => {
        // The operand holds the target cpl (core-checks.ts).
        const target = operand.trunc(PsrBundle.field.cpl.width);
        m.when(target.ult(cpl), () => f.cpl.set(target));
      });
      s.is(m.enumValue(PsrOp, 'BSW0'), () => f.bn.set(0));
      s.is(m.enumValue(PsrOp, 'BSW1'), () => f.bn.set(1));
    });
  });
  return { next, rsvFault };
}

/**
 * The interruption state (architecture.md §2/§4) as a wire `name`: the kept bits of `psr`,
 * be/pp from DCR, everything else 0 (cpl, vm, ic, i, bn, ri among them).
 */
export function interruptionState(m: ModuleBuilder, name: string, psr: Value, dcrBe: Bit, dcrPp: Bit): Value {
  const w = m.wire(name, PsrBundle);
  w.set(psr.and(PSR_KEPT_MASK));
  w.f.be.set(dcrBe);
  w.f.pp.set(dcrPp);
  return w;
}
