// vti_psr's register update (blocks.md "vti_psr"), written bit range by bit range: each range
// of PSR bits has its own write condition (a flip-flop enable on the FPGA) and the simplest
// value the commands that write it need, instead of one 64-bit next-PSR multiplexer in front
// of one shared enable (issue 18: vti_psr's LUTs ≤ the hand-written version in every synthesis
// context). The interruption, which zeroes most fields, comes first: Yosys makes it the
// flip-flops' synchronous reset. Same behaviour as psr-next.ts (vti_core's PSR after an
// instruction); the equivalence proof against formal/ref and the block co-simulation check it.
import { PSR_BIT, PSR_FIELDS, PSR_RANGE } from '../../arch/psr.js';
import type { PsrOpName } from '../../arch/psr-op.js';
import { anyOf, type Bit, cat, type ModuleBuilder, type Value } from '../dsl/index.js';
import { PsrBundle, PsrOp } from './psr-type.js';

/** The packed register (architected bits only) seen as the 64-bit PSR. */
export interface PackedPsr {
  /** The 64-bit PSR (reserved bits 0). */
  readonly value: Value;
  /** Assigns the architected bits among PSR bits hi..lo from `v` (hi − lo + 1 bits). */
  write(hi: number, lo: number, v: Value): void;
}

export interface PsrUpdateInputs {
  readonly op: Value;
  readonly operand: Value;
  /** The command writes a reserved field (reservedFault): it has no effect. */
  readonly rsv: Bit;
  readonly dcrBe: Bit;
  readonly dcrPp: Bit;
}

const field = PsrBundle.field;

/** Builds the update of `psr` into `m` (vmImplemented false: PSR.vm stays 0). */
export function psrUpdate(m: ModuleBuilder, psr: PackedPsr, inp: PsrUpdateInputs, vmImplemented: boolean): void {
  const { op, operand, rsv } = inp;
  const q = psr.value;
  const is = (name: PsrOpName) => op.eq(m.enumValue(PsrOp, name));
  const any = (names: readonly PsrOpName[]) => anyOf(names.map(is)).asBit();
  const { um, sm, l } = PSR_RANGE;

  // Which commands write which bits: rfi all of them, mov psr.l {31:0}, ssm/rsm {23:0}, the
  // user-mask commands {5:1} (`up` only while PSR.sp = 0).
  const load = m.named('psr_w_load', any(['MOV_PSR_L', 'RFI']));
  const sysMask = m.named('psr_w_sm', load.or(any(['SSM', 'RSM'])));
  const userMask = m.named('psr_w_um', any(['SUM', 'RUM', 'MOV_PSR_UM']));
  // Below bit 24 every writer follows one rule of (old bit, operand bit): mov psr.l, rfi and
  // mov psr.um load the operand bit, ssm/sum set the bits whose operand bit is 1, rsm/rum
  // clear them. So: operand bit 1 → `one`; operand bit 0 → the old bit when `keep`.
  const one = m.named('psr_w_one', load.or(any(['MOV_PSR_UM', 'SSM', 'SUM'])));
  const keep = m.named('psr_w_keep', any(['SSM', 'SUM', 'RSM', 'RUM']));
  const x = operand.bits(sm.hi, 0);
  const ones = x.and(one.repeat(sm.hi + 1));
  const kept = x
    .not()
    .and(q.bits(sm.hi, 0))
    .and(keep.repeat(sm.hi + 1));
  const masked = m.named('psr_w_mask', ones.or(kept));
  const upBit = PSR_BIT.up;

  m.when(is('INTERRUPT'), () => {
    // The interruption state: kept fields hold, be/pp from DCR, every other field 0.
    for (const f of PSR_FIELDS) {
      const hi = f.lo + f.width - 1;
      if (f.onInterrupt === 'zero') psr.write(hi, f.lo, m.lit(0, f.width));
      else if (f.onInterrupt === 'dcr_be') psr.write(hi, f.lo, inp.dcrBe);
      else if (f.onInterrupt === 'dcr_pp') psr.write(hi, f.lo, inp.dcrPp);
    }
  }).elsewhen(rsv.not(), () => {
    const bitsOf = (hi: number, lo: number) => masked.bits(hi, lo);
    m.when(sysMask.or(userMask), () => {
      psr.write(upBit - 1, um.lo, bitsOf(upBit - 1, um.lo));
      psr.write(um.hi, upBit + 1, bitsOf(um.hi, upBit + 1));
    });
    m.when(sysMask.or(q.bit(PSR_BIT.sp).not().and(userMask)), () => psr.write(upBit, upBit, bitsOf(upBit, upBit)));
    m.when(sysMask, () => psr.write(sm.hi, um.hi + 1, bitsOf(sm.hi, um.hi + 1)));
    m.when(load, () => psr.write(l.hi, sm.hi + 1, operand.bits(l.hi, sm.hi + 1)));
    // Above PSR.l, rfi alone: up to vm, the highest architected bit (0 without VT-i).
    const vmBit = field.vm.lo;
    const rfiHigh = vmImplemented ? operand.bits(vmBit, l.hi + 1) : cat(m.lit(0, 1), operand.bits(vmBit - 1, l.hi + 1));
    m.when(is('RFI'), () => psr.write(vmBit, l.hi + 1, rfiHigh));
    m.when(is('VMSW0'), () => psr.write(field.vm.lo, field.vm.lo, m.lit(0, 1)));
    m.when(is('VMSW1'), () => psr.write(field.vm.lo, field.vm.lo, m.lit(vmImplemented ? 1 : 0, 1)));
    m.when(is('BSW0'), () => psr.write(field.bn.lo, field.bn.lo, m.lit(0, 1)));
    m.when(is('BSW1'), () => psr.write(field.bn.lo, field.bn.lo, m.lit(1, 1)));
    // epc lowers cpl to the operand's target (core-checks.ts), never raises it.
    const cplHi = field.cpl.lo + field.cpl.width - 1;
    const target = operand.trunc(field.cpl.width);
    m.when(is('EPC').and(target.ult(q.bits(cplHi, field.cpl.lo))), () => psr.write(cplHi, field.cpl.lo, target));
  });
}
