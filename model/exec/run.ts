// Instruction fetch (with instruction-side translation and its faults), the predecoded code
// cache (one closure per slot, keyed by physical bundle address, dropped when its page is
// written), and the step loop with IIPA tracking and trap delivery.
import { PSR_BIT } from '../../arch/psr.js';
import { type CompiledBundle, compiledBundle } from './bundle-cache.js';
import { BUNDLE_END } from './codegen.js';
import {
  REGION_AFTER,
  REGION_MAX_BUNDLES,
  endsRegion,
  genRegionRun,
  type RegionBundle,
  type RegionChain,
  type RegionRun,
} from './region.js';
import { TRAP_SINGLE_STEP, TRAP_UNIMPL_IA, lSlotFault } from './compile-br.js';
import { OUT, add64 } from './int64.js';
import { CONT, FAULT, HALT, ISR_X, JUMP, pickFault, type Machine } from './machine.js';
import { pageKey } from './memory.js';
import { rseLoadFrame } from './rse.js';
import { instDebugFault } from './debug.js';
import { pageRights, type TlbEntry } from './tlb.js';
import { thash, walk, walkerEnabled } from './vhpt.js';
import { defaultItir, keyFault, region } from './xlate.js';

const PSR_I_LO = 1 << PSR_BIT.i;

/**
 * The compiled code of one physical code page: bundles by index (16-byte unit of the page),
 * the region (region.ts) to enter at each index once it is hot, and the dispatcher's entries
 * per index so far. Dropped as a whole when the page is written.
 */
export class CodePage {
  readonly bundles: (CompiledBundle | undefined)[] = new Array(256);
  readonly regions: (RegionRun | undefined)[] = new Array(256);
  readonly heat = new Uint16Array(256);
  constructor(
    readonly paLo: number,
    readonly paHi: number,
  ) {}
}

/**
 * One fetched page for the fast path: virtual page (IP hi half, IP{31:12}) → its compiled
 * bundles and physical page, valid for the same PSR.it and, with translation on, the same
 * translations (xlateEpoch) and context (cpl, vm) — the same fetch would translate the same.
 */
class FetchEntry {
  hi = -1;
  lo = -1;
  it = 0;
  epoch = -1;
  ctx = -1;
  paLo = 0;
  paHi = 0;
  page: CodePage | null = null;

  serves(m: Machine): boolean {
    return (
      this.page !== null &&
      m.ipHi === this.hi &&
      m.ipLo >>> 12 === this.lo &&
      m.it === this.it &&
      (m.it === 0 || (m.xlateEpoch === this.epoch && m.translationContext() === this.ctx))
    );
  }
}

export class CodeCache {
  private readonly pages = new Map<number, CodePage>();
  private lastKey = -1;
  private lastPage: CodePage | null = null;
  /** Regions entered straight from regions (region.ts), nested: reset by every run. */
  readonly chain: RegionChain = { depth: 0 };
  /** The page and bundle index of the last successful fetch. */
  curPage: CodePage | null = null;
  curIdx = 0;
  // Instruction translations (virtual page → physical page key): one map per translation
  // context (cpl, vm), all dropped when xlateEpoch moves.
  private icache = { epoch: -1, maps: [] as Map<number, number>[] };
  // Fast path: the pages of the last two fetched pages (an interruption handler and the code
  // it returns to), most recent first.
  private f0 = new FetchEntry();
  private f1 = new FetchEntry();

  constructor(private readonly m: Machine) {
    m.mem.onCodeWrite = (key) => {
      this.pages.delete(key);
      m.mem.codePages.delete(key);
      if (key === this.lastKey) {
        this.lastKey = -1;
        this.lastPage = null;
      }
      this.f0.page = null;
      this.f1.page = null;
    };
  }

  /** The compiled bundle at the current IP, or null when fetching it raised an interruption. */
  fetch(): CompiledBundle | null {
    const m = this.m;
    if (m.cfle !== 0 && !currentFrameLoad(m)) return null;
    let e = this.f0;
    if (!e.serves(m)) {
      e = this.f1;
      if (!e.serves(m)) return this.fetchSlow();
      this.f1 = this.f0;
      this.f0 = e;
    }
    const idx = (m.ipLo >>> 4) & 255,
      page = e.page!;
    this.curPage = page;
    this.curIdx = idx;
    return page.bundles[idx] ?? (page.bundles[idx] = this.compile((e.paLo | (m.ipLo & 0xff0)) >>> 0, e.paHi));
  }

  private fetchSlow(): CompiledBundle | null {
    const m = this.m;
    if (!m.instAddrImplemented(m.ipHi)) {
      m.pendingTraps |= TRAP_UNIMPL_IA;
      m.takeTraps(m.slot, m.steps);
      return null;
    }
    let paLo = m.ipLo,
      paHi = m.ipHi & 0x7fffffff;
    if (m.it) {
      if (this.icache.epoch !== m.xlateEpoch) this.icache = { epoch: m.xlateEpoch, maps: [] };
      const map = (this.icache.maps[m.translationContext()] ??= new Map());
      const vkey = m.ipHi * 0x100000 + (m.ipLo >>> 12);
      const hit = map.get(vkey);
      if (hit !== undefined) {
        paHi = Math.floor(hit / 0x100000);
        paLo = (((hit % 0x100000) << 12) | (m.ipLo & 0xfff)) >>> 0;
      } else {
        const pa = this.translateInst();
        if (pa === null) return null;
        paLo = Number(pa & 0xffffffffn);
        paHi = Number((pa >> 32n) & 0x7fffffffn);
        map.set(vkey, pageKey(paLo, paHi));
      }
    }
    const key = pageKey(paLo, paHi);
    let page = key === this.lastKey ? this.lastPage : this.pages.get(key);
    if (!page) {
      page = new CodePage((paLo & ~0xfff) >>> 0, paHi);
      this.pages.set(key, page);
      m.mem.codePages.add(key);
    }
    this.lastKey = key;
    this.lastPage = page;
    const e = this.f1;
    this.f1 = this.f0;
    this.f0 = e;
    e.hi = m.ipHi;
    e.lo = m.ipLo >>> 12;
    e.it = m.it;
    e.epoch = m.xlateEpoch;
    e.ctx = m.translationContext();
    e.paLo = (paLo & ~0xfff) >>> 0;
    e.paHi = paHi;
    e.page = page;
    const idx = (paLo >>> 4) & 255;
    this.curPage = page;
    this.curIdx = idx;
    return page.bundles[idx] ?? (page.bundles[idx] = this.compile(paLo & ~0xf, paHi));
  }

  /**
   * Generates the region entered at `idx` of `page`: the bundles from there on to the first
   * unconditional transfer of control, the page's end or REGION_MAX_BUNDLES, leaving out
   * bundles the model cannot run (data after the code, uncovered encodings).
   */
  buildRegion(page: CodePage, idx: number): RegionRun | undefined {
    const list: RegionBundle[] = [];
    for (let k = idx; k < 256 && list.length < REGION_MAX_BUNDLES; k++) {
      const b = page.bundles[k] ?? (page.bundles[k] = this.compile((page.paLo | (k << 4)) >>> 0, page.paHi));
      if (b.decoded.slots.some((s) => s.op === 'unsupported')) break;
      list.push({ insns: b.decoded.slots, exec: b.exec, qp: b.qp, pure: b.pure, n: b.n });
      if (endsRegion(b.decoded.slots)) break;
    }
    if (list.length === 0) return undefined;
    const { run, entries } = genRegionRun(this.m, list, idx, advance, page.regions, this.chain);
    // The newest region takes over the bundles it can be entered at: it starts where an older
    // one did not (an outer loop's head before its inner loop), so control stays in it longer.
    // The bundles it covers but cannot be entered at (inside its loops) forget an older region:
    // they build a small one of their own if the dispatcher still comes there (an interruption
    // handler returning into the loop), instead of keeping a large older one hot.
    for (let k = 0; k < list.length; k++) page.regions[idx + k] = undefined;
    for (const k of entries) page.regions[idx + k] = run;
    return run;
  }

  private readonly words = { lo: 0, hi: 0 };

  /** The compiled bundle at physical address (paLo, paHi): shared by content (bundle-cache.ts). */
  private compile(paLo: number, paHi: number): CompiledBundle {
    const out = this.words,
      mem = this.m.mem;
    mem.load(paLo, paHi, 8, out);
    const w0 = out.lo,
      w1 = out.hi;
    mem.load((paLo + 8) >>> 0, paHi, 8, out);
    return compiledBundle(w0, w1, out.lo, out.hi, advance);
  }

  private translateInst(): bigint | null {
    const m = this.m;
    const va = m.ip();
    const e = m.itlb.lookup(region(m, va).rid, va) ?? instMiss(m, va);
    if (!e) return null;
    const f = pickFault(
      !e.p && 'inst_page_not_present',
      e.p && e.ma === 7 && 'inst_nat_page',
      e.p && keyFault(m, e, 'x', 'inst_key_miss', 'inst_key_perm'),
      !pageRights(e.ar, e.pl, m.cpl).includes('x') && 'inst_access_rights',
      !e.a && !m.psrBit('ia') && 'inst_access_bit',
    );
    if (f) {
      m.fault(f, { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: ISR_X });
      return null;
    }
    return e.ppn | (va & ((1n << BigInt(e.ps)) - 1n));
  }
}

/**
 * An instruction TLB miss: the VHPT walker when it is enabled (vhpt.ts), else the Alternate
 * Instruction TLB fault. Returns the entry the walker inserted, or null after delivering the
 * fault: VHPT Instruction (its ITIR the default of the VHPT address) or Instruction TLB when
 * the walk failed, both with IHA.
 */
function instMiss(m: Machine, va: bigint): TlbEntry | null {
  if (!walkerEnabled(m, va, 'inst')) {
    m.fault('alt_inst_tlb', { ifa: va, itir: defaultItir(m, va), isr: ISR_X });
    return null;
  }
  const w = walk(m, va, 'inst');
  if (typeof w !== 'string') return w;
  const iha = thash(m, va);
  const itir = w === 'vhpt' ? defaultItir(m, iha) : defaultItir(m, va);
  m.fault(w === 'vhpt' ? 'vhpt_inst' : 'inst_tlb', { ifa: va, itir, iha, isr: ISR_X });
  return null;
}

/**
 * The mandatory RSE loads a br.ret/rfi left for before the next instruction (exec/rse.ts); a
 * fault there is taken on that instruction, as its step. False when it faulted.
 */
function currentFrameLoad(m: Machine): boolean {
  m.stepBase = m.steps - m.slot;
  return rseLoadFrame(m);
}

/**
 * Runs until halted or `maxSteps` total steps. Exceptions (unsupported instruction) propagate.
 * Each bundle runs through its step function (codegen.ts) until its page index has been
 * entered REGION_AFTER times; from then on through the region generated there (region.ts),
 * which keeps control until it leaves the region.
 */
export function runLoop(m: Machine, cache: CodeCache, maxSteps: number): void {
  cache.chain.depth = 0;
  while (!m.halted && m.steps < maxSteps) {
    // External interrupts (interrupts.ts): one compare per bundle; past m.pollAt, pend what the
    // timer/schedule makes due and take an unmasked vector before the next instruction when
    // PSR.i = 1 (the interruption is a step of its own).
    if (m.steps >= m.pollAt) {
      if (m.steps >= m.nextTimedStep) m.ext.timedEvents();
      if (m.extPending && (m.psrLo & PSR_I_LO) !== 0) {
        m.ext.deliver();
        m.steps++;
        continue;
      }
    }
    const b = cache.fetch();
    if (b === null) {
      m.steps++;
      continue;
    }
    if (m.slot >= b.n) {
      lSlotFault(m);
      continue;
    }
    // The timer's next match bounds the run like the step budget (the step loop delivers it).
    const limit = Math.min(maxSteps, m.nextTimedStep);
    const left = limit - m.steps;
    // Instruction breakpoints live (PSR.db = 1, an IBR pair enabled): one slot at a time, each
    // checked against the IBRs before it executes, whatever its predicate (exec/debug.ts). The
    // bundle functions and regions never run meanwhile (they stop when this turns on).
    if (m.instDebug) {
      if (left <= 0) continue;
      m.stepBase = m.steps - m.slot;
      if (instDebugFault(m)) m.steps++;
      else stepTail(m, b, 1);
      continue;
    }
    if (left < b.n - m.slot) {
      stepTail(m, b, left);
      continue;
    }
    const page = cache.curPage!,
      idx = cache.curIdx;
    let region = page.regions[idx];
    // Only whole-bundle entries count: one-step runs (lockstep, onStep) never profit from a
    // region. A new region runs at once (its next bundles do not get hot meanwhile). At or past
    // the count: a newer region may have dropped the one built here (see buildRegion).
    if (region === undefined && m.slot === 0 && ++page.heat[idx]! >= REGION_AFTER)
      region = cache.buildRegion(page, idx);
    // A region assumes no pending trap and PSR.ss = tb = 0 (it traps on nothing itself). Any
    // other per-instruction check (e.g. instruction debug faults under PSR.db) belongs in this
    // condition and in region.ts's test after closures (see the header there).
    if (region !== undefined && m.slot === 0 && (m.pendingTraps | m.ss | m.tb) === 0 && region(idx, limit)) continue;
    if (b.run(m, m.slot) === BUNDLE_END) advance(m, b.n - 1);
  }
}

/**
 * Steps at most `budget` (≤ the rest of the bundle) slots of `b` one by one: the same
 * bookkeeping as the generated function, used where a run's step limit ends mid-bundle and
 * for the slot-by-slot run while instruction breakpoints are live.
 */
function stepTail(m: Machine, b: CompiledBundle, budget: number): void {
  const bLo = m.ipLo,
    bHi = m.ipHi;
  for (let k = 0; k < budget; k++) {
    const s = m.slot;
    m.stepBase = m.steps - s;
    const f = b.exec[s],
      q = b.qp[s]!;
    const ic = m.ic,
      ss = m.ss;
    const r = f === null || (q !== 0 && m.pr[q] === 0) ? CONT : f(m);
    m.steps++;
    if (r === FAULT) return;
    if (r === HALT) {
      m.halted = true;
      m.slot = s;
      return;
    }
    if (ic) {
      m.iipaLo = bLo;
      m.iipaHi = bHi;
    }
    if (ss) m.pendingTraps |= TRAP_SINGLE_STEP;
    if (r === JUMP) {
      if (m.pendingTraps) m.takeTraps(s, m.steps - 1);
      return;
    }
    if (m.pendingTraps) {
      if (s + 1 < b.n) {
        m.slot = s + 1;
        m.takeTraps(s, m.steps - 1);
      } else advance(m, s);
      return;
    }
    if (s + 1 === b.n) {
      advance(m, s);
      return;
    }
    m.slot = s + 1;
  }
}

/** Falls through to the next bundle after the instruction in `lastSlot`, delivering traps. */
export function advance(m: Machine, lastSlot: number): void {
  add64(m.ipLo, m.ipHi, 16, 0);
  m.ipLo = OUT.lo;
  m.ipHi = OUT.hi;
  m.slot = 0;
  if (!m.instAddrImplemented(m.ipHi)) m.pendingTraps |= TRAP_UNIMPL_IA;
  if (m.pendingTraps) m.takeTraps(lastSlot, m.steps - 1);
}
