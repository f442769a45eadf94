// Architectural state of the modelled processor and the interruption machinery
// (architecture.md §2, §4, §7). Instruction semantics live in compile-*.ts; the step loop and
// the code cache in run.ts.
// Deliberately a separate copy (N-version): the emulator (this folder), the eDSL block
// (hdl/vti/), the TS reference model (model/blocks/) and the hand-written Verilog reference
// (formal/ref/) each state the VT-i block semantics on their own, so that co-simulation and
// the equivalence proofs compare independent opinions. Keep them apart: they may share the
// spec data of arch/, never code.
import { CR, IVA_OFFSET_BITS } from '../../arch/cr.js';
import type { VtiConfig } from '../../arch/config.js';
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';
import { PSR_BIT, PSR_FIELDS, PSR_KEPT_MASK, PSR_RESERVED_MASK, type PsrFieldName } from '../../arch/psr.js';
import { FR0, FR1, type FpReg } from '../fp/reg.js';
import { hiOf, loOf, toBig } from './int64.js';
import { ExtInterrupts, STOP_BUNDLE_RUN } from './interrupts.js';
import { PhysMem, pageKey } from './memory.js';
import { setRrb } from './rotate.js';
import { Alat } from './alat.js';
import { TlbSide } from './tlb.js';

export const CONT = 0,
  JUMP = 1,
  FAULT = 2,
  HALT = 3;
/** One instruction's semantics, run on a machine (shared by every emulator of the process: run.ts). */
export type Exec = (m: Machine) => number;

const RANK = new Map<string, number>(PRIORITY_TABLE.map((r, i) => [r.name, i]));
const ROW = new Map<string, PriorityRow>(PRIORITY_TABLE.map((r) => [r.name, r]));

/** The highest-priority (per arch/priority.ts) of the pending fault names; falsy entries are ignored. */
export function pickFault(...names: (string | false | 0 | null | undefined)[]): string | null {
  let best: string | null = null,
    rank = Infinity;
  for (const n of names) {
    if (!n) continue;
    const r = RANK.get(n);
    if (r === undefined) throw new Error(`unknown interruption '${n}'`);
    if (r < rank) {
      rank = r;
      best = n;
    }
  }
  return best;
}

export interface FaultInfo {
  ifa?: bigint;
  itir?: bigint;
  iha?: bigint;
  iim?: bigint;
  /** Extra ISR bits (x, w, r, na, ...). */
  isr?: bigint;
}

export interface EventRecord {
  step: number;
  ip: bigint;
  slot: number;
  vector: number;
  isr: bigint;
  ipsr: bigint;
  iip: bigint;
  iipa: bigint;
  ifa: bigint;
  name: string;
}

export const ISR_X = 1n << 32n,
  ISR_W = 1n << 33n,
  ISR_R = 1n << 34n,
  ISR_NA = 1n << 35n;
const MASK64 = (1n << 64n) - 1n;
const NO_INFO: FaultInfo = Object.freeze({});
const IIB_WORD = { lo: 0, hi: 0 };
// The delivery path works on 32-bit halves (no BigInt): PSR.ri is bits 41-42 (hi 9-10), IFS.v
// bit 63, ISR.ni bit 39 (hi 7) and ISR.ei bits 41-42 (hi 9-10).
const RI_SHIFT_HI = PSR_BIT.ri - 32;
const IFS_V_HI = 0x80000000;
const ISR_NI_HI = 1 << 7,
  ISR_EI_SHIFT_HI = 9;
const PSR_KEPT_LO = Number(PSR_KEPT_MASK & 0xffffffffn),
  PSR_KEPT_HI = Number(PSR_KEPT_MASK >> 32n);
const PSR_BE_LO = 1 << PSR_BIT.be,
  PSR_PP_LO = 1 << PSR_BIT.pp,
  PSR_BN_HI = 1 << (PSR_BIT.bn - 32);
const IVA_BASE_LO = ~((1 << IVA_OFFSET_BITS) - 1);
/** Trap rows of the priority table, in priority order (takeTraps picks the first with a pending code bit). */
const TRAP_ROWS = PRIORITY_TABLE.filter((r) => r.kind === 'trap');

/** The low and high 32 bits of a 64-bit value (no BigInt allocated for values below 2^32). */
function splitInto(lo: Uint32Array, hi: Uint32Array, n: number, v: bigint): void {
  if (v >= 0n && v <= 0xffffffffn) {
    lo[n] = Number(v);
    hi[n] = 0;
  } else {
    lo[n] = loOf(v);
    hi[n] = hiOf(v);
  }
}

/** The control registers as 64-bit BigInts (m.cr[n], read and written): a view of crLo/crHi. */
export type CrFile = { [n: number]: bigint };
function crView(lo: Uint32Array, hi: Uint32Array): CrFile {
  const view: CrFile = {};
  for (let n = 0; n < lo.length; n++)
    Object.defineProperty(view, n, {
      get: () => toBig(lo[n]!, hi[n]!),
      set: (v: bigint) => splitInto(lo, hi, n, BigInt.asUintN(64, v)),
      enumerable: true,
    });
  return Object.seal(view);
}

/**
 * PSR bits that never change a translation's outcome (be, up, ac, mfl, mfh, ic, i, dfl, dfh,
 * sp, pp, di, si, db, lp, tb; ss, ri, bn), nor cpl and vm: the translation micro-caches are
 * kept per (cpl, vm) (translationContext), so an interruption or rfi that changes only these
 * keeps them. Any other PSR change bumps xlateEpoch. As 32-bit halves.
 */
const XLATE_NEUTRAL_FIELDS: readonly PsrFieldName[] = [
  'be',
  'up',
  'ac',
  'mfl',
  'mfh',
  'ic',
  'i',
  'dfl',
  'dfh',
  'sp',
  'pp',
  'di',
  'si',
  'db',
  'lp',
  'tb',
  'ss',
  'ri',
  'bn',
  'cpl',
  'vm',
];
const XLATE_NEUTRAL = PSR_FIELDS.filter((f) => XLATE_NEUTRAL_FIELDS.includes(f.name)).reduce(
  (mask, f) => mask | (((1n << BigInt(f.width)) - 1n) << BigInt(f.lo)),
  0n,
);
const XLATE_NEUTRAL_LO = Number(XLATE_NEUTRAL & 0xffffffffn),
  XLATE_NEUTRAL_HI = Number(XLATE_NEUTRAL >> 32n);

/** Bit positions of the PSR fields setPsr caches, in the 32-bit half that holds them. */
const LO_BIT = { ic: PSR_BIT.ic, dt: PSR_BIT.dt, ac: PSR_BIT.ac, tb: PSR_BIT.tb } as const;
const PSR_I_LO = 1 << PSR_BIT.i;
const PSR_DB_LO = 1 << PSR_BIT.db;
const HI_BIT = {
  cpl: PSR_BIT.cpl - 32,
  vm: PSR_BIT.vm - 32,
  it: PSR_BIT.it - 32,
  bn: PSR_BIT.bn - 32,
  ss: PSR_BIT.ss - 32,
} as const;

/**
 * Pseudo-trap bits of pendingTraps (never an interruption) for the PSR bits that live for one
 * instruction (id, da, dd, ed, ia): rfi that restores any of them sets ONE_SHOT_ARM; the check
 * after the rfi turns it into ONE_SHOT_CLEAR, and the check after the next instruction clears
 * the bits. They ride on pendingTraps because the step loop already looks at it after every
 * instruction; an interruption drops them (it clears the PSR bits itself).
 */
// Above ISR.code's 16 bits: the FP trap codes use bits 7-14 (the parallel forms' low-half
// O/U/I/FPA are bits 7-10), which these flags once shadowed.
export const ONE_SHOT_ARM = 0x10000,
  ONE_SHOT_CLEAR = 0x20000;
const ONE_SHOT_FIELDS: readonly PsrFieldName[] = ['id', 'da', 'dd', 'ed', 'ia'];
export const ONE_SHOT_PSR = ONE_SHOT_FIELDS.reduce((mask, f) => mask | (1n << BigInt(PSR_BIT[f])), 0n);
/** ONE_SHOT_PSR as 32-bit halves. */
export const ONE_SHOT_LO = Number(ONE_SHOT_PSR & 0xffffffffn),
  ONE_SHOT_HI = Number(ONE_SHOT_PSR >> 32n);

export class Machine {
  readonly grLo = new Uint32Array(128);
  readonly grHi = new Uint32Array(128);
  readonly nat = new Uint8Array(128);
  /** The bank of GR16-31 that is NOT currently visible. */
  readonly bankLo = new Uint32Array(16);
  readonly bankHi = new Uint32Array(16);
  readonly bankNat = new Uint8Array(16);
  readonly pr = new Uint8Array(64);
  readonly brLo = new Uint32Array(8);
  readonly brHi = new Uint32Array(8);
  readonly arLo = new Uint32Array(128);
  readonly arHi = new Uint32Array(128);
  /**
   * The control registers as 32-bit halves: the interruption path and the CR moves use these.
   * `cr` is the same storage seen as BigInts (m.cr[CR.IFA] reads and writes), for slow paths.
   */
  readonly crLo = new Uint32Array(128);
  readonly crHi = new Uint32Array(128);
  readonly cr: CrFile = crView(this.crLo, this.crHi);
  readonly rr: bigint[] = new Array<bigint>(8).fill(0n);
  readonly pkr: bigint[] = new Array<bigint>(16).fill(0n);
  readonly dbr: bigint[] = new Array<bigint>(16).fill(0n);
  readonly ibr: bigint[] = new Array<bigint>(16).fill(0n);
  readonly pmc: bigint[] = new Array<bigint>(256).fill(0n);
  readonly pmd: bigint[] = new Array<bigint>(256).fill(0n);
  readonly itlb = new TlbSide();
  readonly dtlb = new TlbSide();
  readonly mem = new PhysMem();
  /** The ALAT (exec/alat.ts): advanced loads allocate, stores and checks remove. */
  readonly alat = new Alat();
  /** FR0..FR127 (physical; f32-f127 rotate by rrbFr), in the 82-bit register format (model/fp). */
  readonly fr: FpReg[] = Array.from({ length: 128 }, (_, i) => (i === 1 ? FR1 : FR0));
  /** CFM.rrb.fr. */
  rrbFr = 0;

  /** PSR as 32-bit halves (`psr` is the same as a BigInt). */
  psrLo = 0;
  psrHi = 0;
  // Cached PSR fields read on hot paths.
  cpl = 0;
  vm = 0;
  ic = 0;
  it = 0;
  dt = 0;
  bn = 0;
  ac = 0;
  ss = 0;
  tb = 0;

  ipLo = 0;
  ipHi = 0;
  slot = 0;
  iipaLo = 0;
  iipaHi = 0;
  /** Current frame marker: size of frame, size of locals, size of rotating (in registers). */
  sof = 0;
  sol = 0;
  sor = 0;
  /** CFM.rrb.gr and rrb.pr (GRs and predicates are stored by logical name: exec/rotate.ts). */
  rrbGr = 0;
  rrbPr = 0;
  /**
   * The physical stacked registers below the current frame (exec/rse.ts), oldest first: lo,
   * hi, nat per entry; the bottom rseClean are clean, the rest dirty.
   */
  rseLo: number[] = [];
  rseHi: number[] = [];
  rseNat: number[] = [];
  rseClean = 0;
  /** rse.ts frameIncomplete's last answer and the BSPSTORE halves and BSP it was for. */
  readonly frameIncompleteMemo = { lo: -1, hi: -1, bsp: -1n, answer: false };
  /** 1 while the current frame load (mandatory RSE loads before the next instruction) is pending. */
  cfle = 0;
  bsp = 0n;
  /** Steps completed before the current bundle's run started (see curStep). */
  steps = 0;
  /** curStep() = stepBase + slot while a bundle executes (the loop counts steps per bundle). */
  stepBase = 0;
  itcOffset = 0n;
  halted = false;
  /** Trap codes (ISR.code bits of §5) raised by the current instruction, taken after it completes. */
  pendingTraps = 0;
  /** Interruptions taken so far (the records themselves go to onEvent, if set: constant memory). */
  eventCount = 0;
  /** Bumped whenever translation-relevant state changes (TLB, RR, PKR, PSR); invalidates micro-caches. */
  xlateEpoch = 0;
  /** Some pending external interrupt vector is unmasked (interrupts.ts keeps it); taken when PSR.i = 1. */
  extPending = false;
  /** First step before which the interval timer or the raise schedule pends a vector (interrupts.ts). */
  nextTimedStep = Infinity;
  /** The step loop looks at the interrupt state from this step on: 0 while a vector is pending, else nextTimedStep. */
  pollAt = Infinity;
  /** External interrupt controller state: IRR, in-service vectors, timer, schedule. */
  readonly ext: ExtInterrupts = new ExtInterrupts(this);
  /**
   * PSR.db = 1 and some IBR pair has x set: the step loop checks every slot against the IBRs
   * (exec/debug.ts). False (one field test per bundle) while PSR.db = 0.
   */
  instDebug = false;
  /** PSR.db = 1 and some DBR pair has r or w set: data references check the DBRs (exec/debug.ts). */
  dataDebug = false;
  /** Some IBR pair / DBR pair is enabled (setDebugEnables, after a write of an IBR or DBR). */
  private ibrOn = false;
  private dbrOn = false;
  /** PAL_PROC_SET_FEATURES cleared the vmsw-enable feature bit: vmsw is a Virtualization fault. */
  vmswDisabled = false;
  /** Called for every interruption taken; the EventRecord is built only when this is set. */
  onEvent: ((e: EventRecord) => void) | null = null;

  /** reservedPsrMask() and its complement in 64 bits, computed once. */
  private readonly psrReserved: bigint;
  private readonly psrDefined: bigint;
  /** The defined PSR bits as 32-bit halves (rfi's mask of IPSR, without BigInt). */
  readonly psrDefinedLo: number;
  readonly psrDefinedHi: number;

  constructor(readonly cfg: VtiConfig) {
    this.pr[0] = 1;
    this.mem.watch = this.alat;
    this.psrReserved = cfg.vmImplemented ? PSR_RESERVED_MASK : PSR_RESERVED_MASK | (1n << 46n);
    this.psrDefined = MASK64 & ~this.psrReserved;
    this.psrDefinedLo = Number(this.psrDefined & 0xffffffffn);
    this.psrDefinedHi = Number(this.psrDefined >> 32n);
  }

  /** Index (0..7) of the translation micro-caches in force: cpl and vm. */
  translationContext(): number {
    return this.cpl | (this.vm << 2);
  }

  // ---- 64-bit register helpers (slow path) ----
  gr(r: number): bigint {
    return toBig(this.grLo[r]!, this.grHi[r]!);
  }
  setGr(r: number, v: bigint, nat = false): void {
    this.grLo[r] = loOf(v);
    this.grHi[r] = hiOf(v);
    this.nat[r] = nat ? 1 : 0;
  }
  ar(n: number): bigint {
    return toBig(this.arLo[n]!, this.arHi[n]!);
  }
  setAr(n: number, v: bigint): void {
    this.arLo[n] = loOf(v);
    this.arHi[n] = hiOf(v);
  }
  ip(): bigint {
    return toBig(this.ipLo, this.ipHi);
  }
  setIp(v: bigint, slot = 0): void {
    this.ipLo = loOf(v);
    this.ipHi = hiOf(v);
    this.slot = slot;
  }

  // ---- PSR ----
  get psr(): bigint {
    return toBig(this.psrLo, this.psrHi);
  }
  set psr(v: bigint) {
    this.setPsr(v);
  }
  setPsr(v: bigint): void {
    v = BigInt.asUintN(64, v);
    this.setPsrHalves(Number(v & 0xffffffffn), Number(v >> 32n));
  }
  /** setPsr on 32-bit halves (no BigInt: the interruption path and rfi). */
  setPsrHalves(lo: number, hi: number): void {
    lo >>>= 0;
    hi >>>= 0;
    const newBn = (hi >>> HI_BIT.bn) & 1;
    if (newBn !== this.bn) this.swapBanks();
    // PSR.i turned on with a vector pending: the bundle run stops after this instruction.
    if (this.extPending && (lo & PSR_I_LO) !== 0 && (this.psrLo & PSR_I_LO) === 0) this.pendingTraps |= STOP_BUNDLE_RUN;
    if (((this.psrLo ^ lo) & ~XLATE_NEUTRAL_LO) !== 0 || ((this.psrHi ^ hi) & ~XLATE_NEUTRAL_HI) !== 0)
      this.xlateEpoch++;
    this.psrLo = lo;
    this.psrHi = hi;
    this.cpl = (hi >>> HI_BIT.cpl) & 3;
    this.vm = (hi >>> HI_BIT.vm) & 1;
    this.ic = (lo >>> LO_BIT.ic) & 1;
    this.it = (hi >>> HI_BIT.it) & 1;
    this.dt = (lo >>> LO_BIT.dt) & 1;
    this.bn = newBn;
    this.ac = (lo >>> LO_BIT.ac) & 1;
    this.ss = (hi >>> HI_BIT.ss) & 1;
    this.tb = (lo >>> LO_BIT.tb) & 1;
    this.updateDebug();
  }

  /** Records which breakpoint pairs are enabled (exec/debug.ts decides; called after an IBR/DBR write). */
  setDebugEnables(ibrOn: boolean, dbrOn: boolean): void {
    this.ibrOn = ibrOn;
    this.dbrOn = dbrOn;
    this.updateDebug();
  }

  /**
   * instDebug/dataDebug from PSR.db and the enabled pairs. When instruction breakpoints become
   * live, the bundle run (codegen.ts, region.ts) stops after this instruction, so that the
   * step loop checks the very next slot.
   */
  private updateDebug(): void {
    const db = (this.psrLo & PSR_DB_LO) !== 0;
    const inst = db && this.ibrOn;
    if (inst && !this.instDebug) this.pendingTraps |= STOP_BUNDLE_RUN;
    this.instDebug = inst;
    this.dataDebug = db && this.dbrOn;
  }
  psrBit(name: PsrFieldName): number {
    const b = PSR_BIT[name];
    return b < 32 ? (this.psrLo >>> b) & 1 : (this.psrHi >>> (b - 32)) & 1;
  }

  /** Exchanges the visible GR16-31 with the other bank (PSR.bn changed). */
  private swapBanks(): void {
    for (let i = 0; i < 16; i++) {
      const r = 16 + i;
      const lo = this.grLo[r]!,
        hi = this.grHi[r]!,
        n = this.nat[r]!;
      this.grLo[r] = this.bankLo[i]!;
      this.grHi[r] = this.bankHi[i]!;
      this.nat[r] = this.bankNat[i]!;
      this.bankLo[i] = lo;
      this.bankHi[i] = hi;
      this.bankNat[i] = n;
    }
  }

  // ---- implemented addresses (§7) ----
  /** IMPL_VA_MSB in force: the guest value when vm = 1. */
  vaMsb(): number {
    return this.vm ? this.cfg.implVaMsb - this.cfg.guestShrink : this.cfg.implVaMsb;
  }

  /** Virtual address (hi half) check: bits 60..M+1 all equal bit M. */
  vaImplemented(hi: number): boolean {
    const m = this.vaMsb() - 32; // 17..28
    const field = (hi & 0x1fffffff) >>> m; // bits 60..M as bits 28-m..0
    const width = 29 - m;
    return field === 0 || field === (1 << width) - 1;
  }

  /** Physical address check: bits 62..IMPL_PA_MSB+1 are zero (bit 63 is the UC attribute). */
  paImplemented(hi: number): boolean {
    const m = this.cfg.implPaMsb;
    if (m >= 62) return true;
    return (hi & 0x7fffffff) >>> (m + 1 - 32) === 0;
  }

  /** Whether an instruction address is implemented under the current translation mode. */
  instAddrImplemented(hi: number): boolean {
    // Every branch asks, nearly always about the same high half in the same mode: the last
    // answer is kept with what it depends on (the high half, PSR.it, and vm for vaMsb).
    const key = this.it | (this.vm << 1);
    if (hi === this.implHi && key === this.implKey) return this.implOk;
    const ok = this.it ? this.vaImplemented(hi) : this.paImplemented(hi);
    this.implHi = hi;
    this.implKey = key;
    this.implOk = ok;
    return ok;
  }
  private implHi = -1;
  private implKey = -1;
  private implOk = false;

  // ---- interruptions (§4) ----
  /** Raises the fault `name` on the current instruction (ip/slot); returns FAULT. */
  fault(name: string, info: FaultInfo = NO_INFO): number {
    if ((name === 'data_tlb' || name === 'alt_data_tlb' || name === 'vhpt_data') && !this.ic) name = 'data_nested_tlb';
    this.deliver(ROW.get(name)!, info, this.ipLo, this.ipHi, this.slot, this.slot, false);
    return FAULT;
  }

  /** Takes the pending traps of the instruction that completed at slot `slot`; ip/slot are the next instruction. */
  takeTraps(slot: number, step: number): void {
    // STOP_BUNDLE_RUN only stops the bundle run: the step loop looks at the interrupts and the fetch
    // at pending RSE loads next.
    let codes = this.pendingTraps & ~STOP_BUNDLE_RUN;
    this.pendingTraps = 0;
    if (!codes) return;
    if (codes & (ONE_SHOT_ARM | ONE_SHOT_CLEAR)) {
      if (codes & ONE_SHOT_CLEAR) this.setPsrHalves(this.psrLo & ~ONE_SHOT_LO, this.psrHi & ~ONE_SHOT_HI);
      if (codes & ONE_SHOT_ARM) this.pendingTraps = ONE_SHOT_CLEAR;
      codes &= ~(ONE_SHOT_ARM | ONE_SHOT_CLEAR);
      if (!codes) return;
    }
    let row = TRAP_ROWS[0]!;
    for (const r of TRAP_ROWS)
      if ((r.isrCode & codes) !== 0) {
        row = r;
        break;
      }
    this.stepBase = step - this.slot;
    this.deliver(row, NO_INFO, this.ipLo, this.ipHi, this.slot, slot, true, codes);
  }

  /** Index of the step being executed (valid inside an instruction's closure). */
  curStep(): number {
    return this.stepBase + this.slot;
  }

  /** Delivers `row` (ISR.code = isrCode: all the trap bits for a trap); `iip` as a BigInt. */
  interrupt(
    row: PriorityRow,
    info: FaultInfo,
    iip: bigint,
    ri: number,
    ei: number,
    isTrap = false,
    isrCode = row.isrCode,
  ): void {
    this.deliver(row, info, loOf(iip), hiOf(iip), ri, ei, isTrap, isrCode);
  }

  /**
   * Delivers `row` with IIP = (iipLo, iipHi) (ISR.code = isrCode: all the trap bits for a trap).
   * No BigInt, object or closure on this path unless a fault passes BigInt FaultInfo or an
   * onEvent listener wants the record.
   */
  deliver(
    row: PriorityRow,
    info: FaultInfo,
    iipLo: number,
    iipHi: number,
    ri: number,
    ei: number,
    isTrap: boolean,
    isrCode = row.isrCode,
  ): void {
    const ic = this.ic,
      psrLo0 = this.psrLo,
      psrHi0 = this.psrHi;
    const L = this.crLo,
      H = this.crHi;
    this.pendingTraps &= ~(ONE_SHOT_ARM | ONE_SHOT_CLEAR);
    // 1. Bank 0 (IPSR still records the interrupted PSR, bn included, so rfi can return to it).
    if (this.bn) this.setPsrHalves(this.psrLo, this.psrHi & ~PSR_BN_HI);
    // 2. Interruption registers, only with PSR.ic = 1.
    if (ic) {
      L[CR.IPSR] = psrLo0;
      H[CR.IPSR] = ((psrHi0 & ~(3 << RI_SHIFT_HI)) | (ri << RI_SHIFT_HI)) >>> 0;
      L[CR.IIP] = iipLo;
      H[CR.IIP] = iipHi;
      L[CR.IIPA] = this.iipaLo;
      H[CR.IIPA] = this.iipaHi;
      H[CR.IFS] = H[CR.IFS]! & ~IFS_V_HI;
      if (isTrap) this.loadIib(this.iipaLo, this.iipaHi);
      else this.loadIib(iipLo, iipHi);
      if (info !== NO_INFO) {
        if (info.ifa !== undefined) splitInto(L, H, CR.IFA, info.ifa);
        if (info.itir !== undefined) splitInto(L, H, CR.ITIR, info.itir);
        // IHA is an interruption parameter of the VHPT Translation, Instruction TLB and Data TLB
        // vectors only (SDM vol 2, chapter 8); every other interruption leaves it unchanged.
        if (info.iha !== undefined && row.vector <= 0x0800) splitInto(L, H, CR.IHA, info.iha);
        if (info.iim !== undefined) splitInto(L, H, CR.IIM, info.iim);
      }
    }
    // 3. ISR, always.
    L[CR.ISR] = isrCode;
    H[CR.ISR] = (ic ? 0 : ISR_NI_HI) | (ei << ISR_EI_SHIFT_HI);
    if (info.isr !== undefined) {
      L[CR.ISR] = (L[CR.ISR]! | loOf(info.isr)) >>> 0;
      H[CR.ISR] = (H[CR.ISR]! | hiOf(info.isr)) >>> 0;
    }
    // 4. Interruption state: kept bits unchanged, be/pp from DCR, everything else 0 (vm too).
    const dcr = L[CR.DCR]!;
    this.setPsrHalves(
      (this.psrLo & PSR_KEPT_LO) | (dcr & 2 ? PSR_BE_LO : 0) | (dcr & 1 ? PSR_PP_LO : 0),
      this.psrHi & PSR_KEPT_HI,
    );
    // 5. Vector.
    const step = this.curStep(); // before the IP moves: curStep reads the interrupted slot
    this.ipLo = ((L[CR.IVA]! & IVA_BASE_LO) | row.vector) >>> 0; // vector < 2^IVA_OFFSET_BITS
    this.ipHi = H[CR.IVA]!;
    this.slot = 0;
    this.eventCount++;
    if (this.onEvent !== null)
      this.onEvent({
        step,
        ip: toBig(iipLo, iipHi),
        slot: ri,
        vector: row.vector,
        isr: toBig(L[CR.ISR]!, H[CR.ISR]!),
        ipsr: toBig(L[CR.IPSR]!, H[CR.IPSR]!),
        iip: toBig(L[CR.IIP]!, H[CR.IIP]!),
        iipa: toBig(L[CR.IIPA]!, H[CR.IIPA]!),
        ifa: toBig(L[CR.IFA]!, H[CR.IFA]!),
        name: row.name,
      });
  }

  /**
   * IIB0/IIB1 ← the 128-bit bundle at a virtual or physical address (zero if untranslatable).
   * The last answer is kept (an interruption loop delivers from the same bundle again and
   * again): valid while the address, the translations (xlateEpoch) and the code
   * (mem.codeWrites) are unchanged.
   */
  private loadIib(lo: number, hi: number): void {
    const memo = this.iibMemo,
      L = this.crLo,
      H = this.crHi;
    if (memo.lo !== lo || memo.hi !== hi || memo.epoch !== this.xlateEpoch || memo.writes !== this.mem.codeWrites) {
      memo.epoch = -1;
      // Physical addressing (PSR.it = 0) needs no translation: no BigInt on that path.
      const pa = this.it ? this.peekInstPa(toBig(lo, hi)) : null;
      const w = memo.words;
      if (this.it && pa === null) w.fill(0);
      else {
        const plo = ((pa === null ? lo : loOf(pa)) & ~0xf) >>> 0,
          phi = (pa === null ? hi : hiOf(pa)) & 0x7fffffff,
          out = IIB_WORD;
        this.mem.load(plo, phi, 8, out); // a bundle is 16-byte aligned: both words are in one page
        w[0] = out.lo;
        w[1] = out.hi;
        this.mem.load(plo + 8, phi, 8, out);
        w[2] = out.lo;
        w[3] = out.hi;
        // Only code pages report their writes (mem.codeWrites): other bytes are never kept.
        if (this.mem.codePages.has(pageKey(plo, phi))) {
          memo.lo = lo;
          memo.hi = hi;
          memo.epoch = this.xlateEpoch;
          memo.writes = this.mem.codeWrites;
        }
      }
    }
    const w = memo.words;
    L[CR.IIB0] = w[0]!;
    H[CR.IIB0] = w[1]!;
    L[CR.IIB1] = w[2]!;
    H[CR.IIB1] = w[3]!;
  }
  private readonly iibMemo = { lo: -1, hi: -1, epoch: -1, writes: -1, words: new Uint32Array(4) };

  /** Instruction-side translation without faults (null when there is no translation). */
  peekInstPa(addr: bigint): bigint | null {
    if (!this.it) return addr & ((1n << 63n) - 1n);
    const rid = Number((this.rr[Number(addr >> 61n)]! >> 8n) & 0xffffffn);
    const e = this.itlb.lookup(rid, addr);
    if (!e) return null;
    return e.ppn | (addr & ((1n << BigInt(e.ps)) - 1n));
  }

  cfm(): bigint {
    // Bits 0-31 as one number (sof, sol, sor, rrb.gr, rrb.fr), rrb.pr above.
    const lo = (this.sof | (this.sol << 7) | ((this.sor >> 3) << 14) | (this.rrbGr << 18) | (this.rrbFr << 25)) >>> 0;
    return this.rrbPr === 0 ? BigInt(lo) : BigInt(lo) | (BigInt(this.rrbPr) << 32n);
  }
  /** Sets CFM; the rotating GRs and predicates (stored by logical name) move to the new rrb. */
  setCfm(v: bigint): void {
    this.sof = Number(v & 0x7fn);
    this.sol = Number((v >> 7n) & 0x7fn);
    this.sor = Number((v >> 14n) & 0xfn) * 8;
    setRrb(this, Number((v >> 18n) & 0x7fn), Number((v >> 25n) & 0x7fn), Number((v >> 32n) & 0x3fn));
  }

  itc(): bigint {
    return (BigInt(this.curStep()) + this.itcOffset) & MASK64;
  }

  reservedPsrMask(): bigint {
    return this.psrReserved;
  }
  /** The implemented PSR bits (the complement of reservedPsrMask, in 64 bits). */
  definedPsrMask(): bigint {
    return this.psrDefined;
  }
}
