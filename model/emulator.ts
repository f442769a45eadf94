// Public API of the golden-model emulator (model/README.md). Other parts of the project (vti
// emu, vti demo, co-simulation) use only this file.
import { CR } from '../arch/cr.js';
import { checkConfig, configFromLengths, type AddressLengthOptions, type VtiConfig } from '../arch/config.js';
import { decodeBundle } from './decode/decode.js';
import { insnText, type Insn } from './decode/insn.js';
import { loadAddress, parseElf } from './elf.js';
import { UnsupportedInstruction } from './errors.js';
import { hex64, toBig } from './exec/int64.js';
import { Machine, type EventRecord } from './exec/machine.js';
import { CodeCache, runLoop } from './exec/run.js';
import { isPendableVector, type LintOutcome, type LintPin, type ScheduledInterrupt } from './exec/interrupts.js';
import { installPalEntry } from './exec/pal.js';

export { UnsupportedInstruction, isPendableVector };
export type { Insn, EventRecord, ScheduledInterrupt };

/**
 * The emulator's options: the configuration in its address-length spelling (arch/config.ts),
 * and whether to keep every interruption for state().events (memory grows with the run; the
 * default streams them to onEvent only, and state() reports their count), and whether the
 * ALAT keeps entries (default true; false behaves as Ski without -alat: every check misses).
 */
export type EmuOptions = AddressLengthOptions & {
  keepEvents?: boolean;
  alat?: boolean;
  /** External interrupts raised before given steps (vector 0 ExtINT, 2 NMI or 16..255). */
  interrupts?: readonly ScheduledInterrupt[];
};

export interface EventJson {
  step: number;
  ip: string;
  slot: number;
  vector: string;
  isr: string;
  ipsr: string;
  iip: string;
  iipa: string;
  ifa: string;
}

export interface FinalState {
  halted: boolean;
  steps: number;
  ip: string;
  slot: number;
  psr: string;
  cr: Record<
    | 'dcr'
    | 'itm'
    | 'iva'
    | 'pta'
    | 'ipsr'
    | 'isr'
    | 'iip'
    | 'ifa'
    | 'itir'
    | 'iipa'
    | 'ifs'
    | 'iim'
    | 'iha'
    | 'iib0'
    | 'iib1',
    string
  >;
  gr: string[];
  nat: boolean[];
  pr: string;
  br: string[];
  /** Interruptions taken during the run. */
  eventCount: number;
  /** Every interruption, in order: only when the emulator was created with keepEvents. */
  events?: EventJson[];
}

/** The final state of an emulator created with keepEvents: true. */
export type RecordedState = FinalState & { events: EventJson[] };

/** Interruption taken during a step: the final-state event object plus the priority-table name. */
export interface StepEvent extends EventJson {
  name: string;
}

/**
 * One step, for traces and lockstep co-simulation. {step, ip, slot, insn, psr, event?} are the
 * `--trace` fields of emulator.md (psr as it was before the step); the rest is lockstep detail.
 */
export interface TraceRecord {
  step: number;
  ip: string;
  slot: number;
  insn: string;
  psr: string;
  event?: StepEvent;
  /** Instruction class ('add', 'ssm', 'mov_to_cr', 'rfi', 'vmsw', ...; 'fetch' when fetching faulted). */
  op: string;
  /** Qualifying predicate value (false: the instruction was predicated off). */
  qpTrue: boolean;
  /** Source GR operands before the step: register number, value, NaT. */
  operands: { reg: number; value: string; nat: boolean }[];
  cplBefore: number;
  vmBefore: number;
  psrBefore: string;
  /** State after the step (after the dispatch when an interruption was taken). */
  cpl: number;
  vm: number;
  psrAfter: string;
  nextIp: string;
  nextSlot: number;
}

const h = (v: bigint) => '0x' + BigInt.asUintN(64, v).toString(16);

function eventJson(e: EventRecord): EventJson {
  return {
    step: e.step,
    ip: h(e.ip),
    slot: e.slot,
    vector: h(BigInt(e.vector)),
    isr: h(e.isr),
    ipsr: h(e.ipsr),
    iip: h(e.iip),
    iipa: h(e.iipa),
    ifa: h(e.ifa),
  };
}

/** The configuration the options describe; a ConfigError (worded in valen/palen) when invalid. */
export function emulatorConfig(opts: EmuOptions = {}): VtiConfig {
  return checkConfig(configFromLengths(opts), { prefix: 'bad emulator configuration: ', spelling: 'lengths' });
}

export class Emulator {
  readonly config: VtiConfig;
  /** The machine state (exposed for tests and co-simulation; prefer state()). */
  readonly machine: Machine;
  private readonly cache: CodeCache;
  onStep?: (rec: TraceRecord) => void;
  /** The kept interruptions (keepEvents), else null. */
  private readonly kept: EventJson[] | null;
  private listener: ((e: StepEvent) => void) | null = null;
  /** The interruption of the step being run by step() (with onStep). */
  private stepEvent: EventRecord | null = null;
  private readonly deliver = (e: EventRecord): void => {
    this.stepEvent = e;
    if (this.kept === null && this.listener === null) return;
    const json = eventJson(e);
    this.kept?.push(json);
    this.listener?.({ ...json, name: e.name });
  };

  constructor(opts?: EmuOptions) {
    this.config = emulatorConfig(opts);
    this.machine = new Machine(this.config);
    this.machine.alat.enabled = opts?.alat ?? true;
    this.cache = new CodeCache(this.machine);
    this.kept = opts?.keepEvents ? [] : null;
    this.wireEvents();
    installPalEntry(this.machine);
    if (opts?.interrupts) this.machine.ext.addSchedule(opts.interrupts);
  }

  /**
   * Pends external interrupt `vector` now (IRR bit set; 0 ExtINT, 2 NMI or 16..255, else a
   * RangeError): it is taken before the next instruction when unmasked and PSR.i = 1.
   */
  raiseInterrupt(vector: number): void {
    this.machine.ext.raise(vector);
  }

  /**
   * Drives LINT pin 0 or 1 to its active level (by LRR0/1.ipp): it delivers what its LRR says
   * (INT: the LRR's vector, NMI: 2, ExtINT: 0), unless masked; a level-triggered pin stays
   * pending until lowerLint. Returns 'pended', 'masked', 'reserved-vector' (INT below 16), or
   * null when the pin was already active; PMI/INIT delivery throws (no PAL entry for them).
   */
  raiseLint(pin: LintPin): LintOutcome | null {
    return this.machine.ext.raiseLint(pin);
  }

  /** Drives LINT pin 0 or 1 to its inactive level. */
  lowerLint(pin: LintPin): void {
    this.machine.ext.lowerLint(pin);
  }

  /** Raises `vector` before step `step` (a schedule entry; see EmuOptions.interrupts). */
  raiseInterruptAt(step: number, vector: number): void {
    this.machine.ext.addSchedule([{ step, vector }]);
  }

  /**
   * Whether an unmasked external interrupt is pending before the next step (what the timer and
   * the schedule make due at it included): the core's `ext_int` input in co-simulation. The
   * next step takes it when PSR.i = 1.
   */
  get interruptPending(): boolean {
    const m = this.machine;
    if (m.steps >= m.nextTimedStep) m.ext.timedEvents();
    return m.extPending;
  }

  /**
   * Called for every interruption taken, in order (the final-state event object plus the
   * priority-table name); nothing is kept unless the emulator was created with keepEvents.
   */
  get onEvent(): ((e: StepEvent) => void) | null {
    return this.listener;
  }
  set onEvent(cb: ((e: StepEvent) => void) | null | undefined) {
    this.listener = cb ?? null;
    this.wireEvents();
  }

  /** Event records are built by the machine only when someone reads them. */
  private wireEvents(): void {
    this.machine.onEvent = this.kept !== null || this.listener !== null ? this.deliver : null;
  }

  loadElf(bytes: Uint8Array): void {
    const img = parseElf(bytes);
    for (const s of img.segments) this.machine.mem.writeBytes(loadAddress(s), s.data);
    this.machine.setIp(img.entry, 0);
  }

  run(maxSteps: number): { halted: boolean; steps: number } {
    const m = this.machine;
    this.wireEvents(); // step() leaves the machine's records on (runOneStep)
    if (!this.onStep) runLoop(m, this.cache, maxSteps);
    else while (!m.halted && m.steps < maxSteps) this.step();
    return { halted: m.halted, steps: m.steps };
  }

  /**
   * Executes one instruction slot (or one faulting fetch); returns the interruption it took
   * (the machine's record), or null.
   */
  step(): EventRecord | null {
    const m = this.machine;
    if (m.halted) return null;
    const cb = this.onStep;
    if (!cb) return this.runOneStep();
    const step = m.steps,
      ipB = m.ip(),
      slot = m.slot,
      psrB = m.psr,
      cplB = m.cpl,
      vmB = m.vm;
    const { text, op, qp, srcs } = this.peek(ipB, slot);
    const qpTrue = qp === 0 || m.pr[qp] === 1;
    const ev = this.runOneStep();
    const rec: TraceRecord = {
      step,
      ip: h(ipB),
      slot,
      insn: text,
      psr: h(psrB),
      op,
      qpTrue,
      operands: srcs,
      cplBefore: cplB,
      vmBefore: vmB,
      psrBefore: h(psrB),
      cpl: m.cpl,
      vm: m.vm,
      psrAfter: h(m.psr),
      nextIp: h(m.ip()),
      nextSlot: m.slot,
    };
    if (ev) rec.event = { ...eventJson(ev), name: ev.name };
    cb(rec);
    return ev;
  }

  /**
   * One step with the machine's event records captured. The records stay on between steps (a
   * stepping caller reads every step's; deliver passes them on only to whoever listens); run()
   * turns them off again when nobody does.
   */
  private runOneStep(): EventRecord | null {
    const m = this.machine;
    this.stepEvent = null;
    m.onEvent = this.deliver;
    runLoop(m, this.cache, m.steps + 1);
    return this.stepEvent as EventRecord | null;
  }

  /**
   * The decoded instruction the next step will execute (null when its bundle has no
   * translation), without side effects — for co-simulation harnesses.
   */
  nextInsn(): Insn | null {
    const m = this.machine;
    const ip = m.ip(),
      pa = m.peekInstPa(ip);
    if (pa === null) return null;
    return decodeBundle(m.mem.readBytes(pa & ~0xfn, 16), 0, ip & ~0xfn).slots[Math.min(m.slot, 2)]!;
  }

  /** Disassembly and operands of the instruction at (ip, slot), without side effects. */
  private peek(ip: bigint, slot: number): { text: string; op: string; qp: number; srcs: TraceRecord['operands'] } {
    const m = this.machine;
    const pa = m.peekInstPa(ip);
    if (pa === null) return { text: '(no translation)', op: 'fetch', qp: 0, srcs: [] };
    const d = decodeBundle(m.mem.readBytes(pa & ~0xfn, 16), 0, ip & ~0xfn);
    const ins = d.slots[Math.min(slot, 2)]!;
    const srcRegs = [...new Set([...ins.ops.replace(/^r\d+=/, '').matchAll(/\br(\d+)\b/g)].map((x) => Number(x[1])))];
    return {
      text: insnText(ins),
      op: ins.op,
      qp: ins.qp,
      srcs: srcRegs.map((r) => ({ reg: r, value: h(m.gr(r)), nat: m.nat[r] === 1 })),
    };
  }

  /** state() with the kept events; an error unless the emulator was created with keepEvents. */
  recordedState(): RecordedState {
    const st = this.state();
    if (!st.events) throw new Error('recordedState(): the emulator was created without keepEvents');
    return st as RecordedState;
  }

  state(): FinalState {
    const m = this.machine;
    const crv = (n: number) => h(n === CR.IIPA ? toBig(m.iipaLo, m.iipaHi) : m.cr[n]!);
    let pr = 0n;
    for (let i = 63; i >= 0; i--) pr = (pr << 1n) | BigInt(m.pr[i]!);
    return {
      halted: m.halted,
      steps: m.steps,
      ip: h(m.ip()),
      slot: m.slot,
      psr: h(m.psr),
      cr: {
        dcr: crv(CR.DCR),
        itm: crv(CR.ITM),
        iva: crv(CR.IVA),
        pta: crv(CR.PTA),
        ipsr: crv(CR.IPSR),
        isr: crv(CR.ISR),
        iip: crv(CR.IIP),
        ifa: crv(CR.IFA),
        itir: crv(CR.ITIR),
        iipa: crv(CR.IIPA),
        ifs: crv(CR.IFS),
        iim: crv(CR.IIM),
        iha: crv(CR.IHA),
        iib0: crv(CR.IIB0),
        iib1: crv(CR.IIB1),
      },
      gr: Array.from({ length: 128 }, (_, r) => hex64(m.grLo[r]!, m.grHi[r]!)),
      nat: Array.from(m.nat, (v) => v === 1),
      pr: h(pr),
      br: Array.from({ length: 8 }, (_, b) => hex64(m.brLo[b]!, m.brHi[b]!)),
      eventCount: m.eventCount,
      ...(this.kept ? { events: [...this.kept] } : {}),
    };
  }
}
