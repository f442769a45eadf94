// Functional coverage of a lockstep run: (1) cpl × vm × instruction class × outcome
// (completed, each fault the core decides, or an environment fault); (2) every pair of the
// core's own faults pending at once (pending.ts); (3) each PSR field transition; (4) external
// interrupts: taken in each cpl × vm, held (ext_int with PSR.i = 0), taken over each own fault. The bins
// counted in the percentages are those the spec makes reachable (derived here from the class
// table and the check rules); holes are reachable bins never hit.
import { ICLASS } from '../../../arch/iclass.js';
import { PRIORITY_TABLE } from '../../../arch/priority.js';
import { PSR_FIELDS } from '../../../arch/psr.js';
import type { VtiConfig } from '../../../gen/vti.js';
import { CORE_DECIDES, ICLASS_BY_CODE, IR_ROW_BIT } from './classify.js';
import { slotText, type EventBatch } from './events.js';
import { MAY_PEND, OWN, ownPending, type OwnFault } from './pending.js';

const NCLS = ICLASS_BY_CODE.length;
const OUTS = ['completed', ...OWN, 'env'] as const;
const NOUT = OUTS.length;
const OWN_INDEX = new Map<string, number>(OWN.map((n, i) => [n, i]));
/** Emulator outcome row → outcome bin (completed = 0, own faults 1..8, anything else env). */
const ROW_OUT = PRIORITY_TABLE.map((r) => (OWN_INDEX.has(r.name) ? OWN_INDEX.get(r.name)! + 1 : NOUT - 1));
/** PSR fields whose transitions count: all but pk and is (never set, see random/items.ts) and ri (D1). */
const FIELDS = PSR_FIELDS.filter((f) => !['pk', 'is', 'ri'].includes(f.name));
const TRANS = FIELDS.flatMap((f) =>
  f.width === 1
    ? ([
        [f, 0, 1],
        [f, 1, 0],
      ] as const)
    : Array.from({ length: 4 }, (_, a) => Array.from({ length: 4 }, (_, b) => [f, a, b] as const))
        .flat()
        .filter(([, a, b]) => a !== b),
);
// Precomputed extractors of TRANS (no closures per event): the PSR half (0 lo, 1 hi), shift, mask, from, to.
const T_HALF = Uint8Array.from(TRANS, ([f]) => (f.lo >= 32 ? 1 : 0));
const T_SHIFT = Uint8Array.from(TRANS, ([f]) => (f.lo >= 32 ? f.lo - 32 : f.lo));
const T_MASK = Uint32Array.from(TRANS, ([f]) => (1 << f.width) - 1);
const T_FROM = Uint8Array.from(TRANS, ([, a]) => a),
  T_TO = Uint8Array.from(TRANS, ([, , c]) => c);
const NROW = PRIORITY_TABLE.length;
/** Priority-table row → own-fault index, or -1. */
const ROW_OWN = Int8Array.from(PRIORITY_TABLE, (r) => OWN_INDEX.get(r.name) ?? -1);
const ROW_NESTED = PRIORITY_TABLE.map((r) => r.name === 'data_nested_tlb');
const ROW_TRAP = PRIORITY_TABLE.map((r) => r.kind === 'trap');
const NOWN = OWN.length;
const EXT_ROW = PRIORITY_TABLE.findIndex((r) => r.name === 'ext_int');
/** Interrupt bins: taken at (cpl, vm) 0..7, held, then over each own fault. */
const INT_TAKEN = 0,
  INT_HELD = 8,
  INT_OVER = 9;

/** Whether the spec lets outcome `out` happen for class `k` at (cpl, vm). */
export function reachableOutcome(k: number, cpl: number, vm: number, out: string, g: VtiConfig): boolean {
  const name = ICLASS_BY_CODE[k];
  if (!name) return false;
  const info = ICLASS[name];
  const vmsw = name === 'VMSW';
  const privHere = (info.privileged || vmsw) && cpl !== 0;
  const virtHere = vmsw
    ? g.vmImplemented && cpl === 0
    : vm === 1 && ((info.virt === 'cpl0' && cpl === 0) || info.virt === 'any');
  const vmOk = g.vmImplemented || vm === 0;
  if (!vmOk) return false;
  if (out === 'env') return false; // informational: environment faults are not the core's to cover
  if (out === 'completed') return name !== 'BREAK' && !privHere && !(virtHere && !vmsw) && !(vmsw && !g.vmImplemented);
  if (!CORE_DECIDES[name].has(out)) return false;
  switch (out as OwnFault) {
    case 'illegal_op':
      return vmsw ? !g.vmImplemented : name === 'EPC' ? cpl > 0 : true;
    case 'priv_op':
      return privHere && (!vmsw || g.vmImplemented);
    case 'virtualization':
      return virtHere;
    case 'reg_nat':
    case 'reserved_reg_field':
    case 'unimpl_data_addr':
      return !privHere;
    default:
      return true;
  }
}

/** Pairs of own faults that can be pending together in some class and mode. */
function reachablePair(a: OwnFault, b: OwnFault, g: VtiConfig): boolean {
  if ((a === 'priv_op' && b === 'virtualization') || (a === 'virtualization' && b === 'priv_op')) return false;
  if (!g.vmImplemented && (a === 'virtualization' || b === 'virtualization')) return false; // vm is always 0
  return ICLASS_BY_CODE.some(
    (k) =>
      !!k &&
      CORE_DECIDES[k].has(a) &&
      CORE_DECIDES[k].has(b) &&
      (k !== 'VMSW' || !g.vmImplemented || (a !== 'illegal_op' && b !== 'illegal_op')),
  );
}

export interface BinSet {
  readonly bins: number;
  readonly hit: number;
  readonly pct: number;
  readonly minHits: number;
  readonly holes: string[];
}
export interface CoverageSummary {
  readonly outcomes: BinSet;
  readonly pairs: BinSet;
  readonly psr: BinSet;
  /** External interrupts (vti_core's ext_int): taken per cpl × vm, held with PSR.i = 0, over each own fault. */
  readonly interrupts: BinSet;
  /** Over all four sets. */
  readonly pct: number;
  /** (own fault, environment fault) pairs seen pending together. */
  readonly envPairs: Record<string, number>;
  /** Events where the spec-restated checks' winner disagreed with the emulator's outcome (see pending.ts). */
  readonly modelDisagreements: number;
  readonly disagreementSamples: readonly string[];
  /** What the bins leave out by construction. */
  readonly notes: readonly string[];
}

export const COVERAGE_NOTES: readonly string[] = [
  "virtual external interrupts, vm_disabled and vmsw_disabled are outside the space: the random programs raise no virtual interrupt and make no PAL feature calls (ext_int is driven by the model's pending external interrupt, random/interrupts.ts)",
  'environment faults (TLB, keys, access rights, alignment, ...) count as one outcome "env" per class and mode, not in the percentage',
];

/** The IR rows of the priority table as env_pending halves (events.ts: an IR fault's row). */
const IR_LO = [...IR_ROW_BIT.values()].reduce((a, r) => (r < 32 ? a | (1 << r) : a), 0) >>> 0;
const IR_HI = [...IR_ROW_BIT.values()].reduce((a, r) => (r >= 32 ? a | (1 << (r - 32)) : a), 0) >>> 0;
/**
 * Own checks on the `addr` operand. An IR fault's event carries the RSE load's address there
 * (events.ts), and the instruction's own checks never ran: these are not its pending faults.
 */
const ADDR_OWN = (1 << OWN.indexOf('unimpl_data_addr')) | (1 << OWN.indexOf('unimpl_inst_addr_trap'));

/** The counts of a Coverage, structured-clonable (a lockstep worker sends each program's back: parallel.ts). */
export interface CoverageCounts {
  readonly outcome: Uint32Array;
  readonly pair: Uint32Array;
  readonly psr: Uint32Array;
  readonly ext: Uint32Array;
  readonly envPair: Uint32Array;
  readonly modelDisagreements: number;
  readonly disagreementSamples: readonly string[];
}

/** Disagreement samples kept (the first ones, in event order). */
const SAMPLES = 5;

export class Coverage {
  readonly outcome = new Uint32Array(NCLS * 8 * NOUT);
  readonly pair = new Uint32Array(OWN.length * OWN.length);
  readonly psr = new Uint32Array(TRANS.length);
  readonly ext = new Uint32Array(INT_OVER + NOWN);
  /** (own fault x, priority-table row r) seen pending together: count at x * rows + r. */
  readonly envPair = new Uint32Array(NOWN * NROW);
  modelDisagreements = 0;
  readonly disagreementSamples: string[] = [];
  private psrLo = 0;
  private psrHi = 0;

  constructor(readonly gen: VtiConfig) {}

  /** (own fault, environment fault) pairs seen, by name. */
  get envPairs(): Map<string, number> {
    const m = new Map<string, number>();
    for (let x = 0; x < NOWN; x++)
      for (let r = 0; r < NROW; r++) {
        const v = this.envPair[x * NROW + r]!;
        if (v) m.set(`${OWN[x]}+${PRIORITY_TABLE[r]!.name}`, v);
      }
    return m;
  }

  /**
   * A new program starts (from reset, PSR 0): the PSR transition bins count changes within a
   * program, never from one program's last PSR to the next one's first — so a run's bins do
   * not depend on which programs ran before it in the same process (regress/ shards).
   */
  startProgram(): void {
    this.psrLo = 0;
    this.psrHi = 0;
  }

  counts(): CoverageCounts {
    const { outcome, pair, psr, ext, envPair, modelDisagreements, disagreementSamples } = this;
    return { outcome, pair, psr, ext, envPair, modelDisagreements, disagreementSamples };
  }

  /**
   * Adds the counts of other programs (of the same configuration's bins). Adding each
   * program's counts in program order gives the counts and samples of one Coverage that saw
   * them all in that order.
   */
  addCounts(c: CoverageCounts): void {
    const add = (to: Uint32Array, from: Uint32Array) => {
      for (let i = 0; i < to.length; i++) to[i]! += from[i]!;
    };
    add(this.outcome, c.outcome);
    add(this.pair, c.pair);
    add(this.psr, c.psr);
    add(this.ext, c.ext);
    add(this.envPair, c.envPair);
    this.modelDisagreements += c.modelDisagreements;
    for (const x of c.disagreementSamples)
      if (this.disagreementSamples.length < SAMPLES) this.disagreementSamples.push(x);
  }

  /** Counts the events of one compared batch (no allocation per event). */
  add(b: EventBatch): void {
    const I = b.inputs,
      psrC = b.expected.psr!,
      env = I.env_pending!,
      iclass = I.iclass!,
      outc = b.outcome;
    const extIn = I.ext_int!,
      ext = this.ext;
    const outcome = this.outcome,
      pair = this.pair,
      envPair = this.envPair,
      psrBins = this.psr,
      g = this.gen;
    let psrLo = this.psrLo,
      psrHi = this.psrHi;
    for (let i = 0; i < b.count; i++) {
      const cls = iclass[i]!,
        cpl = psrHi & 3,
        vm = (psrHi >>> 14) & 1;
      const row = outc[i]!;
      outcome[((cls * 4 + cpl) * 2 + vm) * NOUT + (row < 0 ? 0 : ROW_OUT[row]!)]!++;
      const eLo = env[2 * i]!,
        eHi = env[2 * i + 1]!;
      const own =
        MAY_PEND[cls] === 0 ? 0 : ownPending(I, i, psrLo, psrHi, g) & ((eLo & IR_LO) | (eHi & IR_HI) ? ~ADDR_OWN : -1);
      if (own & (own - 1))
        for (let x = 0; x < NOWN; x++)
          if (own & (1 << x)) for (let y = x + 1; y < NOWN; y++) if (own & (1 << y)) pair[x * NOWN + y]!++;
      if (eLo | eHi && own) {
        for (let r = 0; r < NROW; r++) {
          if (!((r < 32 ? eLo >>> r : eHi >>> (r - 32)) & 1)) continue;
          for (let x = 0; x < NOWN; x++) if (own & (1 << x)) envPair[x * NROW + r]!++;
        }
      }
      // External interrupt: taken before the instruction when PSR.i = 1 (it wins over everything).
      const extTaken = extIn[i] === 1 && ((psrLo >>> 14) & 1) === 1;
      if (extIn[i] === 1 && !extTaken) ext[INT_HELD]!++;
      if (row === EXT_ROW) {
        ext[INT_TAKEN + cpl * 2 + vm]!++;
        for (let x = 0; x < NOWN; x++) if (own & (1 << x)) ext[INT_OVER + x]!++;
      }
      // The restated checks' winner (own and environment faults) against the emulator's outcome.
      let win = extTaken ? EXT_ROW : -1;
      if (!extTaken && own | eLo | eHi)
        for (let r = 0; r < NROW && win < 0; r++) {
          const o = ROW_OWN[r]!;
          if ((r < 32 ? (eLo >>> r) & 1 : (eHi >>> (r - 32)) & 1) || (o >= 0 && own & (1 << o))) win = r;
        }
      if (win !== row && !(row >= 0 && ROW_NESTED[row]) && !(row >= 0 && ROW_TRAP[row] && win >= 0 && ROW_TRAP[win])) {
        this.modelDisagreements++;
        if (this.disagreementSamples.length < SAMPLES)
          this.disagreementSamples.push(
            `${slotText(b, i)} [${ICLASS_BY_CODE[cls]}] emulator ${row < 0 ? 'completed' : PRIORITY_TABLE[row]!.name}, restated checks ${win < 0 ? 'none' : PRIORITY_TABLE[win]!.name}`,
          );
      }
      const nLo = psrC[2 * i]!,
        nHi = psrC[2 * i + 1]!;
      if (nLo !== psrLo || nHi !== psrHi) {
        for (let t = 0; t < T_HALF.length; t++) {
          const sh = T_SHIFT[t]!,
            mk = T_MASK[t]!;
          const before = T_HALF[t] ? (psrHi >>> sh) & mk : (psrLo >>> sh) & mk;
          if (before !== T_FROM[t]) continue;
          if ((T_HALF[t] ? (nHi >>> sh) & mk : (nLo >>> sh) & mk) === T_TO[t]) psrBins[t]!++;
        }
        psrLo = nLo;
        psrHi = nHi;
      }
    }
    this.psrLo = psrLo;
    this.psrHi = psrHi;
  }

  /**
   * Every bin of the summary's three sets by name (reachable bins only, as the percentages count
   * them) with its count, plus the (own, environment) pairs seen: counts that add across runs
   * (regress/ merges shards' bins by adding them).
   */
  binCounts(): Record<string, number> {
    const s = this.named();
    const bins: Record<string, number> = {};
    for (const [group, [names, counts]] of Object.entries(s))
      for (const [i, n] of names.entries()) bins[`${group}: ${n}`] = counts[i]!;
    for (const [n, c] of this.envPairs) bins[`env pairs: ${n}`] = c;
    return bins;
  }

  summary(): CoverageSummary {
    const set = (names: string[], counts: number[]): BinSet => {
      const hit = counts.filter((c) => c > 0).length;
      return {
        bins: counts.length,
        hit,
        pct: counts.length ? (100 * hit) / counts.length : 100,
        minHits: counts.length ? Math.min(...counts) : 0,
        holes: names.filter((_, i) => counts[i] === 0),
      };
    };
    const n = this.named();
    const outcomes = set(...n.outcomes),
      pairs = set(...n.pairs),
      psr = set(...n.psr),
      interrupts = set(...n.interrupts);
    const bins = outcomes.bins + pairs.bins + psr.bins + interrupts.bins;
    return {
      outcomes,
      pairs,
      psr,
      interrupts,
      pct: (100 * (outcomes.hit + pairs.hit + psr.hit + interrupts.hit)) / bins,
      envPairs: Object.fromEntries([...this.envPairs].sort()),
      modelDisagreements: this.modelDisagreements,
      disagreementSamples: this.disagreementSamples,
      notes: COVERAGE_NOTES,
    };
  }

  /** The reachable bins of the four sets: names and counts. */
  private named(): Record<'outcomes' | 'pairs' | 'psr' | 'interrupts', [string[], number[]]> {
    const g = this.gen;
    const on: string[] = [],
      oc: number[] = [];
    for (let k = 0; k < NCLS; k++)
      for (let cpl = 0; cpl < 4; cpl++)
        for (let vm = 0; vm < 2; vm++)
          OUTS.forEach((out, o) => {
            if (!reachableOutcome(k, cpl, vm, out, g)) return;
            on.push(`${ICLASS_BY_CODE[k]} cpl${cpl} vm${vm} ${out}`);
            oc.push(this.outcome[((k * 4 + cpl) * 2 + vm) * NOUT + o]!);
          });
    const pn: string[] = [],
      pc: number[] = [];
    for (let x = 0; x < OWN.length; x++)
      for (let y = x + 1; y < OWN.length; y++)
        if (reachablePair(OWN[x]!, OWN[y]!, g)) {
          pn.push(`${OWN[x]}+${OWN[y]}`);
          pc.push(this.pair[x * OWN.length + y]!);
        }
    // Without VT, PSR.vm is never 1 (§2 table: vm reserved): its transitions are not reachable.
    const tk = TRANS.map((_t, i) => i).filter((i) => g.vmImplemented || TRANS[i]![0].name !== 'vm');
    const sn = tk.map((i) => {
        const [f, a, c] = TRANS[i]!;
        return `psr.${f.name} ${a}->${c}`;
      }),
      sc = tk.map((i) => this.psr[i]!);
    // External interrupts: vm = 1 needs VT; an own fault is pre-empted only where it is reachable
    // with PSR.i = 1 (every own fault is: PSR.i does not enter the core's checks).
    const xn: string[] = [],
      xc: number[] = [];
    for (let cpl = 0; cpl < 4; cpl++)
      for (let vm = 0; vm < (g.vmImplemented ? 2 : 1); vm++) {
        xn.push(`ext_int taken cpl${cpl} vm${vm}`);
        xc.push(this.ext[INT_TAKEN + cpl * 2 + vm]!);
      }
    xn.push('ext_int held (psr.i 0)');
    xc.push(this.ext[INT_HELD]!);
    OWN.forEach((f, x) => {
      if (f === 'virtualization' && !g.vmImplemented) return;
      xn.push(`ext_int over ${f}`);
      xc.push(this.ext[INT_OVER + x]!);
    });
    return { outcomes: [on, oc], pairs: [pn, pc], psr: [sn, sc], interrupts: [xn, xc] };
  }
}
