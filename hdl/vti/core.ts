// vti_core — the integrated VT-i control path (blocks.md, last section; docs/vti_core.md).
// One decoded instruction event per cycle; the core decides which checks fire (Illegal
// Operation, Privileged Operation, Register NaT, Reserved Register/Field, Unimplemented Data
// Address, Virtualization, plus faults the environment reports), picks the winner with
// vti_fault_prio, and commits either the instruction's effect or the interruption dispatch of
// architecture.md §4. Every output is registered: after the rising edge of cycle k the
// outputs show the committed effect of the event presented in cycle k.
import { DEFAULT_CONFIG, type VtiConfig } from '../../arch/config.js';
import { CR, CR_IMPLEMENTED, CR_INTERRUPTION_RANGE, CR_READ_ONLY, CR_RESERVED_MASK, IFS_V_BIT, ISR_BIT } from '../../arch/cr.js';
import { ICLASS, ICLASS_WIDTH, type IClassName } from '../../arch/iclass.js';
import { PRIORITY_TABLE, priorityIndex, type PriorityRow } from '../../arch/priority.js';
import { PSR_READ_MASK, PSR_RESERVED_MASK } from '../../arch/psr.js';
import { cat, defineModule, enumType, mux, type Bit, type HdlModule, type Value } from '../core/index.js';
import { vtiAddrCheck } from './addr_check.js';
import { vtiFaultPrio } from './fault_prio.js';
import { vtiPsr } from './psr.js';
import { interruptionState, psrNext } from './psr_next.js';
import { PsrBundle, PsrOp, reservedFault } from './psr_type.js';
import { vtiVmsw } from './vmsw.js';

/** The configuration, and optionally another priority table than the architecture's. */
export interface CoreOptions extends VtiConfig {
  readonly table?: readonly PriorityRow[];
}

export const IClass = enumType('iclass', ICLASS_WIDTH,
  Object.fromEntries(Object.entries(ICLASS).map(([k, v]) => [k, v.code])) as Record<IClassName, number>);

/** The interruption CRs the core holds (the rest are the environment's). */
export const CORE_CRS = ['DCR', 'IVA', 'IPSR', 'ISR', 'IIP', 'IFA', 'IIPA', 'IFS', 'IIM', 'IIB0', 'IIB1'] as const;
export type CoreCr = (typeof CORE_CRS)[number];

/** Rows whose fault reports a data address (IFA ← addr, ISR.r/w from the access kind). */
const DATA_ROWS = /^(ir_)?(unimpl_data_addr|data_|alt_data_tlb|vhpt_data|unaligned_data|unsupported_data)/;
/** Rows whose fault reports the instruction address (IFA ← ip, ISR.x). */
const INST_ROWS = /^(alt_inst_tlb|vhpt_inst|inst_)/;
/** Data TLB-class rows that become Data Nested TLB (0x1400) while PSR.ic = 0 (§4). */
const NESTED_ROWS = /^(ir_)?(alt_data_tlb|vhpt_data|data_tlb)$/;

export function vtiCore(opts: CoreOptions = DEFAULT_CONFIG): HdlModule {
  const { vmImplemented, implVaMsb, implPaMsb, guestShrink } = opts;
  const table = opts.table ?? PRIORITY_TABLE;
  const psrBlock = vtiPsr({ vmImplemented });
  const vmswBlock = vtiVmsw({ vmImplemented });
  const addrBlock = vtiAddrCheck({ implVaMsb, implPaMsb, guestShrink });
  const prioBlock = vtiFaultPrio({ table });
  const n = table.length;

  return defineModule('vti_core', (m) => {
    const clk = m.clock();
    const rst = m.reset();
    // ---- the event ----
    const evValid = m.input('ev_valid', 1);
    const iclass = m.input('iclass', IClass);
    const variant = m.input('variant', 1); // vmsw.1 / bsw.1
    const ip = m.input('ip', 64);
    const slot = m.input('slot', 2);
    const bundle = m.input('bundle', 128);
    const nextIpIn = m.input('next_ip_in', 64); // the next instruction (for traps)
    const nextSlotIn = m.input('next_slot_in', 2);
    const imm = m.input('imm', 24); // ssm/rsm/sum/rum imm24, break imm21
    const r2 = m.input('r2', 64);
    const r2Nat = m.input('r2_nat', 1);
    const crNum = m.input('cr_num', 7);
    const pageAr = m.input('page_ar', 3);
    const pagePl = m.input('page_pl', 2);
    const pfsPpl = m.input('pfs_ppl', 2);
    const addr = m.input('addr', 64);
    const hasAddr = m.input('has_addr', 1); // PRIV_OTHER with an address operand (itc, tpa, ...)
    const nonAccess = m.input('non_access', 1); // a non-access data reference (tpa, probe, fc): ISR.na
    const cfm = m.input('cfm', 38);
    const extInt = m.input('ext_int', 1);
    const envPending = m.input('env_pending', n);
    const vmDisabled = m.input('vm_disabled', 1);
    const vmswDisabled = m.input('vmsw_disabled', 1);

    // ---- committed effect (registered) ----
    const psrOut = m.output('psr', PsrBundle);
    const crOut = Object.fromEntries(CORE_CRS.map((k) => [k, m.output(k.toLowerCase(), 64)])) as Record<CoreCr, ReturnType<typeof m.output>>;
    const takenOut = m.output('taken', 1);
    const vectorOut = m.output('intr_vector', 15);
    const redirectOut = m.output('redirect', 1);
    const nextIpOut = m.output('next_ip', 64);
    const nextSlotOut = m.output('next_slot', 2);
    const completedOut = m.output('completed', 1);
    const rdValidOut = m.output('rd_valid', 1);
    const rdValueOut = m.output('rd_value', 64);

    const cr = Object.fromEntries(CORE_CRS.map((k) => [k, m.reg(`${k.toLowerCase()}_q`, 64, { init: 0 })])) as Record<CoreCr, ReturnType<typeof m.reg>>;
    const taken = m.reg('taken_q', 1, { init: 0 });
    const vector = m.reg('vector_q', 15, { init: 0 });
    const redirect = m.reg('redirect_q', 1, { init: 0 });
    const nextIp = m.reg('next_ip_q', 64, { init: 0 });
    const nextSlot = m.reg('next_slot_q', 2, { init: 0 });
    const completed = m.reg('completed_q', 1, { init: 0 });
    const rdValid = m.reg('rd_valid_q', 1, { init: 0 });
    const rdValue = m.reg('rd_value_q', 64, { init: 0 });

    // PSR state: the vti_psr instance holds it; its output is this cycle's PSR.
    const psrOp = m.wire('psr_op', PsrOp);
    const psrOperand = m.wire('psr_operand', 64);
    const psrSlot = m.wire('psr_slot', 2);
    const psrInst = m.instance('u_psr', psrBlock, {
      clk, rst, op: psrOp, operand: psrOperand, slot: psrSlot, dcr_be: cr.DCR.bit(1), dcr_pp: cr.DCR.bit(0),
    });
    const psr = psrInst.psr!;
    const cpl = psr.bits(33, 32);
    const vm = psr.bit(46);
    const ic = psr.bit(13);
    const cpl0 = m.named('cpl0', cpl.eq(0));

    const isClass = (k: IClassName): Bit => evValid.and(iclass.eq(m.enumValue(IClass, k)));
    const anyClass = (pred: (k: IClassName) => boolean): Bit => {
      const ks = (Object.keys(ICLASS) as IClassName[]).filter(pred);
      return ks.length ? (ks.map(isClass).reduce((a, b) => a.or(b)) as Bit) : m.lit(0, 1).asBit();
    };

    // ---- checks, in the spec's terms ----
    const vmswInst = m.instance('u_vmsw', vmswBlock, {
      valid: isClass('VMSW'), to_vm: variant, cpl, psr_it: psr.bit(36), psr_vm: vm, itlb_ar: pageAr,
      vm_disabled: vmDisabled, vmsw_disabled: vmswDisabled,
    });
    // Which CR numbers exist, are read-only, or belong to the interruption range.
    const crIs = (nums: readonly number[]): Bit => nums.map((x) => crNum.eq(x)).reduce((a, b) => a.or(b)) as Bit;
    const crReserved = m.named('cr_reserved', crIs(CR_IMPLEMENTED).not());
    const crInterruption = m.named('cr_interruption', crNum.uge(CR_INTERRUPTION_RANGE.lo).and(crNum.ule(CR_INTERRUPTION_RANGE.hi)));
    const movToCr = isClass('MOV_TO_CR');
    const movFromCr = isClass('MOV_FROM_CR');
    const illegalOp = m.named('illegal_op', movToCr.and(crReserved.or(crIs(CR_READ_ONLY)).or(crInterruption.and(ic)))
      .or(movFromCr.and(crReserved.or(crInterruption.and(ic))))
      .or(isClass('EPC').and(pfsPpl.ult(cpl)))
      .or(vmswInst.illegal_op!));
    const privOp = m.named('priv_op', anyClass((k) => ICLASS[k].privileged).and(cpl0.not()).or(vmswInst.priv_op!));
    const regNat = m.named('reg_nat', r2Nat.and(isClass('MOV_TO_PSR_L').or(isClass('MOV_TO_PSR_UM')).or(movToCr)));

    // The PSR command the instruction would issue, and its operand.
    const candOp = m.wire('cand_op', PsrOp);
    const candOperand = m.wire('cand_operand', 64);
    const immOperand = imm.zext(64);
    const epcCpl = mux(psr.bit(36), pagePl, m.lit(0, 2));
    const epcPromotes = psr.bit(36).not().or(pageAr.eq(7));
    candOp.set(m.enumValue(PsrOp, 'NOP'));
    candOperand.set(r2);
    m.switch(iclass, (s) => {
      const op = (k: IClassName, psrOpName: keyof typeof PsrOp.values, operand?: Value) =>
        s.is(m.enumValue(IClass, k), () => { candOp.set(m.enumValue(PsrOp, psrOpName)); if (operand) candOperand.set(operand); });
      op('SSM', 'SSM', immOperand);
      op('RSM', 'RSM', immOperand);
      op('SUM', 'SUM', immOperand);
      op('RUM', 'RUM', immOperand);
      op('MOV_TO_PSR_L', 'MOV_PSR_L');
      op('MOV_TO_PSR_UM', 'MOV_PSR_UM');
      op('RFI', 'RFI', cr.IPSR);
      s.is(m.enumValue(IClass, 'VMSW'), () => m.when(vmswInst.commit!, () =>
        candOp.set(mux(variant, m.enumValue(PsrOp, 'VMSW1'), m.enumValue(PsrOp, 'VMSW0')))));
      s.is(m.enumValue(IClass, 'EPC'), () => m.when(epcPromotes, () => {
        candOp.set(m.enumValue(PsrOp, 'EPC'));
        candOperand.set(epcCpl.zext(64));
      }));
      s.is(m.enumValue(IClass, 'BSW'), () => candOp.set(mux(variant, m.enumValue(PsrOp, 'BSW1'), m.enumValue(PsrOp, 'BSW0'))));
      // br.ret (BRANCH with variant 1) to a less privileged frame: cpl ← PFS.ppl. vti_psr has
      // no "raise cpl" command, so the core issues RFI with the current PSR and the new cpl.
      s.is(m.enumValue(IClass, 'BRANCH'), () => m.when(variant.and(pfsPpl.ugt(cpl)), () => {
        candOp.set(m.enumValue(PsrOp, 'RFI'));
        candOperand.set(cat(psr.bits(63, 34), pfsPpl, psr.bits(31, 0)));
      }));
    });
    const crWriteReserved = (Object.entries(CR_RESERVED_MASK) as [string, bigint][])
      .map(([num, mask]) => crNum.eq(Number(num)).and(r2.and(mask).orR()))
      .reduce((a, b) => a.or(b))
      .or(crNum.eq(CR.IPSR).and(r2.and(PSR_RESERVED_MASK | (vmImplemented ? 0n : 1n << 46n)).orR()));
    const rsvField = m.named('rsv_field', evValid.and(reservedFault(m, candOp, candOperand)).or(movToCr.and(crWriteReserved)));

    // Address checks: data address (translation by PSR.dt) or branch target (PSR.it). The
    // address operands of itc/itr/ptc/ptr/tpa (PRIV_OTHER) are virtual addresses whatever
    // PSR.dt is (SDM pseudo-code: unimplemented_virtual_address).
    const isBranch = isClass('BRANCH');
    const addrPhys = mux(isBranch, psr.bit(36).not(), mux(isClass('PRIV_OTHER'), m.lit(0, 1), psr.bit(17).not()));
    const addrInst = m.instance('u_addr', addrBlock, { addr, vm, phys: addrPhys });
    const dataAccess = m.named('data_access', isClass('LOAD').or(isClass('STORE')).or(isClass('PRIV_OTHER').and(hasAddr)));
    const unimplData = m.named('unimpl_data_addr', dataAccess.and(addrInst.unimpl!));
    const unimplTarget = m.named('unimpl_target', isBranch.and(addrInst.unimpl!));

    const virt = m.named('virtualization', vm.and(anyClass((k) => ICLASS[k].virt === 'cpl0').and(cpl0).or(anyClass((k) => ICLASS[k].virt === 'any')))
      .or(vmswInst.virt_fault!));
    const extIntTaken = m.named('ext_int_taken', extInt.and(psr.bit(14)));

    // ---- the pending vector and the winner ----
    const own: [string, Bit][] = [
      ['ext_int', extIntTaken], ['illegal_op', illegalOp], ['priv_op', privOp], ['reg_nat', regNat],
      ['reserved_reg_field', rsvField], ['unimpl_data_addr', unimplData], ['virtualization', virt],
      ['break_inst', isClass('BREAK')], ['unimpl_inst_addr_trap', unimplTarget],
    ];
    const ownBits: Value[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const hit = own.find(([name]) => priorityIndex(name, table) === i);
      ownBits.push(hit ? hit[1] : m.lit(0, 1));
    }
    const pending = m.named('pending', envPending.and(evValid.repeat(n)).or(cat(...ownBits)));
    const prio = m.instance('u_prio', prioBlock, { pending });
    const rowMask = (re: RegExp) => table.reduce((acc, r, i) => (re.test(r.name) ? acc | (1n << BigInt(i)) : acc), 0n);
    const winIs = (re: RegExp): Bit => { const mask = rowMask(re); return mask ? prio.onehot!.and(mask).orR() : m.lit(0, 1).asBit(); };
    const isTrap = m.named('is_trap', prio.kind!.eq(2));
    const dataWin = m.named('data_win', winIs(DATA_ROWS));
    const instWin = winIs(INST_ROWS);
    const nested = m.named('nested', ic.not().and(winIs(NESTED_ROWS)));
    const dispatch = prio.valid!;
    const done = m.named('done', evValid.and(dispatch.not()));
    const vectorNow = mux(nested, m.lit(0x1400, 15), prio.iva_offset!);
    // Several traps of one instruction are one interruption (the winner's vector) whose
    // ISR.code has every pending trap's bit (architecture.md §5: trap codes are bits).
    const trapCodeBits: Value[] = [];
    for (let b = 15; b >= 0; b--) {
      const mask = table.reduce((acc, r, i) => (r.kind === 'trap' && (r.isrCode >> b) & 1 ? acc | (1n << BigInt(i)) : acc), 0n);
      trapCodeBits.push(mask ? pending.and(mask).orR() : m.lit(0, 1));
    }
    const trapCode = m.named('trap_code', cat(...trapCodeBits));
    const isrCodeNow = mux(nested, m.lit(0, 16), mux(isTrap, trapCode, prio.isr_code!));

    // ---- the state after the instruction, for traps ----
    // A trap is delivered after its instruction completed (§4): IPSR, ISR.ni, the
    // interruption state and the vector base are those *after* the instruction's own effect
    // (its PSR command, a mov to DCR or IVA). The PSR after it is the same next-state logic
    // vti_psr uses, built here combinationally.
    const crAfter = (k: 'DCR' | 'IVA', hi: number, lo: number) => mux(movToCr.and(crNum.eq(CR[k])), r2.bits(hi, lo), cr[k].bits(hi, lo));
    const dcrAfter = m.named('dcr_be_pp_after', crAfter('DCR', 1, 0)); // {be, pp}
    const ivaBaseAfter = m.named('iva_base_after', crAfter('IVA', 63, 15));
    // (The instruction's own command is never INTERRUPT, so that arm is left out.)
    const psrAfter = psrNext(m, 'psr_after', { psr, op: candOp, operand: candOperand }, vmImplemented).next;
    const trapPsr = interruptionState(m, 'trap_psr', psrAfter, dcrAfter.bit(1), dcrAfter.bit(0));
    const trapWin = m.named('trap_win', dispatch.and(isTrap));
    // PSR.ic as the dispatch sees it: after the instruction for traps, before it otherwise.
    const icDispatch = m.named('ic_dispatch', mux(isTrap, psrAfter.bit(13), ic));

    // ---- PSR command ----
    // A trap loads the interruption state computed from the PSR after the instruction (an
    // RFI command with that value); a fault or an interrupt uses vti_psr's INTERRUPT.
    psrOp.set(mux(dispatch, mux(isTrap, m.enumValue(PsrOp, 'RFI'), m.enumValue(PsrOp, 'INTERRUPT')), mux(done, candOp, m.enumValue(PsrOp, 'NOP'))));
    psrOperand.set(mux(trapWin, trapPsr, candOperand));
    psrSlot.set(slot);

    // ---- registered effect ----
    const isr = cat(m.lit(0, 20), m.lit(0, 1) /* ed */, slot /* ei */, m.lit(0, 1) /* so */, icDispatch.not() /* ni */,
      m.lit(0, 3) /* ir rs sp */, dataWin.and(nonAccess) /* na */,
      dataWin.and(isClass('LOAD').or(nonAccess)) /* r */, dataWin.and(isClass('STORE')) /* w */,
      instWin /* x */, m.lit(0, 8) /* rv */, m.lit(0, 8) /* vector (IA-32 only) */, isrCodeNow);
    void ISR_BIT; // layout documented in arch/cr.ts; the concatenation above follows it
    const ivaBase = mux(isTrap, ivaBaseAfter, cr.IVA.bits(63, 15));
    const ifsCleared = cat(m.lit(0, 1), cr.IFS.bits(IFS_V_BIT - 1, 0));

    taken.set(dispatch);
    vector.set(mux(dispatch, vectorNow, m.lit(0, 15)));
    completed.set(done);
    redirect.set(dispatch.or(done.and(isClass('RFI'))));
    nextIp.set(mux(dispatch, cat(ivaBase, vectorNow), mux(done.and(isClass('RFI')), cr.IIP, m.lit(0, 64))));
    // Project decision (docs/vti_core.md): rfi with the reserved IPSR.ri = 3 loads PSR.ri = 3
    // unchanged (blocks.md) and resumes at slot 2, the last slot of the bundle.
    const rfiSlot = mux(cr.IPSR.bits(42, 41).eq(3), m.lit(2, 2), cr.IPSR.bits(42, 41));
    nextSlot.set(mux(dispatch, m.lit(0, 2), mux(done.and(isClass('RFI')), rfiSlot, m.lit(0, 2))));

    // Values read by mov from psr / psr.um / cr.
    const crRead = m.wire('cr_read', 64);
    const crHeld = m.wire('cr_held', 1);
    crRead.set(0);
    crHeld.set(0);
    m.switch(crNum, (s) => {
      for (const k of CORE_CRS) s.is(CR[k], () => { crRead.set(cr[k]); crHeld.set(1); });
    });
    rdValid.set(done.and(isClass('MOV_FROM_PSR').or(isClass('MOV_FROM_PSR_UM')).or(movFromCr.and(crHeld))));
    rdValue.set(mux(isClass('MOV_FROM_PSR'), psr.and(PSR_READ_MASK),
      mux(isClass('MOV_FROM_PSR_UM'), psr.and(0x3f), mux(movFromCr, crRead, m.lit(0, 64)))));

    // IIB0/IIB1 of a trap hold the bundle at IIPA (§4): the trapping instruction's own bundle
    // when it started with ic = 1 (it then became IIPA), otherwise the bundle recorded with
    // the last IIPA update. (A mov to IIPA does not update the record: the core cannot fetch.)
    const iipaBundle = m.reg('iipa_bundle_q', 128, { init: 0 });
    const iibValue = mux(isTrap.and(ic.not()), iipaBundle, bundle);

    // The instruction's own effect: when it completed, and also when a trap is delivered
    // after it; the dispatch's writes below then override (last assignment wins).
    m.when(done.or(trapWin), () => {
      m.when(ic, () => { cr.IIPA.set(ip); iipaBundle.set(bundle); });
      m.when(movToCr, () => m.switch(crNum, (s) => { for (const k of CORE_CRS) s.is(CR[k], () => cr[k].set(r2)); }));
      m.when(isClass('COVER').and(ic.not()), () => cr.IFS.set(cat(m.lit(1, 1), m.lit(0, 25), cfm)));
    });
    m.when(dispatch, () => {
      cr.ISR.set(isr);
      m.when(icDispatch.and(nested.not()), () => {
        cr.IPSR.set(mux(isTrap, cat(psrAfter.bits(63, 43), nextSlotIn, psrAfter.bits(40, 0)), psrInst.ipsr_save!));
        cr.IIP.set(mux(isTrap, cat(nextIpIn.bits(63, 4), m.lit(0, 4)), cat(ip.bits(63, 4), m.lit(0, 4))));
        cr.IFS.set(ifsCleared);
        cr.IIB0.set(iibValue.bits(63, 0));
        cr.IIB1.set(iibValue.bits(127, 64));
        m.when(dataWin, () => cr.IFA.set(addr)).elsewhen(instWin, () => cr.IFA.set(ip));
        m.when(winIs(/^break_inst$/), () => cr.IIM.set(imm.bits(20, 0).zext(64)));
      });
    });

    psrOut.set(psr);
    for (const k of CORE_CRS) crOut[k].set(cr[k]);
    takenOut.set(taken);
    vectorOut.set(vector);
    redirectOut.set(redirect);
    nextIpOut.set(nextIp);
    nextSlotOut.set(nextSlot);
    completedOut.set(completed);
    rdValidOut.set(rdValid);
    rdValueOut.set(rdValue);
  }, {
    doc: 'vti_core: the integrated VT-i control path: checks of architecture.md §3, dispatch of §4 (docs/vti_core.md).',
    params: { vmImplemented, implVaMsb, implPaMsb, guestShrink, rows: n },
  });
}
