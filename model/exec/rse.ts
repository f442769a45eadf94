// The register stack engine (SDM vol 2 ch. 6) with a real backing store.
//
// The implementation has N_STACKED_PHYS physical stacked registers (96, as HP's Ski, so the
// recorded fixtures agree on when spills happen). They hold the current frame (CFM.sof), and
// below it, in m.rseLo/rseHi/rseNat (oldest first), the registers of caller frames: the bottom
// m.rseClean of them are *clean* (already stored at [bspload, BSPSTORE)), the rest *dirty*
// (to be stored at [BSPSTORE, BSP)); every other physical register is *invalid*. The RSE is
// lazy in every RSC mode (the SDM allows an implementation to do no eager loads/stores), and
// hyper-lazy as Ski: a register is invalid as soon as it is stored, so the clean partition
// stays empty (the SDM lets an implementation invalidate clean registers at any time):
//   * alloc that grows the frame takes invalid registers, then the oldest clean ones, then
//     spills dirty ones (mandatory stores at BSPSTORE, RNAT at each NaT-collection slot);
//   * br.call and cover only move the frame base (the caller's locals become dirty);
//   * br.ret and rfi take the restored frame from the dirty, then the clean registers; what is
//     no longer in the file is loaded from memory before the next instruction ("current frame
//     load", m.cfle: BSPSTORE > BSP until done), a fault there reports ISR.ir;
//   * flushrs stores every dirty register, loadrs (RSC.loadrs) makes that many bytes below BSP
//     dirty (loading what is missing), a write of BSPSTORE keeps the dirty registers and
//     recomputes BSP above it.
// Every RSE memory access is 8 bytes at the RSC.pl privilege, RSC.be byte order, translated
// when PSR.rt = 1; its faults report ISR.rs (and ISR.ir for a current frame load), r or w.
import { STOP_BUNDLE_RUN } from './interrupts.js';
import { PSR_BIT } from '../../arch/psr.js';
import { toBig } from './int64.js';
import type { Machine } from './machine.js';
import { N_STACKED_PHYS, frameSlotReg, setRrb } from './rotate.js';
import { PA, READ, WRITE, xlateData } from './xlate.js';
import { dataDebugFault } from './debug.js';

export { N_STACKED_PHYS };

const AR_RSC = 16,
  AR_BSPSTORE = 18,
  AR_RNAT = 19;
export const ISR_RS = 1n << 37n,
  ISR_IR = 1n << 38n;
const PSR_RT_BIT = PSR_BIT.rt;

/** A backing-store address whose bits 8:3 are all ones holds a NaT collection (RNAT), not a register. */
export function isNatSlot(a: bigint): boolean {
  return ((a >> 3n) & 63n) === 63n;
}

/**
 * How far `hi` is above `lo` in bytes (addresses wrap at 2^64); 0 when it is not above, or
 * further than any backing-store distance the RSE can have (a frame, 16 KiB of loadrs).
 */
export function rseAbove(hi: bigint, lo: bigint): bigint {
  const d = BigInt.asUintN(64, hi - lo);
  return d < RSE_SPAN ? d : 0n;
}
const RSE_SPAN = 1n << 24n;

/** The backing-store address `n` registers above `a` (skipping NaT-collection slots). */
export function addRseSlots(a: bigint, n: number): bigint {
  for (let i = 0; i < n; i++) {
    a += 8n;
    if (isNatSlot(a)) a += 8n;
  }
  return BigInt.asUintN(64, a);
}

/** The backing-store address `n` registers below `a` (skipping NaT-collection slots). */
export function subRseSlots(a: bigint, n: number): bigint {
  for (let i = 0; i < n; i++) {
    a -= 8n;
    if (isNatSlot(a)) a -= 8n;
  }
  return BigInt.asUintN(64, a);
}

/** Registers (NaT-collection slots not counted) stored in [lo, hi); 0 when hi ≤ lo. */
export function rseRegsBetween(lo: bigint, hi: bigint): number {
  const d = rseAbove(hi, lo);
  if (d === 0n) return 0;
  // NaT slots below an address x (8-aligned): those at 512k + 504 < x.
  const natsBelow = (x: bigint) => (x + 7n) >> 9n;
  return Number(d >> 3n) - Number(natsBelow(lo + d) - natsBelow(lo));
}

/** RNAT bit index of the register stored at `a` (its bits 8:3). */
export function rnatBit(a: bigint): number {
  return Number((a >> 3n) & 63n);
}

export const bspstore = (m: Machine): bigint => m.ar(AR_BSPSTORE);
const setBspstore = (m: Machine, v: bigint) => m.setAr(AR_BSPSTORE, v);

/** Frame registers at the bottom of the current frame not loaded yet (BSPSTORE above BSP). */
export function missingRegs(m: Machine): number {
  // Only an empty file can leave frame registers unloaded (the calls and returns that do not
  // overflow never look at the addresses).
  return m.rseLo.length === 0 ? rseRegsBetween(m.bsp, bspstore(m)) : 0;
}

/** Part of the current frame is still to be loaded (BSPSTORE above BSP). */
export function frameIncomplete(m: Machine): boolean {
  // Every rfi asks, nearly always with the same BSPSTORE and BSP (an interruption loop): the
  // last answer is kept with what it depends on, so that the question allocates no BigInt.
  const lo = m.arLo[AR_BSPSTORE]!,
    hi = m.arHi[AR_BSPSTORE]!,
    memo = m.frameIncompleteMemo;
  if (memo.lo === lo && memo.hi === hi && memo.bsp === m.bsp) return memo.answer;
  const answer = rseAbove(bspstore(m), m.bsp) > 0n;
  memo.lo = lo;
  memo.hi = hi;
  memo.bsp = m.bsp;
  memo.answer = answer;
  return answer;
}

export function dirtyRegs(m: Machine): number {
  return m.rseLo.length - m.rseClean;
}

/** The invalid partition (counting unloaded frame registers as free, as the SDM's counters do). */
export function invalidRegs(m: Machine): number {
  return N_STACKED_PHYS - m.sof - m.rseLo.length + missingRegs(m);
}

/** Lowest backing-store address whose register is still in the file. */
function bspload(m: Machine): bigint {
  const bs = bspstore(m);
  return rseAbove(bs, m.bsp) > 0n ? bs : subRseSlots(bs, m.rseClean);
}

function dropOldest(m: Machine, n: number): void {
  if (n <= 0) return;
  m.rseLo.splice(0, n);
  m.rseHi.splice(0, n);
  m.rseNat.splice(0, n);
  m.rseClean -= n;
}

// ---- memory accesses ----

const WORD = { lo: 0, hi: 0 };

function bswap32(x: number): number {
  return ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24)) >>> 0;
}

/** Translates an RSE reference (PSR.rt, RSC.pl); false after delivering its fault. */
function rseXlate(m: Machine, a: bigint, kind: number, isr: bigint): boolean {
  const lo = Number(a & 0xffffffffn),
    hi = Number((a >> 32n) & 0xffffffffn);
  if (((m.psr >> BigInt(PSR_RT_BIT)) & 1n) === 0n) {
    if (!m.paImplemented(hi)) {
      m.fault('unimpl_data_addr', { ifa: a, isr: (kind === READ ? 1n << 34n : 1n << 33n) | isr });
      return false;
    }
    // Mandatory RSE references match the DBRs at RSC.pl (SDM vol 2 §7.1.1).
    const pl = Number((m.ar(AR_RSC) >> 2n) & 3n);
    if (
      m.dataDebug &&
      dataDebugFault(m, lo, hi, 8, kind === READ, kind !== READ, pl, (kind === READ ? 1n << 34n : 1n << 33n) | isr)
    )
      return false;
    PA.lo = lo;
    PA.hi = hi & 0x7fffffff;
    return true;
  }
  // The access is made at RSC.pl: the translation caches and the rights check read m.cpl.
  const cpl = m.cpl,
    pl = Number((m.ar(AR_RSC) >> 2n) & 3n);
  m.cpl = pl;
  const ok = xlateData(m, lo, hi, 8, kind, true, 0n, isr);
  if (ok) m.cpl = cpl; // after a fault the interruption has set cpl from the new PSR
  return ok;
}

function rseBigEndian(m: Machine): boolean {
  return ((m.ar(AR_RSC) >> 4n) & 1n) !== 0n;
}

/** PSR.da and PSR.dd cover one instruction or one mandatory RSE reference (SDM vol 2 §7.1; as Ski). */
const PSR_DA_DD_HI = (1 << (PSR_BIT.da - 32)) | (1 << (PSR_BIT.dd - 32));
function endOneShotAccess(m: Machine): void {
  if ((m.psrHi & PSR_DA_DD_HI) !== 0) m.setPsrHalves(m.psrLo, m.psrHi & ~PSR_DA_DD_HI);
}

function rseStore(m: Machine, a: bigint, lo: number, hi: number): boolean {
  if (!rseXlate(m, a, WRITE, ISR_RS)) return false;
  endOneShotAccess(m);
  if (rseBigEndian(m)) m.mem.store(PA.lo, PA.hi, 8, bswap32(hi), bswap32(lo));
  else m.mem.store(PA.lo, PA.hi, 8, lo, hi);
  return true;
}

function rseLoad(m: Machine, a: bigint, isr: bigint): boolean {
  if (!rseXlate(m, a, READ, ISR_RS | isr)) return false;
  endOneShotAccess(m);
  m.mem.load(PA.lo, PA.hi, 8, WORD);
  if (rseBigEndian(m)) {
    const lo = WORD.lo;
    WORD.lo = bswap32(WORD.hi);
    WORD.hi = bswap32(lo);
  }
  return true;
}

// ---- mandatory stores and loads ----

/** One store at BSPSTORE: RNAT at a collection slot, else the oldest dirty register (it becomes clean). */
function spillOne(m: Machine): boolean {
  const a = bspstore(m);
  if (isNatSlot(a)) {
    const rnat = m.ar(AR_RNAT);
    if (!rseStore(m, a, Number(rnat & 0xffffffffn), Number(rnat >> 32n))) return false;
  } else {
    const i = m.rseClean;
    if (!rseStore(m, a, m.rseLo[i]!, m.rseHi[i]!)) return false;
    const bit = 1n << BigInt(rnatBit(a));
    const rnat = m.ar(AR_RNAT);
    m.setAr(AR_RNAT, m.rseNat[i] ? rnat | bit : rnat & ~bit);
    // Hyper-lazy, as Ski: a stored register is invalid at once (the SDM lets an implementation
    // drop clean registers at any time), so a return always loads what was stored.
    m.rseClean++;
    dropOldest(m, m.rseClean);
  }
  setBspstore(m, BigInt.asUintN(64, a + 8n));
  return true;
}

/** flushrs: stores every dirty register (and the NaT collections among them). */
export function rseFlush(m: Machine): boolean {
  while (rseAbove(m.bsp, bspstore(m)) > 0n) if (!spillOne(m)) return false;
  return true;
}

/**
 * Room for `growth` more frame registers (alloc): invalid registers first, then the oldest
 * clean ones, then mandatory stores of the oldest dirty ones. False after an RSE fault (the
 * registers stored so far stay stored, the frame is unchanged).
 */
export function rseGrow(m: Machine, growth: number): boolean {
  let need = growth - invalidRegs(m);
  if (need <= 0) return true;
  if (need <= m.rseClean) {
    dropOldest(m, need);
    return true;
  }
  need -= m.rseClean;
  while (need > 0) {
    const wasReg = !isNatSlot(bspstore(m));
    if (!spillOne(m)) return false;
    if (wasReg) need--;
  }
  dropOldest(m, m.rseClean);
  return true;
}

/**
 * br.call / cover: the bottom `n` registers of the current frame (physical order) become
 * dirty, the frame keeps the `sof − n` above them, renumbered from r32; BSP moves up by n.
 */
export function rsePreserve(m: Machine, n: number): void {
  setRrb(m, 0, 0, 0); // physical order (the caller has saved CFM; the new frame has rrb 0)
  const miss = missingRegs(m);
  for (let j = miss; j < n; j++) {
    const r = frameSlotReg(m, j);
    m.rseLo.push(m.grLo[r]!);
    m.rseHi.push(m.grHi[r]!);
    m.rseNat.push(m.nat[r]!);
  }
  const keep = m.sof - n;
  for (let i = 0; i < keep; i++) {
    const s = frameSlotReg(m, n + i);
    m.grLo[32 + i] = m.grLo[s]!;
    m.grHi[32 + i] = m.grHi[s]!;
    m.nat[32 + i] = m.nat[s]!;
  }
  m.bsp = addRseSlots(m.bsp, n);
}

/**
 * br.ret / rfi: `preserved` registers of the restored frame come back below the `keep`
 * registers of the current frame that stay (moved up by `preserved`, physical order, from
 * r32); BSP moves down. The frame grows by `growth` (taken from invalid, then the oldest
 * clean registers). What the file no longer holds is loaded before the next instruction.
 * The caller sets CFM afterwards (and relays out the rotating registers).
 */
export function rseRestore(m: Machine, preserved: number, keep: number, growth: number): void {
  setRrb(m, 0, 0, 0); // physical order; the caller's setCfm names them again
  if (growth > 0) {
    const short = growth - invalidRegs(m);
    if (short > 0) dropOldest(m, Math.min(short, m.rseClean));
  }
  const oldBsp = m.bsp,
    newBsp = subRseSlots(oldBsp, preserved);
  for (let i = keep - 1; i >= 0; i--) {
    const s = frameSlotReg(m, i);
    m.grLo[32 + preserved + i] = m.grLo[s]!;
    m.grHi[32 + preserved + i] = m.grHi[s]!;
    m.nat[32 + preserved + i] = m.nat[s]!;
  }
  const have = m.rseLo.length,
    dirty = have - m.rseClean;
  const take = Math.min(preserved, have);
  for (let k = 0; k < take; k++) {
    const r = 32 + preserved - 1 - k;
    m.grLo[r] = m.rseLo.pop()!;
    m.grHi[r] = m.rseHi.pop()!;
    m.nat[r] = m.rseNat.pop()!;
  }
  if (preserved > have) {
    // Part of the frame is only in memory: BSPSTORE stays at the lowest register still held.
    const low = bspload(m);
    m.rseClean = 0;
    setBspstore(m, low);
  } else if (preserved > dirty) {
    m.rseClean = have - preserved;
    setBspstore(m, newBsp);
  }
  m.bsp = newBsp;
  if (preserved > have || have === 0) m.cfle = frameIncomplete(m) ? 1 : 0;
  // The loads run in the dispatcher's fetch (run.ts): stop a bundle or region run that would
  // otherwise go on to the next instruction without it (a region follows branches inside it).
  if (m.cfle !== 0) m.pendingTraps |= STOP_BUNDLE_RUN;
}

/**
 * The current frame load: stores below BSPSTORE down to BSP back into the frame (RNAT from
 * each collection slot met on the way down). Runs before the next instruction; false after
 * delivering an RSE fault (ISR.ir = 1) on it.
 */
export function rseLoadFrame(m: Machine): boolean {
  m.cfle = 0;
  for (let a = bspstore(m); rseAbove(a, m.bsp) > 0n; ) {
    a = BigInt.asUintN(64, a - 8n);
    if (!rseLoad(m, a, ISR_IR)) return false;
    if (isNatSlot(a)) m.setAr(AR_RNAT, toBig(WORD.lo, WORD.hi) & ~(1n << 63n));
    else {
      const r = frameSlotReg(m, rseRegsBetween(m.bsp, a));
      m.grLo[r] = WORD.lo;
      m.grHi[r] = WORD.hi;
      m.nat[r] = Number((m.ar(AR_RNAT) >> BigInt(rnatBit(a))) & 1n);
    }
    setBspstore(m, a);
  }
  return true;
}

/**
 * loadrs: the RSC.loadrs bytes below BSP become the dirty partition — loaded from memory
 * where the file does not hold them, everything below dropped. 'illegal' when the file
 * cannot hold them; false after an RSE fault.
 */
export function rseLoadrs(m: Machine, bytes: number): boolean | 'illegal' {
  const target = BigInt.asUintN(64, m.bsp - BigInt(bytes & ~7));
  const low = bspload(m);
  if (target === low || rseAbove(target, low) > 0n) {
    // The file already holds it: keep the top registers as dirty, drop the rest.
    const keep = rseRegsBetween(target, m.bsp);
    dropOldest(m, m.rseLo.length - keep);
    m.rseClean = 0;
    setBspstore(m, target);
    return true;
  }
  // Clean registers become dirty, then load downwards until BSPSTORE reaches the target.
  m.rseClean = 0;
  setBspstore(m, low);
  while (rseAbove(bspstore(m), target) > 0n) {
    const a = BigInt.asUintN(64, bspstore(m) - 8n);
    if (!isNatSlot(a) && m.rseLo.length + m.sof >= N_STACKED_PHYS) return 'illegal';
    if (!rseLoad(m, a, 0n)) return false;
    if (isNatSlot(a)) m.setAr(AR_RNAT, toBig(WORD.lo, WORD.hi) & ~(1n << 63n));
    else {
      m.rseLo.unshift(WORD.lo);
      m.rseHi.unshift(WORD.hi);
      m.rseNat.unshift(Number((m.ar(AR_RNAT) >> BigInt(rnatBit(a))) & 1n));
    }
    setBspstore(m, a);
  }
  return true;
}

/** mov ar.bspstore: the dirty registers are kept and stored from the new address up; clean ones become invalid. */
export function rseWriteBspstore(m: Machine, v: bigint): void {
  dropOldest(m, m.rseClean);
  const bs = v & ~7n;
  setBspstore(m, bs);
  m.bsp = addRseSlots(bs, m.rseLo.length);
}
