// External interrupts and the interval timer (SDM vol 2 §5.8, §3.3.5.x): the pending bits
// (IRR0-3), the in-service set that IVR reads acquire and EOI writes release, masking by
// TPR.mic/mmi and by higher in-service vectors, the interval timer (ITM against ITC, ITV), and
// vectors raised from outside (emu.raiseInterrupt, a schedule by step). The step loop (run.ts)
// asks only two cheap questions: `m.extPending` (some pending vector is unmasked) together with
// PSR.i, and `m.nextTimedStep` (the first step before which the timer or the schedule pends a
// vector). Everything else happens here, on the rare writes that change this state.
import { CR } from '../../arch/cr.js';
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';
import { CR_LVT, LRR_FIELD, type LrrField } from './lvt-layout.js';

/**
 * The machine state this controller reads and writes (model/exec/machine.ts's Machine, which
 * owns an ExtInterrupts; stated here so that the two files do not import each other).
 */
export interface InterruptHost {
  readonly cr: { [n: number]: bigint };
  itcOffset: bigint;
  pendingTraps: number;
  extPending: boolean;
  nextTimedStep: number;
  pollAt: number;
  steps: number;
  slot: number;
  stepBase: number;
  ip(): bigint;
  interrupt(row: PriorityRow, info: object, iip: bigint, ri: number, ei: number): void;
}

/** IVR's value when no unmasked vector is pending. */
export const SPURIOUS_VECTOR = 15;
/** The non-vectored interrupts (delivery modes ExtINT and NMI use these vector numbers). */
export const EXTINT_VECTOR = 0;
export const NMI_VECTOR = 2;

/** Fields of ITV, PMV, CMCV and LRR0/1 (SDM vol 2 §5.8.3.x). */
const VECTOR_M_BIT = 16n;
/** LRR0/LRR1 (CR80/81): LINT0/LINT1's local redirection registers (SDM vol 2 §5.8.3.x). */
const LRR_CR = [CR_LVT.LRR0, CR_LVT.LRR1] as const;
/** LRR.dm: what a LINT pin delivers (1, 3 and 6 are reserved and cannot be written). */
export const LRR_DELIVERY = Object.freeze({ INT: 0, PMI: 2, NMI: 4, INIT: 5, EXTINT: 7 });
/** A LINT pin: 0 (through LRR0) or 1 (through LRR1). */
export type LintPin = 0 | 1;
/** What a LINT pin's activation did. */
export type LintOutcome = 'pended' | 'masked' | 'reserved-vector';
/** The one external interrupt vector of the priority table (0x3000). */
const EXT_INT_ROW: PriorityRow = PRIORITY_TABLE.find((r) => r.name === 'ext_int')!;

/** An interrupt a test or harness raises at a given step (before that step executes). */
export interface ScheduledInterrupt {
  readonly step: number;
  readonly vector: number;
}

function checkPin(pin: number): void {
  if (pin !== 0 && pin !== 1) throw new RangeError(`bad LINT pin ${String(pin)}: use 0 or 1`);
}

/** Whether `v` can be pended: ExtINT (0), NMI (2) or 16..255 (1 and 3..15 are reserved). */
export function isPendableVector(v: number): boolean {
  return Number.isInteger(v) && (v === EXTINT_VECTOR || v === NMI_VECTOR || (v >= 16 && v <= 255));
}

/** Priority of a vector: NMI above ExtINT above 255 .. 16. */
const rank = (v: number) => (v === NMI_VECTOR ? 258 : v === EXTINT_VECTOR ? 257 : v);

export class ExtInterrupts {
  /** IRR bit per vector. */
  private readonly irr = new Uint8Array(256);
  /** In-service bit per vector (set by an IVR read, cleared by EOI). */
  private readonly inService = new Uint8Array(256);
  /** Raised-at-step schedule, sorted by step (consumed from `next`). */
  private schedule: ScheduledInterrupt[] = [];
  private next = 0;
  /** Step before which the interval timer matches (ITC = ITM), or Infinity. */
  private timerStep = Infinity;
  /** Electrical level of LINT0/LINT1 (true = high); LRR.ipp says which level is active. */
  private readonly lintHigh: [boolean, boolean] = [false, false];

  constructor(private readonly m: InterruptHost) {}

  /** Adds interrupts raised at given steps (kept sorted; stable for equal steps). */
  addSchedule(list: readonly ScheduledInterrupt[]): void {
    for (const s of list) {
      if (!isPendableVector(s.vector)) throw new RangeError(`bad interrupt vector ${s.vector}: use 0, 2 or 16..255`);
      if (!Number.isSafeInteger(s.step) || s.step < 0) throw new RangeError(`bad interrupt step ${s.step}`);
    }
    this.schedule = [...this.schedule.slice(this.next), ...list].sort((a, b) => a.step - b.step);
    this.next = 0;
    this.updateTimed();
  }

  /** Pends `vector` now (IRR bit set). */
  raise(vector: number): void {
    if (!isPendableVector(vector)) throw new RangeError(`bad interrupt vector ${vector}: use 0, 2 or 16..255`);
    this.irr[vector] = 1;
    this.update();
  }

  /**
   * Drives LINT pin `pin` to an electrical level (SDM vol 2 §5.8.3.x, LRR0/1). The pin is
   * active when the level matches LRR.ipp (0: high, 1: low). An edge-triggered pin (LRR.tm = 0)
   * delivers once on its inactive-to-active edge, and the edge is lost while LRR.m = 1; a
   * level-triggered pin (tm = 1) stays pending while active and unmasked (again after EOI).
   * LRR.dm chooses what it delivers: INT its vector (16..255; a lower one is reserved and
   * ignored), NMI vector 2, ExtINT vector 0. PMI and INIT go to PAL's PALE_PMI/PALE_INIT entries,
   * not through the IVT; the model has no PAL code there, so they are refused (an Error).
   * Returns what the level change did on an activation, or null when the pin did not turn active.
   */
  setLint(pin: LintPin, high: boolean): LintOutcome | null {
    checkPin(pin);
    const wasActive = this.lintActive(pin);
    this.lintHigh[pin] = high;
    const active = this.lintActive(pin);
    let outcome: LintOutcome | null = null;
    if (active && !wasActive) outcome = this.lintDeliver(pin);
    this.update();
    return outcome;
  }

  /** Drives LINT pin `pin` to its active level (by LRR.ipp); see setLint. */
  raiseLint(pin: LintPin): LintOutcome | null {
    checkPin(pin);
    return this.setLint(pin, !this.lrrField(pin, 'ipp'));
  }

  /** Drives LINT pin `pin` to its inactive level (by LRR.ipp). */
  lowerLint(pin: LintPin): void {
    checkPin(pin);
    this.setLint(pin, this.lrrField(pin, 'ipp') === 1);
  }

  /** LRR0/1 written: a level-triggered pin that is active and now unmasked pends its vector. */
  lrrWritten(): void {
    this.update();
  }

  private lrrField(pin: LintPin, name: LrrField): number {
    const { lo, width } = LRR_FIELD[name];
    return Number((this.m.cr[LRR_CR[pin]]! >> BigInt(lo)) & ((1n << BigInt(width)) - 1n));
  }

  private lintActive(pin: LintPin): boolean {
    return this.lintHigh[pin] !== (this.lrrField(pin, 'ipp') === 1);
  }

  /** The vector LINT pin `pin` delivers by its LRR.dm; null for a reserved INT vector, 'pal' for PMI/INIT. */
  private lintVector(pin: LintPin): number | null | 'pal' {
    const dm = this.lrrField(pin, 'dm');
    if (dm === LRR_DELIVERY.NMI) return NMI_VECTOR;
    if (dm === LRR_DELIVERY.EXTINT) return EXTINT_VECTOR;
    if (dm === LRR_DELIVERY.PMI || dm === LRR_DELIVERY.INIT) return 'pal';
    const v = this.lrrField(pin, 'vector');
    return v >= 16 ? v : null;
  }

  /** The pin turned active: pends its vector unless masked (an edge is then lost). */
  private lintDeliver(pin: LintPin): LintOutcome {
    const v = this.lintVector(pin);
    if (v === 'pal') {
      const mode = this.lrrField(pin, 'dm') === LRR_DELIVERY.PMI ? 'PMI' : 'INIT';
      throw new Error(`LINT${pin}: delivery mode ${mode} goes to PAL (PALE_${mode}), which the model does not have`);
    }
    if (v === null) return 'reserved-vector';
    if (this.lrrField(pin, 'm')) return 'masked';
    this.irr[v] = 1;
    return 'pended';
  }

  /** Level-triggered pins (LRR.tm = 1): active, unmasked and not in service → pending. */
  private refreshLintLevels(): void {
    for (const pin of [0, 1] as const) {
      if (!this.lintActive(pin) || this.lrrField(pin, 'tm') === 0 || this.lrrField(pin, 'm')) continue;
      const v = this.lintVector(pin);
      if (typeof v === 'number' && !this.inService[v]) this.irr[v] = 1;
    }
  }

  /** Called by the step loop when m.steps reached m.nextTimedStep: pends what is due. */
  timedEvents(): void {
    const m = this.m,
      now = m.steps;
    while (this.next < this.schedule.length && this.schedule[this.next]!.step <= now) {
      this.irr[this.schedule[this.next]!.vector] = 1;
      this.next++;
    }
    if (this.timerStep <= now) {
      this.timerStep = Infinity; // the next match is 2^64 ITC ticks away
      const itv = m.cr[CR.ITV]!;
      const v = Number(itv & 0xffn);
      // A masked timer interrupt is lost; vectors 0-15 are not timer vectors (reserved).
      if (((itv >> VECTOR_M_BIT) & 1n) === 0n && v >= 16) this.irr[v] = 1;
    }
    this.updateTimed();
    this.update();
  }

  /**
   * ITC, ITM or ITV changed during the instruction at step `curStep`: the timer matches before
   * the first later step whose ITC (steps + offset) equals ITM.
   */
  retime(curStep: number): void {
    const m = this.m;
    const t = BigInt.asUintN(64, m.cr[CR.ITM]! - m.itcOffset);
    this.timerStep = t > BigInt(curStep) && t < 2n ** 53n ? Number(t) : Infinity;
    this.updateTimed();
    m.pendingTraps |= STOP_BUNDLE_RUN;
  }

  /** The highest-priority pending vector if it is unmasked, else 15 (what IVR reads). */
  highestUnmasked(): number {
    const irr = this.irr;
    let v = -1;
    if (irr[NMI_VECTOR]) v = NMI_VECTOR;
    else if (irr[EXTINT_VECTOR]) v = EXTINT_VECTOR;
    else
      for (let k = 255; k >= 16; k--)
        if (irr[k]) {
          v = k;
          break;
        }
    return v >= 0 && !this.masked(v) ? v : SPURIOUS_VECTOR;
  }

  private masked(v: number): boolean {
    if (v === NMI_VECTOR) return false; // not masked by TPR nor by in-service vectors
    const tpr = this.m.cr[CR.TPR]!;
    if ((tpr >> 16n) & 1n) return true; // TPR.mmi
    if (v !== EXTINT_VECTOR && v >> 4 <= Number((tpr >> 4n) & 0xfn)) return true; // TPR.mic
    return this.highestInService() >= rank(v);
  }

  private highestInService(): number {
    const s = this.inService;
    if (s[NMI_VECTOR]) return rank(NMI_VECTOR);
    if (s[EXTINT_VECTOR]) return rank(EXTINT_VECTOR);
    for (let k = 255; k >= 16; k--) if (s[k]) return k;
    return -1;
  }

  /** mov r = cr.ivr: acquires the vector (IRR bit → in service), or 15. */
  readIvr(): bigint {
    const v = this.highestUnmasked();
    if (v !== SPURIOUS_VECTOR) {
      this.irr[v] = 0;
      this.inService[v] = 1;
      this.update();
    }
    return BigInt(v);
  }

  /** mov cr.eoi = r: the highest-priority in-service vector leaves service. */
  writeEoi(): void {
    const top = this.highestInService();
    if (top < 0) return;
    this.inService[top === rank(NMI_VECTOR) ? NMI_VECTOR : top === rank(EXTINT_VECTOR) ? EXTINT_VECTOR : top] = 0;
    this.update();
  }

  /** IRR0..3 (k = 0..3): the pending bits of vectors 64k .. 64k+63. */
  readIrr(k: number): bigint {
    let v = 0n;
    for (let i = 63; i >= 0; i--) v = (v << 1n) | BigInt(this.irr[64 * k + i]!);
    return v;
  }

  /** TPR changed: masking changed. */
  tprWritten(): void {
    this.update();
  }

  /** Recomputes m.extPending; when it turns on, the current bundle run stops so the loop can deliver. */
  private update(): void {
    const m = this.m;
    this.refreshLintLevels();
    const was = m.extPending;
    m.extPending = this.highestUnmasked() !== SPURIOUS_VECTOR;
    m.pollAt = m.extPending ? 0 : m.nextTimedStep;
    if (m.extPending && !was) m.pendingTraps |= STOP_BUNDLE_RUN;
  }

  private updateTimed(): void {
    const s = this.next < this.schedule.length ? this.schedule[this.next]!.step : Infinity;
    const m = this.m;
    m.nextTimedStep = Math.min(s, this.timerStep);
    m.pollAt = m.extPending ? 0 : m.nextTimedStep;
  }

  /** Takes the External Interrupt before the instruction at (ip, slot), as step m.steps. */
  deliver(): void {
    const m = this.m;
    m.stepBase = m.steps - m.slot; // curStep() reports this step
    m.interrupt(EXT_INT_ROW, {}, m.ip(), m.slot, m.slot);
  }
}

/**
 * Pseudo-trap bit of pendingTraps (never an interruption, like ONE_SHOT_*): the bundle or region
 * run stops after the instruction, and the step loop looks again before the next step. Set when
 * the instruction changed the interrupt state (PSR.i rose with a vector pending, TPR/EOI/ITM/ITV/
 * ITC written) or left a mandatory RSE frame load pending (rse.ts; the fetch runs it).
 */
export const STOP_BUNDLE_RUN = 0x400;
