// vti_core, part 3 of 3: the commit. Drives vti_psr's command and registers the event's
// effect: either the instruction's own (a completed instruction: PSR command, CR writes, the
// value read, rfi's redirect) or the interruption dispatch of architecture.md §4 (IPSR, ISR,
// IIP, IFA, IIM, IIPA, IFS, IIB0/1 and the redirect to the vector). Every output is
// registered: after the rising edge of cycle k the outputs show the effect of event k.
import { CR, DCR_BIT, IFS_V_BIT, ISR_BIT } from '../../arch/cr.js';
import { PSR_READ_MASK } from '../../arch/psr.js';
import { cat, fieldsOf, mux, withField, type Bit, type ModuleBuilder, type Signal, type Value } from '../dsl/index.js';
import type { CoreChecks } from './core-checks.js';
import type { CoreDispatch } from './core-dispatch.js';
import { NON_ACCESS, type NonAccessInfo, type NonAccessKind } from '../../arch/non-access.js';
import {
  CORE_CRS,
  NonAccessType,
  ONE_SHOT_PSR_FIELDS,
  type ClassTests,
  type CoreCr,
  type CoreEvent,
  type CoreState,
} from './core-inputs.js';
import { coreCrReservedMask, crRegister, type CrRegister } from './cr-register.js';
import { interruptionState } from './psr-next.js';
import { PsrBundle } from './psr-type.js';

/** The output ports, each driven by its register. */
export interface CoreOutputs {
  readonly psr: Signal;
  readonly cr: Readonly<Record<CoreCr, Signal>>;
  readonly taken: Signal;
  readonly vector: Signal;
  readonly redirect: Signal;
  readonly nextIp: Signal;
  readonly nextSlot: Signal;
  readonly completed: Signal;
  readonly rdValid: Signal;
  readonly rdValue: Signal;
}

/** Declares the output ports (in this order). */
export function coreOutputs(m: ModuleBuilder): CoreOutputs {
  return {
    psr: m.output('psr', PsrBundle),
    cr: Object.fromEntries(CORE_CRS.map((k) => [k, m.output(k.toLowerCase(), 64)])) as Record<CoreCr, Signal>,
    taken: m.output('taken', 1),
    vector: m.output('intr_vector', 15),
    redirect: m.output('redirect', 1),
    nextIp: m.output('next_ip', 64),
    nextSlot: m.output('next_slot', 2),
    completed: m.output('completed', 1),
    rdValid: m.output('rd_valid', 1),
    rdValue: m.output('rd_value', 64),
  };
}

/** The registers behind the outputs (the PSR's is vti_psr's). */
export interface CoreRegisters {
  /** The interruption CRs; their values (`q`) are also the state the checks read (CoreState.cr). */
  readonly cr: Readonly<Record<CoreCr, CrRegister>>;
  readonly taken: Signal;
  readonly vector: Signal;
  readonly redirect: Signal;
  readonly nextIp: Signal;
  readonly nextSlot: Signal;
  readonly completed: Signal;
  readonly rdValid: Signal;
  readonly rdValue: Signal;
  /** CoreState.oneShot: the last rfi's one-instruction PSR bits are cleared after the next instruction. */
  readonly oneShot: Signal;
}

/** Declares the registers (in this order), all reset to 0; the CRs store only their architected bits. */
export function coreRegisters(m: ModuleBuilder, vmImplemented: boolean): CoreRegisters {
  return {
    cr: Object.fromEntries(
      CORE_CRS.map((k) => [k, crRegister(m, k.toLowerCase(), coreCrReservedMask(k, vmImplemented))]),
    ) as Record<CoreCr, CrRegister>,
    taken: m.reg('taken_q', 1, { init: 0 }),
    vector: m.reg('vector_q', 15, { init: 0 }),
    redirect: m.reg('redirect_q', 1, { init: 0 }),
    nextIp: m.reg('next_ip_q', 64, { init: 0 }),
    nextSlot: m.reg('next_slot_q', 2, { init: 0 }),
    completed: m.reg('completed_q', 1, { init: 0 }),
    rdValid: m.reg('rd_valid_q', 1, { init: 0 }),
    rdValue: m.reg('rd_value_q', 64, { init: 0 }),
    oneShot: m.reg('one_shot_q', 1, { init: 0 }),
  };
}

/** The wires of vti_psr's command inputs (the instance holds the PSR). */
export interface PsrPort {
  /** The PSR's next value (vti_psr's operand; its command is always RFI, a load). */
  readonly next: Signal;
  readonly slot: Signal;
  /** vti_psr's ipsr_save: the IPSR an interruption saves (PSR with ri = slot). */
  readonly ipsrSave: Value;
}

/** The commit's inputs besides the module. */
export interface CommitInputs {
  readonly ev: CoreEvent;
  readonly state: CoreState;
  readonly cls: ClassTests;
  readonly checks: CoreChecks;
  readonly win: CoreDispatch;
  readonly psrPort: PsrPort;
  readonly regs: CoreRegisters;
  readonly out: CoreOutputs;
}

/** The CRs an interruption saves besides ISR (which every dispatch writes). */
const SAVED_CRS = { IPSR: 1, IIP: 1, IFS: 1, IIB0: 1, IIB1: 1, IFA: 1, IIM: 1 } as const satisfies Partial<
  Record<CoreCr, 1>
>;
type SavedCr = keyof typeof SAVED_CRS;

export function coreCommit(m: ModuleBuilder, inp: CommitInputs): void {
  const { ev, state, cls, checks, win, psrPort, regs, out } = inp;
  const { psr, ic, cr } = state;
  const crW = regs.cr;
  /** A mov to CR `k` with PSR.ic = 0 (the only one that can complete for an interruption CR). */
  const movToCrOff = (k: CoreCr): Bit => checks.movToCr.and(ev.crNum.eq(CR[k])).and(ic.not()).asBit();
  const { dispatch, done, isTrap, dataWin, instWin, vector: vectorNow } = win;

  // ---- the PSR's next value ----
  // The core computes it and vti_psr loads it every cycle (an RFI command, which loads its
  // operand): an interruption loads the interruption state (a trap's computed from the PSR
  // after the instruction), a completed instruction the PSR after it (win.psrAfter: its own
  // command, and the one-instruction bits of the last rfi cleared when due), an idle cycle
  // the PSR unchanged. The selects (dispatch, trap) come late; this way they pass one
  // multiplexer, not vti_psr's command decode and reserved-field check.
  const psrIntr = interruptionState(m, 'psr_intr', psr, cr.DCR.bit(DCR_BIT.be), cr.DCR.bit(DCR_BIT.pp));
  // (A trap and a non-trap winner exclude each other and both imply dispatch; without
  // dispatch a valid event is done.)
  psrPort.next.set(mux(isTrap, win.trapPsr, mux(win.nonTrapWin, psrIntr, mux(ev.valid, win.psrAfter, psr))));
  // rfi that completes restoring any of the one-instruction bits arms their clearing after
  // the next instruction; any other event disarms it, and so does an interruption (which clears
  // the bits itself), an external interrupt on an idle cycle too.
  const ipsrF = fieldsOf(PsrBundle, cr.IPSR);
  const restoresOneShot = ONE_SHOT_PSR_FIELDS.map((f) => ipsrF[f].asBit()).reduce((a, b) => a.or(b)) as Bit;
  m.when(ev.valid.or(dispatch), () => regs.oneShot.set(done.and(cls.is('RFI')).and(restoresOneShot)));

  // ---- ISR bits of a non-access instruction's fault (arch/non-access.ts) ----
  const naCode = m.wire('na_code', 4);
  const naR = m.wire('na_r', 1);
  const naW = m.wire('na_w', 1);
  naCode.set(0);
  naR.set(0);
  naW.set(0);
  m.switch(ev.nonAccessKind, (s) => {
    for (const [kind, info] of Object.entries(NON_ACCESS) as [NonAccessKind, NonAccessInfo][])
      if (kind !== 'NONE')
        s.is(m.enumValue(NonAccessType, kind), () => {
          naCode.set(info.code);
          naR.set(info.r ? 1 : 0);
          naW.set(info.w ? 1 : 0);
        });
  });
  const naIsr = m
    .named('na_isr', win.nonAccessWin.and(ev.nonAccessKind.eq(m.enumValue(NonAccessType, 'NONE')).not()))
    .asBit();
  // A load's or store's own faults (data references, Register NaT Consumption) report r or w.
  const accessWin = dataWin.or(win.regNatWin);
  psrPort.slot.set(ev.slot);

  // ---- registered effect ----
  const isrOwn = cat(
    m.lit(0, 20),
    m.lit(0, 1) /* ed */,
    ev.slot /* ei */,
    m.lit(0, 1) /* so */,
    win.icDispatch.not() /* ni */,
    m.lit(0, 3) /* ir rs sp */,
    naIsr /* na */,
    accessWin.and(cls.is('LOAD')).or(naIsr.and(naR)) /* r */,
    accessWin.and(cls.is('STORE')).or(naIsr.and(naW)) /* w */,
    instWin /* x */,
    m.lit(0, 8) /* rv */,
    m.lit(0, 8) /* vector (IA-32 only) */,
    win.isrCode.or(mux(naIsr, naCode.zext(16), m.lit(0, 16))),
  );
  void ISR_BIT; // layout documented in arch/cr.ts; the concatenation above follows it
  // An IR winner faulted on a mandatory RSE load of the current frame (br.ret, rfi; SDM vol 2
  // §5.5), not on the instruction's own access: ISR reports an RSE read (ir, rs, r = 1) and
  // not a store's w — as the model's rse.ts rseLoadFrame does (win.nonAccessWin leaves IR
  // rows out, so no na either).
  const isrRseRead = (1n << BigInt(ISR_BIT.ir)) | (1n << BigInt(ISR_BIT.rs)) | (1n << BigInt(ISR_BIT.r));
  const isrStore = 1n << BigInt(ISR_BIT.w);
  const isrDispatch = m.named(
    'isr_dispatch',
    mux(win.irWin, isrOwn.and(~isrStore & 0xffff_ffff_ffff_ffffn).or(isrRseRead), isrOwn),
  );
  const ivaBase = mux(isTrap, win.ivaBaseAfter, cr.IVA.bits(63, 15));
  const ifsCleared = cat(m.lit(0, 1), cr.IFS.bits(IFS_V_BIT - 1, 0));

  regs.taken.set(dispatch);
  regs.vector.set(vectorNow); // 0 without a dispatch (no winner: no column, not nested)
  regs.completed.set(done);
  regs.redirect.set(dispatch.or(done.and(cls.is('RFI'))));
  regs.nextIp.set(mux(dispatch, cat(ivaBase, vectorNow), mux(done.and(cls.is('RFI')), cr.IIP, m.lit(0, 64))));
  // Project decision (docs/vti_core.md): rfi with the reserved IPSR.ri = 3 loads PSR.ri = 3
  // unchanged (blocks.md) and resumes at slot 2, the last slot of the bundle.
  const rfiSlot = mux(fieldsOf(PsrBundle, cr.IPSR).ri.eq(3), m.lit(2, 2), fieldsOf(PsrBundle, cr.IPSR).ri);
  regs.nextSlot.set(mux(dispatch, m.lit(0, 2), mux(done.and(cls.is('RFI')), rfiSlot, m.lit(0, 2))));

  // Values read by mov from psr / psr.um / cr.
  const crRead = m.wire('cr_read', 64);
  const crHeld = m.wire('cr_held', 1);
  crRead.set(0);
  crHeld.set(0);
  m.switch(ev.crNum, (s) => {
    for (const k of CORE_CRS)
      s.is(CR[k], () => {
        crRead.set(cr[k]);
        crHeld.set(1);
      });
  });
  regs.rdValid.set(done.and(cls.is('MOV_FROM_PSR').or(cls.is('MOV_FROM_PSR_UM')).or(checks.movFromCr.and(crHeld))));
  regs.rdValue.set(
    mux(
      cls.is('MOV_FROM_PSR'),
      psr.and(PSR_READ_MASK),
      mux(cls.is('MOV_FROM_PSR_UM'), psr.and(0x3f), mux(checks.movFromCr, crRead, m.lit(0, 64))),
    ),
  );

  // IIB0/IIB1 of a trap hold the bundle at IIPA (§4): the trapping instruction's own bundle
  // when it started with ic = 1 (it then became IIPA), otherwise the bundle recorded with
  // the last IIPA update. (A mov to IIPA does not update the record: the core cannot fetch.)
  const iipaBundle = m.reg('iipa_bundle_q', 128, { init: 0 });
  // (isTrap and ic = 0 picks the record; with savesState, ic = 0 implies a trap — a fault or an
  // interrupt saves state only with ic = 1 — so `ic` alone selects, and it is early.)
  const iibValue = mux(ic, ev.bundle, iipaBundle);

  // The instruction's own effect: when it completed, and also when a trap is delivered
  // after it; the dispatch's writes below then override (last assignment wins).
  m.when(win.effect, () => {
    m.when(ic, () => {
      crW.IIPA.set(ev.ip);
      iipaBundle.set(ev.bundle);
    });
    m.when(checks.movToCr, () =>
      m.switch(ev.crNum, (s) => {
        for (const k of CORE_CRS) if (!(k in SAVED_CRS)) s.is(CR[k], () => crW[k].set(ev.r2));
      }),
    );
  });
  m.when(dispatch, () => crW.ISR.set(isrDispatch));
  // The CRs a dispatch saves are written by the instruction itself only while PSR.ic = 0 (a mov
  // to an interruption CR with ic = 1 is an Illegal Operation fault; cover with ic = 1 leaves
  // IFS alone), and such an instruction has no PSR command: ic stays 0, so no dispatch after it
  // saves state (savesState needs ic = 1 before a fault, after a trap). The two writes exclude
  // each other: the early decode chooses the data, only the enable waits for the winner.
  const icOff = ic.not();
  const coverIcOff = cls.is('COVER').and(icOff);
  const saved: Record<SavedCr, { own: Bit; ownValue: Value; save: Bit; value: Value }> = {
    IPSR: {
      own: movToCrOff('IPSR'),
      ownValue: ev.r2,
      save: win.savesState,
      value: mux(isTrap, withField(PsrBundle, win.psrAfter, 'ri', ev.nextSlot), psrPort.ipsrSave),
    },
    IIP: {
      own: movToCrOff('IIP'),
      ownValue: ev.r2,
      save: win.savesState,
      value: mux(isTrap, cat(ev.nextIp.bits(63, 4), m.lit(0, 4)), cat(ev.ip.bits(63, 4), m.lit(0, 4))),
    },
    IFS: {
      own: movToCrOff('IFS').or(coverIcOff),
      ownValue: mux(coverIcOff, cat(m.lit(1, 1), m.lit(0, 25), ev.cfm), ev.r2),
      save: win.savesState,
      value: ifsCleared,
    },
    IIB0: { own: movToCrOff('IIB0'), ownValue: ev.r2, save: win.savesState, value: iibValue.bits(63, 0) },
    IIB1: { own: movToCrOff('IIB1'), ownValue: ev.r2, save: win.savesState, value: iibValue.bits(127, 64) },
    IFA: {
      own: movToCrOff('IFA'),
      ownValue: ev.r2,
      save: win.savesState.and(dataWin.or(instWin)),
      value: mux(dataWin, ev.addr, ev.ip),
    },
    IIM: {
      own: movToCrOff('IIM'),
      ownValue: ev.r2,
      save: win.savesState.and(win.breakWin),
      value: ev.imm.bits(20, 0).zext(64),
    },
  };
  for (const k of Object.keys(SAVED_CRS) as SavedCr[]) {
    const { own, ownValue, save, value } = saved[k];
    // Named: a CR that stores only its architected bits reads some of it.
    const next = m.named(`${k.toLowerCase()}_d`, mux(own, ownValue, value));
    m.when(save.or(win.effect.and(own)), () => crW[k].set(next));
  }

  out.psr.set(psr);
  for (const k of CORE_CRS) out.cr[k].set(cr[k]);
  out.taken.set(regs.taken);
  out.vector.set(regs.vector);
  out.redirect.set(regs.redirect);
  out.nextIp.set(regs.nextIp);
  out.nextSlot.set(regs.nextSlot);
  out.completed.set(regs.completed);
  out.rdValid.set(regs.rdValid);
  out.rdValue.set(regs.rdValue);
}
