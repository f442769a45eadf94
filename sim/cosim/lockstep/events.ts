// Emulator steps → vti_core events (docs/vti_core.md), in batches of typed-array columns.
// For each step: the event inputs are read from the machine before the step (class from the
// decoded instruction, operands, ITLB page rights, PFS.ppl, CFM, the branch target and the
// next instruction in sequence); after the step the interruption the emulator took, if any,
// becomes `env_pending` unless the core decides it itself (classify.ts CORE_DECIDES); and the
// emulator's committed state becomes the expected outputs (PSR, the core's CRs, taken,
// vector, redirect/next IP, completed, the value read). BigInt only when a value changed.
import { CR, ISR_BIT } from '../../../arch/cr.js';
import type { Emulator } from '../../../model/emulator.js';
import type { Machine } from '../../../model/exec/machine.js';
import { bspstore } from '../../../model/exec/rse.js';
import { walkerEnabled } from '../../../model/exec/vhpt.js';
import { BundleCache, slotTextAt, type SlotDesc } from './bundles.js';
import {
  CORE_DECIDES,
  FETCH_ROWS,
  ICLASS_BY_CODE,
  ICLASS_CODE,
  IR_ROW_BIT,
  Kind,
  ROW_BIT,
  TRAP_ROWS,
} from './classify.js';
import { allocColumns, CR_OUTPUTS, INPUTS, OUTPUTS, type Columns } from './columns.js';

const C = ICLASS_CODE;
const CR_NUMS = CR_OUTPUTS.map((n) => CR[n.toUpperCase() as keyof typeof CR]);
const HELD = new Set<number>(CR_NUMS);
const IIPA_K = CR_NUMS.indexOf(CR.IIPA);
const AR_PFS = 64,
  AR_LC = 65;
/**
 * The data miss the environment saw when the emulator reports Data Nested TLB (PSR.ic = 0) at
 * `va`: a walker miss (Data TLB) or Alternate Data TLB, by the model's own walker rule (vhpt.ts).
 */
const nestedMiss = (m: Machine, va: bigint) => (walkerEnabled(m, va, 'data') ? 'data_tlb' : 'alt_data_tlb');
const ILLEGAL_BIT = ROW_BIT.get('illegal_op')!;
const TRAP_BITS: ReadonlySet<number> = new Set(TRAP_ROWS.map((t) => t.bit));
const ISR_IR = 1n << BigInt(ISR_BIT.ir),
  ISR_NI = 1n << BigInt(ISR_BIT.ni);

/** Low half of an IP-relative branch target: the bundle's address (ipLo) plus the displacement's low half. */
const relTargetLo = (ipLo: number, dLo: number) => ((ipLo + dLo) & ~0xf) >>> 0;
/** Its high half, with the carry out of the low halves. */
const relTargetHi = (ipLo: number, ipHi: number, dLo: number, dHi: number) =>
  (ipHi + dHi + (ipLo + dLo > 0xffffffff ? 1 : 0)) >>> 0;

/** One batch: inputs, expected outputs and per-step metadata for reports and coverage. */
export interface EventBatch {
  readonly inputs: Columns;
  readonly expected: Columns;
  count: number;
  /** Emulator step number of each event. */
  readonly step: Float64Array;
  /** The decoded slot (null: nothing could be fetched). */
  readonly slot: (SlotDesc | null)[];
  /** PSR.cpl | vm << 2 before the step. */
  readonly mode: Uint8Array;
  /** Emulator interruption row (priority-table index) or -1 when the instruction completed. */
  readonly outcome: Int8Array;
  readonly capacity: number;
}

export function allocBatch(capacity: number): EventBatch {
  return {
    inputs: allocColumns(INPUTS, capacity),
    expected: allocColumns(OUTPUTS, capacity),
    count: 0,
    step: new Float64Array(capacity),
    slot: new Array<SlotDesc | null>(capacity).fill(null),
    mode: new Uint8Array(capacity),
    outcome: new Int8Array(capacity),
    capacity,
  };
}

/** The disassembly of event i's instruction ('(no translation)' when nothing could be fetched). */
export function slotText(b: EventBatch, i: number): string {
  const sd = b.slot[i];
  return sd ? slotTextAt(sd, b.inputs.ip![2 * i]!, b.inputs.ip![2 * i + 1]!) : '(no translation)';
}

export function clearBatch(b: EventBatch): void {
  for (const c of Object.values(b.inputs)) c.fill(0);
  b.count = 0;
}

// The run fills view word pairs (lo, hi) as 64-bit elements: little-endian hosts only.
if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1) throw new Error('cosim events: a little-endian host is needed');

/** Emulator-side event generator: each fill() runs up to `capacity` steps of the emulator. */
export class EventSource {
  readonly m: Machine;
  private readonly cache: BundleCache;
  /** Current expected state (psr, 11 CRs; IIPA is read as halves), re-read only where it may have changed. */
  private readonly lastBig: bigint[] = new Array<bigint>(12).fill(-1n);
  /** lastBig as the machine's 32-bit halves (compared every step without BigInt); bit k of `seen`: lastBig[k] read once. */
  private readonly expLo = new Uint32Array(12);
  private readonly expHi = new Uint32Array(12);
  private seen = 0;
  /** Bit k: lastBig[k] changed since the last event was written. */
  private changed = 0;
  /**
   * The expected PSR and CR columns are written in runs of equal values (they change rarely):
   * runVal[k] is the value of events runStart[k].. of the batch, filled in when it changes or
   * the batch ends (64-bit elements over the little-endian word pairs). Before the first
   * refresh the columns hold 0.
   */
  private readonly runVal: bigint[] = new Array<bigint>(12).fill(0n);
  private readonly runStart = new Int32Array(12);
  /** The program halted (break 0) before this step; the halt itself is not presented. */
  halted = false;
  // One-entry descriptor cache: consecutive slots of one bundle.
  private lastLo = -1;
  private lastHi = -1;
  private lastIt = -1;
  private lastEpoch = -1;
  private lastBd: ReturnType<BundleCache['get']> = null;

  constructor(readonly emu: Emulator) {
    this.m = emu.machine;
    this.cache = new BundleCache(this.m);
  }

  /** Runs up to b.capacity steps (never past maxSteps total emulator steps); returns the count. */
  fill(b: EventBatch, maxSteps: number): number {
    clearBatch(b);
    const m = this.m,
      emu = this.emu,
      cache = this.cache;
    const I = b.inputs,
      E = b.expected;
    const evValid = I.ev_valid!,
      iclass = I.iclass!,
      variant = I.variant!,
      ipC = I.ip!,
      slotC = I.slot!,
      bundle = I.bundle!;
    const nextIp = I.next_ip_in!,
      nextSlot = I.next_slot_in!,
      imm = I.imm!,
      r2 = I.r2!,
      r2Nat = I.r2_nat!,
      crNum = I.cr_num!;
    const pageAr = I.page_ar!,
      pagePl = I.page_pl!,
      pfsPpl = I.pfs_ppl!,
      addr = I.addr!,
      hasAddr = I.has_addr!,
      nonAccessKind = I.non_access_kind!,
      cfm = I.cfm!;
    const env = I.env_pending!,
      extInt = I.ext_int!,
      vmswDisabled = I.vmsw_disabled!;
    const eTaken = E.taken!,
      eVec = E.intr_vector!,
      eRedir = E.redirect!,
      eNip = E.next_ip!,
      eNslot = E.next_slot!;
    const eDone = E.completed!,
      eRdv = E.rd_valid!,
      eRd = E.rd_value!;
    const stateCols = [E.psr!, ...CR_OUTPUTS.map((n) => E[n]!)];
    const runs = stateCols.map((c) => new BigUint64Array(c.buffer, c.byteOffset, c.length >>> 1));
    const iipaC = stateCols[1 + IIPA_K]!,
      last = this.lastBig,
      runVal = this.runVal,
      runStart = this.runStart;
    runStart.fill(0);
    let i = 0;
    for (; i < b.capacity && m.steps < maxSteps && !m.halted; i++) {
      const ipLo = m.ipLo,
        ipHi = m.ipHi,
        slot = m.slot;
      const bd =
        ipLo === this.lastLo && ipHi === this.lastHi && m.it === this.lastIt && this.lastEpoch === cache.epoch
          ? this.lastBd
          : cache.get(ipLo, ipHi);
      this.lastLo = ipLo;
      this.lastHi = ipHi;
      this.lastIt = m.it;
      this.lastBd = bd;
      this.lastEpoch = cache.epoch;
      const sd = bd && slot < bd.n ? bd.slots[slot]! : null;
      const exec = sd !== null && (sd.qp === 0 || m.pr[sd.qp] === 1);
      let cls = exec ? sd.cls : 0;
      const kind = exec ? sd.kind : Kind.NONE;
      // The model's pending external interrupt drives ext_int; with PSR.i = 1 this step takes it.
      const pending = emu.interruptPending;
      if (kind === Kind.HALT && !(pending && m.psrBit('i'))) {
        this.halted = true;
        break;
      }
      b.step[i] = m.steps;
      b.slot[i] = sd;
      b.mode[i] = m.cpl | (m.vm << 2);
      evValid[i] = 1;
      extInt[i] = pending ? 1 : 0;
      vmswDisabled[i] = m.vmswDisabled ? 1 : 0;
      ipC[2 * i] = ipLo;
      ipC[2 * i + 1] = ipHi;
      slotC[i] = slot;
      if (bd) {
        bundle[4 * i] = bd.w0;
        bundle[4 * i + 1] = bd.w1;
        bundle[4 * i + 2] = bd.w2;
        bundle[4 * i + 3] = bd.w3;
      }
      // Next instruction in sequence (a taken branch or rfi replaces it below).
      let nLo = ipLo,
        nHi = ipHi,
        nSlot = slot + 1;
      if (sd !== null ? sd.seqNext : slot >= 2) {
        nSlot = 0;
        nLo = (ipLo + 16) >>> 0;
        if (nLo < 16) nHi = (ipHi + 1) >>> 0;
      }
      let frameIllegal = false;
      if (exec) {
        imm[i] = sd.imm;
        variant[i] = sd.variant;
        crNum[i] = sd.crNum;
        frameIllegal = sd.writesR0 || sd.maxReg >= 32 + m.sof;
        switch (kind) {
          case Kind.R2:
            r2[2 * i] = m.grLo[sd.r2]!;
            r2[2 * i + 1] = m.grHi[sd.r2]!;
            r2Nat[i] = m.nat[sd.r2]!;
            break;
          case Kind.ADDR_R3:
            addr[2 * i] = m.grLo[sd.r3]!;
            addr[2 * i + 1] = m.grHi[sd.r3]!;
            break;
          case Kind.ADDR_IFA:
            addr[2 * i] = m.crLo[CR.IFA]!;
            addr[2 * i + 1] = m.crHi[CR.IFA]!;
            break;
          case Kind.BR_REL:
            nLo = relTargetLo(ipLo, sd.dLo);
            nHi = relTargetHi(ipLo, ipHi, sd.dLo, sd.dHi);
            nSlot = 0;
            break;
          case Kind.BR_IND:
            nLo = (m.brLo[sd.b2]! & ~0xf) >>> 0;
            nHi = m.brHi[sd.b2]!;
            nSlot = 0;
            // br.ret restores PFS.ppl as cpl when that is less privileged (variant 1 = br.ret).
            if (sd.op === 'br_ret') {
              variant[i] = 1;
              pfsPpl[i] = m.arHi[AR_PFS]! >>> 30;
            }
            break;
          case Kind.BR_CLOOP:
            if (m.arLo[AR_LC] === 0 && m.arHi[AR_LC] === 0) cls = C.OTHER;
            else {
              nLo = relTargetLo(ipLo, sd.dLo);
              nHi = relTargetHi(ipLo, ipHi, sd.dLo, sd.dHi);
              nSlot = 0;
            }
            break;
          case Kind.RFI: {
            nLo = (m.crLo[CR.IIP]! & ~0xf) >>> 0;
            nHi = m.crHi[CR.IIP]!;
            nSlot = Math.min(2, (m.crHi[CR.IPSR]! >>> 9) & 3);
            break;
          }
          case Kind.EPC:
          case Kind.VMSW: {
            pfsPpl[i] = m.arHi[AR_PFS]! >>> 30;
            if (m.it) {
              const ip = (BigInt(ipHi) << 32n) | BigInt(ipLo);
              const e = m.itlb.lookup(Number((m.rr[Number(ip >> 61n)]! >> 8n) & 0xffffffn), ip);
              if (e) {
                pageAr[i] = e.ar;
                pagePl[i] = e.pl;
              }
            }
            break;
          }
          case Kind.COVER:
            cfm[2 * i] = m.sof | (m.sol << 7) | ((m.sor >> 3) << 14);
            break;
          case Kind.PAL:
            if (m.vm === 0 && m.cpl === 0) cls = C.OTHER;
            break;
        }
        if (cls === C.BRANCH) {
          addr[2 * i] = nLo;
          addr[2 * i + 1] = nHi;
        }
        if (sd.hasAddr) hasAddr[i] = 1;
        nonAccessKind[i] = sd.nonAccessKind;
      }
      nextIp[2 * i] = nLo;
      nextIp[2 * i + 1] = nHi;
      nextSlot[i] = nSlot;

      const ev = emu.step();
      if (ev) {
        const row = ROW_BIT.get(ev.name)!;
        if (FETCH_ROWS.has(ev.name)) cls = C.OTHER; // the instruction was never fetched
        // env_pending bits (priority-table rows) of the environment's interruptions.
        let envLo = 0,
          envHi = 0,
          bit = -1;
        const decides = CORE_DECIDES[ICLASS_BY_CODE[cls]!];
        if ((ev.isr & ISR_IR) !== 0n) {
          // A fault on a mandatory RSE load of the current frame (after br.ret or rfi): the
          // emulator delivers it as the plain row with ISR.ir; the core is shown its IR row and
          // the RSE address as `addr` — IFA when PSR.ic was 1 (ISR.ni = 0), else the slot below
          // BSPSTORE (the loads go down from BSPSTORE, which stops at the last slot loaded:
          // model/exec/rse.ts rseLoadFrame).
          const a = (ev.isr & ISR_NI) === 0n ? ev.ifa : BigInt.asUintN(64, bspstore(m) - 8n);
          addr[2 * i] = Number(a & 0xffffffffn);
          addr[2 * i + 1] = Number(a >> 32n);
          const plain = ev.name === 'data_nested_tlb' ? nestedMiss(m, a) : ev.name;
          bit = IR_ROW_BIT.get(plain) ?? -1;
          if (bit < 0) throw new Error(`cosim events: ${ev.name} with ISR.ir has no IR row in arch/priority.ts`);
        } else if (TRAP_BITS.has(row)) {
          // One event for all traps of the instruction: ISR.code holds each trap's bit.
          const code = Number(ev.isr & 0xffffn);
          for (const t of TRAP_ROWS)
            if ((t.isrCode & code) !== 0 && !decides.has(t.name)) {
              if (t.bit < 32) envLo |= 1 << t.bit;
              else envHi |= 1 << (t.bit - 32);
            }
        } else if (ev.name === 'data_nested_tlb') {
          // The environment saw the TLB miss; the core turns it into Data Nested TLB (ic = 0).
          const va = (BigInt(addr[2 * i + 1]!) << 32n) | BigInt(addr[2 * i]!);
          bit = ROW_BIT.get(nestedMiss(m, va)) ?? -1;
        } else if (!decides.has(ev.name) || (ev.name === 'unimpl_data_addr' && cls === C.PRIV_OTHER && !hasAddr[i])) {
          bit = row;
        } else if (row === ILLEGAL_BIT && frameIllegal) {
          bit = row;
        }
        if (bit >= 0) {
          if (bit < 32) envLo |= 1 << bit;
          else envHi |= 1 << (bit - 32);
        }
        env[2 * i] = envLo >>> 0;
        env[2 * i + 1] = envHi >>> 0;
        // An IR fault's outcome is its IR row (the instruction's own checks never ran).
        b.outcome[i] = (ev.isr & ISR_IR) !== 0n ? bit : row;
        eTaken[i] = 1;
        eVec[i] = ev.vector;
        eRedir[i] = 1;
        eDone[i] = 0;
        eNip[2 * i] = m.ipLo;
        eNip[2 * i + 1] = m.ipHi;
        eNslot[i] = m.slot;
        eRdv[i] = 0;
        eRd[2 * i] = 0;
        eRd[2 * i + 1] = 0;
      } else {
        b.outcome[i] = -1;
        eTaken[i] = 0;
        eVec[i] = 0;
        eDone[i] = 1;
        const rfi = cls === C.RFI;
        eRedir[i] = rfi ? 1 : 0;
        eNip[2 * i] = rfi ? m.ipLo : 0;
        eNip[2 * i + 1] = rfi ? m.ipHi : 0;
        eNslot[i] = rfi ? m.slot : 0;
        const rd =
          cls === C.MOV_FROM_PSR || cls === C.MOV_FROM_PSR_UM || (cls === C.MOV_FROM_CR && HELD.has(sd!.crNum));
        eRdv[i] = rd ? 1 : 0;
        eRd[2 * i] = rd ? m.grLo[sd!.r1]! : 0;
        eRd[2 * i + 1] = rd ? m.grHi[sd!.r1]! : 0;
      }
      iclass[i] = cls;
      if (exec && sd.xlate) cache.clearTranslated();
      // Expected PSR and CRs after the step. The emulator writes CRs only in interruptions,
      // mov to CR and cover (model/exec: machine.ts interrupt, compile-sys.ts): the CRs are
      // re-read after those and after every system instruction; PSR and IIPA after every step.
      this.refresh(ev !== undefined || sd === null || !sd.plain ? 1 : 0);
      iipaC[2 * i] = m.iipaLo;
      iipaC[2 * i + 1] = m.iipaHi;
      if (this.changed !== 0) {
        const ch = this.changed;
        this.changed = 0;
        for (let k = 0; k < 12; k++) {
          if (!(ch & (1 << k))) continue;
          if (i > runStart[k]!) runs[k]!.fill(runVal[k]!, runStart[k]!, i);
          runVal[k] = last[k]!;
          runStart[k] = i;
        }
      }
    }
    for (let k = 0; k < 12; k++) if (k !== 1 + IIPA_K && i > runStart[k]!) runs[k]!.fill(runVal[k]!, runStart[k]!, i);
    b.count = i;
    return i;
  }

  /** Re-reads PSR and (crs = 1) the CRs but IIPA into lastBig, marking those that changed. */
  private refresh(crs: number): void {
    const m = this.m,
      last = this.lastBig,
      L = this.expLo,
      H = this.expHi;
    if (m.psrLo !== L[0] || m.psrHi !== H[0] || (this.seen & 1) === 0) {
      L[0] = m.psrLo;
      H[0] = m.psrHi;
      last[0] = m.psr;
      this.seen |= 1;
      this.changed |= 1;
    }
    if (!crs) return;
    for (let k = 0; k < 11; k++) {
      const n = CR_NUMS[k]!;
      if (n === CR.IIPA) continue;
      const lo = m.crLo[n]!,
        hi = m.crHi[n]!,
        bit = 1 << (k + 1);
      if (lo !== L[k + 1] || hi !== H[k + 1] || (this.seen & bit) === 0) {
        L[k + 1] = lo;
        H[k + 1] = hi;
        last[k + 1] = m.cr[n]!;
        this.seen |= bit;
        this.changed |= bit;
      }
    }
  }
}
