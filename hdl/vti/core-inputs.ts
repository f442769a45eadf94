// What vti_core's logic reads (docs/vti_core.md): the instruction event presented in a cycle
// (the input ports), tests of its instruction class, and the state the instruction runs in
// (the PSR held by vti_psr, the interruption CRs). core-checks.ts, core-dispatch.ts and
// core-commit.ts take these as their inputs.
import { ICLASS, ICLASS_WIDTH, type IClassName } from '../../arch/iclass.js';
import { NON_ACCESS, NON_ACCESS_WIDTH, type NonAccessKind } from '../../arch/non-access.js';
import { PSR_BIT, type PsrFieldName } from '../../arch/psr.js';
import { enumType, type Bit, type BundleValue, type ModuleBuilder, type Signal, type Value } from '../dsl/index.js';

export const IClass = enumType(
  'iclass',
  ICLASS_WIDTH,
  Object.fromEntries(Object.entries(ICLASS).map(([k, v]) => [k, v.code])) as Record<IClassName, number>,
);

/** Which non-access instruction the event is (arch/non-access.ts): its faults' ISR.na, code{3:0}, r, w. */
export const NonAccessType = enumType(
  'non_access_kind',
  NON_ACCESS_WIDTH,
  Object.fromEntries(Object.entries(NON_ACCESS).map(([k, v]) => [k, v.value])) as Record<NonAccessKind, number>,
);

/** The interruption CRs the core holds (the rest are the environment's). */
export const CORE_CRS = ['DCR', 'IVA', 'IPSR', 'ISR', 'IIP', 'IFA', 'IIPA', 'IFS', 'IIM', 'IIB0', 'IIB1'] as const;
export type CoreCr = (typeof CORE_CRS)[number];

/** One decoded instruction event (the input ports besides clock and reset). */
export interface CoreEvent {
  readonly valid: Bit;
  readonly iclass: Value;
  /** vmsw.1 / bsw.1; br.ret for BRANCH. */
  readonly variant: Bit;
  readonly ip: Value;
  readonly slot: Value;
  readonly bundle: Value;
  /** The next instruction (for traps). */
  readonly nextIp: Value;
  readonly nextSlot: Value;
  /** ssm/rsm/sum/rum imm24, break imm21. */
  readonly imm: Value;
  readonly r2: Value;
  readonly r2Nat: Bit;
  readonly crNum: Value;
  readonly pageAr: Value;
  readonly pagePl: Value;
  readonly pfsPpl: Value;
  readonly addr: Value;
  /** PRIV_OTHER with an address operand (itc, tpa, ...). */
  readonly hasAddr: Bit;
  /** The non-access instruction (tpa, tak, fc, probe, probe.fault, lfetch.fault) or NONE: its faults' ISR. */
  readonly nonAccessKind: Value;
  readonly cfm: Value;
  readonly extInt: Bit;
  /** The interruptions the environment raised, one bit per row of the priority table. */
  readonly envPending: Value;
  readonly vmDisabled: Bit;
  readonly vmswDisabled: Bit;
}

/** Declares the event's input ports (in this order) for a priority table of `rows` rows. */
export function eventInputs(m: ModuleBuilder, rows: number): CoreEvent {
  return {
    valid: m.input('ev_valid', 1),
    iclass: m.input('iclass', IClass),
    variant: m.input('variant', 1),
    ip: m.input('ip', 64),
    slot: m.input('slot', 2),
    bundle: m.input('bundle', 128),
    nextIp: m.input('next_ip_in', 64),
    nextSlot: m.input('next_slot_in', 2),
    imm: m.input('imm', 24),
    r2: m.input('r2', 64),
    r2Nat: m.input('r2_nat', 1),
    crNum: m.input('cr_num', 7),
    pageAr: m.input('page_ar', 3),
    pagePl: m.input('page_pl', 2),
    pfsPpl: m.input('pfs_ppl', 2),
    addr: m.input('addr', 64),
    hasAddr: m.input('has_addr', 1),
    nonAccessKind: m.input('non_access_kind', NonAccessType),
    cfm: m.input('cfm', 38),
    extInt: m.input('ext_int', 1),
    envPending: m.input('env_pending', rows),
    vmDisabled: m.input('vm_disabled', 1),
    vmswDisabled: m.input('vmsw_disabled', 1),
  };
}

/** Tests of the event's class: each is 1 only for a valid event. */
export interface ClassTests {
  /** The event is of class `k`. */
  is(k: IClassName): Bit;
  /** The event is of some class for which `pred` holds (0 when there is none). */
  any(pred: (k: IClassName) => boolean): Bit;
}

export function classTests(m: ModuleBuilder, ev: CoreEvent): ClassTests {
  const is = (k: IClassName): Bit => ev.valid.and(ev.iclass.eq(m.enumValue(IClass, k)));
  const any = (pred: (k: IClassName) => boolean): Bit => {
    const ks = (Object.keys(ICLASS) as IClassName[]).filter(pred);
    return ks.length ? (ks.map(is).reduce((a, b) => a.or(b)) as Bit) : m.lit(0, 1).asBit();
  };
  return { is, any };
}

/**
 * The PSR bits that live for one instruction (id, da, dd, ed, ia): rfi restores them and they
 * are cleared after the next instruction completes (model/exec/machine.ts ONE_SHOT_PSR).
 */
export const ONE_SHOT_PSR_FIELDS = ['id', 'da', 'dd', 'ed', 'ia'] as const satisfies readonly PsrFieldName[];
export const ONE_SHOT_PSR_MASK = ONE_SHOT_PSR_FIELDS.reduce((mask, f) => mask | (1n << BigInt(PSR_BIT[f])), 0n);

/** The state the event's instruction runs in. */
export interface CoreState {
  /** This cycle's PSR (vti_psr's output), fields by name. */
  readonly psr: BundleValue<PsrFieldName>;
  readonly cpl: Value;
  readonly vm: Bit;
  readonly ic: Bit;
  /** PSR.cpl = 0. */
  readonly cpl0: Bit;
  /**
   * The one-instruction PSR bits (id, da, dd, ed, ia) that the last rfi restored are due to be
   * cleared when this event's instruction completes (register, written by core-commit.ts).
   */
  readonly oneShot: Signal;
  /** The interruption CRs the core holds (registers, written by core-commit.ts). */
  readonly cr: Readonly<Record<CoreCr, Signal>>;
}

/** The named fields of `psr` the checks use (declares the wire `cpl0`). */
export function coreState(
  m: ModuleBuilder,
  psr: BundleValue<PsrFieldName>,
  cr: Readonly<Record<CoreCr, Signal>>,
  oneShot: Signal,
): CoreState {
  const cpl = psr.f.cpl;
  const vm = psr.f.vm.asBit();
  const ic = psr.f.ic.asBit();
  const cpl0 = m.named('cpl0', cpl.eq(0));
  return { psr, cpl, vm, ic, cpl0, cr, oneShot };
}
