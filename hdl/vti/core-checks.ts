// vti_core, part 1 of 3: the checks (architecture.md §3, in the spec's terms). From the event
// and the state they decide which of the interruptions the core owns the instruction raises
// (Illegal Operation, Privileged Operation, Register NaT, Reserved Register/Field,
// Unimplemented Data Address, Virtualization, Break, Unimplemented Instruction Address, the
// external interrupt), and the PSR command the instruction issues if it completes.
// core-dispatch.ts picks the winner; core-commit.ts applies the effect.
import { CR, CR_IMPLEMENTED, CR_INTERRUPTION_RANGE, CR_READ_ONLY, CR_RESERVED_MASK, ISR_BIT } from '../../arch/cr.js';
import { ICLASS, type IClassName } from '../../arch/iclass.js';
import type { PriorityRowName } from '../../arch/priority.js';
import { PSR_BIT } from '../../arch/psr.js';
import { mux, withField, type Bit, type ModuleBuilder, type Value } from '../dsl/index.js';
import type { vtiAddrCheck } from './addr-check.js';
import { compareLogic } from './compare-logic.js';
import { coreCrReservedMask } from './cr-register.js';
import { crReservedValue } from './cr-reserved-values.js';
import { IClass, type ClassTests, type CoreEvent, type CoreState } from './core-inputs.js';
import { PsrBundle, PsrOp, RESERVED_OPERAND_BITS } from './psr-type.js';
import type { vtiVmsw } from './vmsw.js';

/** The priority-table rows the core decides itself (docs/vti_core.md, "What the core decides"). */
export const CORE_DECIDED_ROWS = [
  'ext_int',
  'illegal_op',
  'priv_op',
  'reg_nat',
  'reserved_reg_field',
  'unimpl_data_addr',
  'virtualization',
  'break_inst',
  'unimpl_inst_addr_trap',
] as const satisfies readonly PriorityRowName[];
export type CoreDecidedRow = (typeof CORE_DECIDED_ROWS)[number];

/** A vti_psr command: `op` (PsrOp) with its 64-bit operand. */
export interface PsrCommand {
  readonly op: Value;
  readonly operand: Value;
}

export interface CoreChecks {
  /** Per row the core decides: the event raises it. */
  readonly raised: Readonly<Record<CoreDecidedRow, Bit>>;
  /** The PSR command the instruction issues when it completes (NOP for most classes). */
  readonly command: PsrCommand;
  /**
   * The command would write a reserved field (its reserved-field fault), decided from the
   * instruction class and the raw operand rather than from the chosen command (shallower).
   */
  readonly commandRsv: Bit;
  readonly movToCr: Bit;
  readonly movFromCr: Bit;
}

/** The checks' inputs besides the module. */
export interface CheckInputs {
  readonly ev: CoreEvent;
  readonly state: CoreState;
  readonly cls: ClassTests;
  /** The vti_vmsw and vti_addr_check blocks, instantiated here as u_vmsw and u_addr. */
  readonly vmswBlock: ReturnType<typeof vtiVmsw>;
  readonly addrBlock: ReturnType<typeof vtiAddrCheck>;
  readonly vmImplemented: boolean;
}

export function coreChecks(m: ModuleBuilder, inp: CheckInputs): CoreChecks {
  const { ev, state, cls, vmImplemented } = inp;
  const { psr, cpl, vm, ic, cpl0 } = state;
  const vmswInst = m.instance('u_vmsw', inp.vmswBlock, {
    valid: cls.is('VMSW'),
    to_vm: ev.variant,
    cpl,
    psr_it: psr.f.it,
    psr_vm: vm,
    itlb_ar: ev.pageAr,
    vm_disabled: ev.vmDisabled,
    vmsw_disabled: ev.vmswDisabled,
  });
  // Which CR numbers exist, are read-only, or belong to the interruption range.
  const cmp = compareLogic(m);
  const crIs = (nums: readonly number[]): Bit => nums.map((x) => ev.crNum.eq(x)).reduce((a, b) => a.or(b)) as Bit;
  const crReserved = m.named('cr_reserved', crIs(CR_IMPLEMENTED).not());
  const crInterruption = m.named(
    'cr_interruption',
    cmp.uge(ev.crNum, CR_INTERRUPTION_RANGE.lo).and(cmp.ule(ev.crNum, CR_INTERRUPTION_RANGE.hi)),
  );
  const movToCr = cls.is('MOV_TO_CR');
  const movFromCr = cls.is('MOV_FROM_CR');
  const illegalOp = m.named(
    'illegal_op',
    movToCr
      .and(crReserved.or(crIs(CR_READ_ONLY)).or(crInterruption.and(ic)))
      .or(movFromCr.and(crReserved.or(crInterruption.and(ic))))
      .or(cls.is('EPC').and(ev.pfsPpl.ult(cpl)))
      .or(vmswInst.illegal_op),
  );
  const privOp = m.named(
    'priv_op',
    cls
      .any((k) => ICLASS[k].privileged)
      .and(cpl0.not())
      .or(vmswInst.priv_op),
  );
  const regNat = m.named('reg_nat', ev.r2Nat.and(cls.is('MOV_TO_PSR_L').or(cls.is('MOV_TO_PSR_UM')).or(movToCr)));

  const command = instructionCommand(m, ev, state, vmswInst.commit);
  const crWriteReserved = (Object.entries(CR_RESERVED_MASK) as [string, bigint][])
    .map(([num, mask]) => ev.crNum.eq(Number(num)).and(ev.r2.and(mask).orR()))
    .reduce((a, b) => a.or(b))
    .or(ev.crNum.eq(CR.IPSR).and(ev.r2.and(coreCrReservedMask('IPSR', vmImplemented)).orR()))
    // Reserved values (SDM vol 2, the CR pages; confirmed on Ski, program fix-cr-values): a slot
    // number of 3 in IPSR.ri or ISR.ei (a bundle has three slots).
    .or(ev.crNum.eq(CR.IPSR).and(ev.r2.bits(PSR_BIT.ri + 1, PSR_BIT.ri).eq(3)))
    .or(ev.crNum.eq(CR.ISR).and(ev.r2.bits(ISR_BIT.ei + 1, ISR_BIT.ei).eq(3)))
    // PTA.size below 15, an invalid frame marker in a valid IFS, TPR's reserved bits 15:8.
    .or(crReservedValue(m, ev.crNum, ev.r2));
  const commandRsv = m.named('cmd_rsv', commandReserved(m, ev));
  const rsvField = m.named('rsv_field', ev.valid.and(commandRsv).or(movToCr.and(crWriteReserved)));

  // Address checks: data address (translation by PSR.dt) or branch target (PSR.it). The
  // address operands of itc/itr/ptc/ptr/tpa (PRIV_OTHER) are virtual addresses whatever
  // PSR.dt is (SDM pseudo-code: unimplemented_virtual_address).
  const isBranch = cls.is('BRANCH');
  const addrPhys = mux(isBranch, psr.f.it.not(), mux(cls.is('PRIV_OTHER'), m.lit(0, 1), psr.f.dt.not()));
  const addrInst = m.instance('u_addr', inp.addrBlock, { addr: ev.addr, vm, phys: addrPhys });
  const dataAccess = m.named(
    'data_access',
    cls.is('LOAD').or(cls.is('STORE')).or(cls.is('PRIV_OTHER').and(ev.hasAddr)),
  );
  const unimplData = m.named('unimpl_data_addr', dataAccess.and(addrInst.unimpl));
  const unimplTarget = m.named('unimpl_target', isBranch.and(addrInst.unimpl));

  const virt = m.named(
    'virtualization',
    vm
      .and(
        cls
          .any((k) => ICLASS[k].virt === 'cpl0')
          .and(cpl0)
          .or(cls.any((k) => ICLASS[k].virt === 'any')),
      )
      .or(vmswInst.virt_fault),
  );
  const extIntTaken = m.named('ext_int_taken', ev.extInt.and(psr.f.i));

  const raised: Record<CoreDecidedRow, Bit> = {
    ext_int: extIntTaken,
    illegal_op: illegalOp,
    priv_op: privOp,
    reg_nat: regNat,
    reserved_reg_field: rsvField,
    unimpl_data_addr: unimplData,
    virtualization: virt,
    break_inst: cls.is('BREAK'),
    unimpl_inst_addr_trap: unimplTarget,
  };
  return { raised, command, commandRsv, movToCr, movFromCr };
}

/** The instruction class that issues each command with a reserved-field rule, and its operand. */
const RESERVED_CHECKED_CLASS = {
  MOV_PSR_L: ['MOV_TO_PSR_L', 'r2'],
  SSM: ['SSM', 'imm'],
  RSM: ['RSM', 'imm'],
  SUM: ['SUM', 'imm'],
  RUM: ['RUM', 'imm'],
  MOV_PSR_UM: ['MOV_TO_PSR_UM', 'r2'],
} as const satisfies Record<keyof typeof RESERVED_OPERAND_BITS, readonly [IClassName, 'r2' | 'imm']>;

/**
 * reservedFault(cand_op, cand_operand) of instructionCommand, for any event valid or not, but
 * from the class decode and the raw operand: the command decode (which waits for vti_vmsw and
 * the EPC and br.ret tests) is not on the path to the pending vector.
 */
function commandReserved(m: ModuleBuilder, ev: CoreEvent): Bit {
  return (
    Object.entries(RESERVED_CHECKED_CLASS) as [
      keyof typeof RESERVED_OPERAND_BITS,
      readonly [IClassName, 'r2' | 'imm'],
    ][]
  )
    .map(([op, [k, from]]) => {
      const operand = from === 'r2' ? ev.r2 : ev.imm.zext(64);
      return ev.iclass.eq(m.enumValue(IClass, k)).and(operand.and(RESERVED_OPERAND_BITS[op]).orR());
    })
    .reduce((a, b) => a.or(b)) as Bit;
}

/**
 * The PSR command the instruction would issue, and its operand (wires cand_op, cand_operand).
 * `vmswCommit`: vti_vmsw lets the vmsw take effect.
 */
function instructionCommand(m: ModuleBuilder, ev: CoreEvent, state: CoreState, vmswCommit: Value): PsrCommand {
  const { psr, cpl, cr } = state;
  const candOp = m.wire('cand_op', PsrOp);
  const candOperand = m.wire('cand_operand', 64);
  const immOperand = ev.imm.zext(64);
  const epcCpl = mux(psr.f.it, ev.pagePl, m.lit(0, 2));
  const epcPromotes = m.named('epc_promotes', psr.f.it.not().or(ev.pageAr.eq(7)));
  candOp.set(m.enumValue(PsrOp, 'NOP'));
  candOperand.set(ev.r2);
  m.switch(ev.iclass, (s) => {
    const op = (k: IClassName, psrOpName: keyof typeof PsrOp.values, operand?: Value) =>
      s.is(m.enumValue(IClass, k), () => {
        candOp.set(m.enumValue(PsrOp, psrOpName));
        if (operand) candOperand.set(operand);
      });
    op('SSM', 'SSM', immOperand);
    op('RSM', 'RSM', immOperand);
    op('SUM', 'SUM', immOperand);
    op('RUM', 'RUM', immOperand);
    op('MOV_TO_PSR_L', 'MOV_PSR_L');
    op('MOV_TO_PSR_UM', 'MOV_PSR_UM');
    op('RFI', 'RFI', cr.IPSR);
    s.is(m.enumValue(IClass, 'VMSW'), () =>
      m.when(vmswCommit, () => candOp.set(mux(ev.variant, m.enumValue(PsrOp, 'VMSW1'), m.enumValue(PsrOp, 'VMSW0')))),
    );
    s.is(m.enumValue(IClass, 'EPC'), () =>
      m.when(epcPromotes, () => {
        candOp.set(m.enumValue(PsrOp, 'EPC'));
        candOperand.set(epcCpl.zext(64));
      }),
    );
    s.is(m.enumValue(IClass, 'BSW'), () =>
      candOp.set(mux(ev.variant, m.enumValue(PsrOp, 'BSW1'), m.enumValue(PsrOp, 'BSW0'))),
    );
    // br.ret (BRANCH with variant 1) to a less privileged frame: cpl ← PFS.ppl. vti_psr has
    // no "raise cpl" command, so the core issues RFI with the current PSR and the new cpl.
    s.is(m.enumValue(IClass, 'BRANCH'), () =>
      m.when(ev.variant.and(ev.pfsPpl.ugt(cpl)), () => {
        candOp.set(m.enumValue(PsrOp, 'RFI'));
        candOperand.set(withField(PsrBundle, psr, 'cpl', ev.pfsPpl));
      }),
    );
  });
  return { op: candOp, operand: candOperand };
}
