// What architecture.md says about ONE instruction event, restated from the spec (§2, §3, §6,
// §7, §8) independently of hdl/vti/core.ts, as eDSL logic the property checker builds into
// itself. Combinational: from the event presented in a cycle and the PSR before it (the core's
// registered output in that cycle) it gives the facts the checker registers (past()) and
// compares with the core's committed effect one cycle later. The numbers come from the
// spec-data tables in arch/ (CR numbers, PSR fields and masks, the instruction-class table,
// the priority table), which the spec-text tests pin to architecture.md; the logic is written
// here, not copied from the RTL.
import type { VtiConfig } from '../../arch/config.js';
import {
  CR,
  CR_IMPLEMENTED,
  CR_INTERRUPTION_RANGE,
  CR_READ_ONLY,
  CR_RESERVED_MASK,
  IFS_V_BIT,
  ISR_BIT,
} from '../../arch/cr.js';
import { ICLASS, type IClassName } from '../../arch/iclass.js';
import { PRIORITY_TABLE, priorityIndex, type PriorityRowName } from '../../arch/priority.js';
import { PSR_BIT, PSR_L_RESERVED_MASK, PSR_RESERVED_MASK, PSR_SM_RESERVED_MASK } from '../../arch/psr.js';
import { type Bit, fieldsOf, mux, type ModuleBuilder, type Value } from '../../hdl/dsl/index.js';
import { PsrBundle } from '../../hdl/vti/psr-type.js';

/** The event inputs the facts read (the core's input ports of the same names). */
export interface FactEvent {
  readonly ev_valid: Value;
  readonly iclass: Value;
  readonly variant: Value;
  readonly imm: Value;
  readonly r2: Value;
  readonly r2_nat: Value;
  readonly cr_num: Value;
  readonly page_ar: Value;
  readonly page_pl: Value;
  readonly pfs_ppl: Value;
  readonly addr: Value;
  readonly has_addr: Value;
  readonly ext_int: Value;
  readonly env_pending: Value;
  readonly vm_disabled: Value;
  readonly vmsw_disabled: Value;
}

export interface SpecFacts {
  /** §3.1: a vmsw.0 that passes every check (commits). */
  readonly vmsw0Allowed: Bit;
  /** §7: data access, vm = 1, dt = 1, address unimplemented for the guest. */
  readonly guestBadData: Bit;
  /** ... and implemented for the VMM (vm = 0): the monitor-only part. */
  readonly monitorOnly: Bit;
  /** Some condition of priority higher than Unimplemented Data Address (rank 33). */
  readonly aboveUnimpl: Bit;
  /** Some condition of priority higher than Virtualization (rank 35). */
  readonly aboveVirt: Bit;
  /** A privileged instruction (or vmsw) presented at cpl != 0. */
  readonly privAtCpl: Bit;
  /** Some condition of priority higher than Privileged Operation (rank 28). */
  readonly abovePriv: Bit;
  /** §3.2: epc with PFS.ppl >= cpl. */
  readonly epcLegal: Bit;
  /** The cpl §3.2 gives an epc (unchanged when it does not promote). */
  readonly epcCpl: Value;
}

/**
 * Reserved values of a mov to cr beyond its reserved bits (docs/vti_core.md, "What the core
 * decides"; SDM vol 2, the CR pages), restated here: PTA.size (bits 7:2) below 15, a VHPT
 * smaller than 32 KiB.
 */
function reservedPtaSize(r2: Value): Bit {
  // size < 15 ⇔ size{5:4} = 0 and size{3:0} ≠ 15.
  return r2.bits(7, 6).orR().not().and(r2.bits(5, 2).andR().not()).asBit();
}

/**
 * A frame marker (sof 6:0, sol 13:7, sor 17:14 counted in 8s, rrb.gr 24:18, rrb.fr 31:25,
 * rrb.pr 37:32) that no alloc makes: more than the 96 stacked registers, more locals or
 * rotating registers than the frame, a register rename base outside its rotating region
 * (96 rotating FRs, 48 rotating PRs; rrb.gr must be 0 without rotating GRs).
 */
function notAnAllocFrame(ifm: Value): Bit {
  const sof = ifm.bits(6, 0).zext(8);
  const sol = ifm.bits(13, 7).zext(8);
  const rotating = ifm.bits(17, 14).zext(8).shl(3);
  const rrbGr = ifm.bits(24, 18).zext(8);
  const bad = [
    sof.ugt(96),
    sol.ugt(sof),
    rotating.ugt(sof),
    // With rotating GRs rrb.gr < sor; without, rrb.gr = 0.
    rotating.eq(0).and(rrbGr.ne(0)),
    rotating.ne(0).and(rrbGr.uge(rotating)),
    ifm.bits(31, 25).uge(96),
    ifm.bits(37, 32).uge(48),
  ];
  return bad.reduce((a, b) => a.or(b)).asBit();
}

export function specFacts(m: ModuleBuilder, ev: FactEvent, psrBefore: Value, o: VtiConfig): SpecFacts {
  const guestMsb = o.implVaMsb - o.guestShrink;
  const zero = m.lit(0, 1).asBit();
  const anyOf = (xs: readonly Value[]): Bit => (xs.length ? (xs.reduce((a, b) => a.or(b)) as Bit) : zero);
  const cls = (k: IClassName): Bit => ev.ev_valid.and(ev.iclass.eq(ICLASS[k].code)).asBit();
  /** "bits hi..lo+1 of addr are not all equal to bit lo" (§7). */
  const notSignExtended = (hi: number, lo: number): Bit =>
    hi > lo
      ? ev.addr
          .bits(hi, lo + 1)
          .xor(ev.addr.bit(lo).repeat(hi - lo))
          .orR()
      : zero;
  /** "bits hi..lo of addr are not all zero". */
  const anyBitSet = (hi: number, lo: number): Bit => (hi >= lo ? ev.addr.bits(hi, lo).orR() : zero);
  /** Bits 0..rank-2 of env_pending: the environment's report of a row above `row`. */
  const envAbove = (row: PriorityRowName): Bit => {
    const idx = priorityIndex(row, PRIORITY_TABLE); // rows 0..idx-1 are of higher priority
    return ev.ev_valid.and(ev.env_pending.bits(idx - 1, 0).orR()).asBit();
  };
  const psr = fieldsOf(PsrBundle, psrBefore);
  const { cpl, vm, it, dt, ic, i: ien } = psr;

  // §8: CR numbers.
  const crIn = (nums: readonly number[]) => anyOf(nums.map((n) => ev.cr_num.eq(n)));
  const crReserved = crIn(CR_IMPLEMENTED).not();
  const crReadOnly = crIn(CR_READ_ONLY);
  const crIntr = ev.cr_num.uge(CR_INTERRUPTION_RANGE.lo).and(ev.cr_num.ule(CR_INTERRUPTION_RANGE.hi));

  // Illegal Operation (rank 25): §8 CR access rules, §3.2 epc, §3.1 step 1.
  const illegalOp = anyOf([
    cls('MOV_TO_CR').and(crReserved.or(crReadOnly).or(crIntr.and(ic))),
    cls('MOV_FROM_CR').and(crReserved.or(crIntr.and(ic))),
    cls('EPC').and(ev.pfs_ppl.ult(cpl)),
    o.vmImplemented ? zero : cls('VMSW'),
  ]);
  // Privileged Operation (rank 28): a privileged class, or vmsw (§3.1 step 2), at cpl != 0.
  const privileged = (Object.keys(ICLASS) as IClassName[]).filter((k) => ICLASS[k].privileged);
  const privOp = anyOf([...privileged.map(cls), cls('VMSW')]).and(cpl.ne(0));
  // Register NaT Consumption (rank 31).
  const regNat = ev.r2_nat.and(anyOf([cls('MOV_TO_PSR_L'), cls('MOV_TO_PSR_UM'), cls('MOV_TO_CR')]));
  // Reserved Register/Field (rank 32): §2 operand rules, §8 CR reserved fields.
  const ipsrReserved = PSR_RESERVED_MASK | (o.vmImplemented ? 0n : 1n << BigInt(PSR_BIT.vm));
  const crWriteReserved = anyOf([
    ...Object.entries(CR_RESERVED_MASK).map(([n, mask]) => ev.cr_num.eq(Number(n)).and(ev.r2.and(mask).orR())),
    ev.cr_num.eq(CR.IPSR).and(ev.r2.and(ipsrReserved).orR()),
    ev.cr_num.eq(CR.IPSR).and(ev.r2.bits(PSR_BIT.ri + 1, PSR_BIT.ri).andR()),
    ev.cr_num.eq(CR.ISR).and(ev.r2.bits(ISR_BIT.ei + 1, ISR_BIT.ei).andR()),
    ev.cr_num.eq(CR.PTA).and(reservedPtaSize(ev.r2)),
    ev.cr_num
      .eq(CR.IFS)
      .and(ev.r2.bit(IFS_V_BIT))
      .and(notAnAllocFrame(ev.r2.bits(37, 0))),
    ev.cr_num.eq(CR.TPR).and(ev.r2.bits(15, 8).orR()),
  ]);
  const rsvField = anyOf([
    cls('SSM').or(cls('RSM')).and(ev.imm.zext(64).and(PSR_SM_RESERVED_MASK).orR()),
    cls('SUM')
      .or(cls('RUM'))
      .and(ev.imm.bit(0).or(ev.imm.bits(23, 6).orR())),
    cls('MOV_TO_PSR_UM').and(ev.r2.bit(0).or(ev.r2.bits(63, 6).orR())),
    cls('MOV_TO_PSR_L').and(ev.r2.and(PSR_L_RESERVED_MASK).orR()),
    cls('MOV_TO_CR').and(crWriteReserved),
  ]);
  // Unimplemented Data Address (rank 33), §7.
  const dataAccess = anyOf([cls('LOAD'), cls('STORE'), cls('PRIV_OTHER').and(ev.has_addr)]);
  const vmmUnimpl = notSignExtended(60, o.implVaMsb);
  const guestUnimpl = notSignExtended(60, guestMsb);
  const physUnimpl = anyBitSet(62, o.implPaMsb + 1);
  const unimplData = dataAccess.and(mux(dt, mux(vm, guestUnimpl, vmmUnimpl), physUnimpl));
  // External Interrupt (rank 1), Break Instruction (rank 27).
  const extIntTaken = ev.ext_int.and(ien);
  const brk = cls('BREAK');

  const guestBadData = dataAccess.and(vm).and(dt).and(guestUnimpl).asBit();
  return {
    vmsw0Allowed: o.vmImplemented
      ? cls('VMSW')
          .and(ev.variant.not())
          .and(cpl.eq(0))
          .and(it)
          .and(ev.page_ar.eq(7))
          .and(ev.vm_disabled.not())
          .and(ev.vmsw_disabled.not())
          .asBit()
      : zero,
    guestBadData,
    monitorOnly: guestBadData.and(vmmUnimpl.not()).asBit(),
    aboveUnimpl: anyOf([extIntTaken, envAbove('unimpl_data_addr'), illegalOp, privOp, regNat, rsvField, brk]),
    aboveVirt: anyOf([extIntTaken, envAbove('virtualization'), illegalOp, privOp, regNat, rsvField, unimplData, brk]),
    privAtCpl: privOp.asBit(),
    abovePriv: anyOf([extIntTaken, envAbove('priv_op'), illegalOp, brk]),
    epcLegal: cls('EPC').and(ev.pfs_ppl.uge(cpl)).asBit(),
    epcCpl: mux(it.not(), m.lit(0, 2), mux(ev.page_ar.eq(7).and(ev.page_pl.ult(cpl)), ev.page_pl, cpl)),
  };
}
