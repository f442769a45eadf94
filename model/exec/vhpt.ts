// The VHPT walker (SDM vol 2 §4.1.5-4.1.8): on a TLB miss it reads the entry thash points at,
// through the data TLB, and inserts it into the translation cache. Also region-register fields,
// thash and ttag, which the walker and the instructions share.
//
// Project decisions where the SDM leaves the implementation free (all as HP's Ski, the
// oracle of tools/ski; programs vhpt-*):
// * The walker is enabled for a reference when PTA.ve = 1, RR[va{63:61}].ve = 1 and PSR.dt = 1
//   (its own references are virtual data references); for an instruction fetch PSR.ic must
//   be 1 as well (Figure 4-16 has no nested path for instruction misses). An RSE reference is
//   translated only with PSR.rt = 1, and walks under the same PSR.dt rule.
// * The entry's own translation is looked up in the data TLB only (no second walk): a miss is
//   the VHPT Translation fault. A translation that is not present, a NaTPage, a key miss or a
//   read-disabled key (PSR.pk = 1), an access bit of 0 (whatever PSR.da) or a memory attribute
//   other than WB aborts the walk ("the VHPT walker can abort a search at any time"), as does
//   a VHPT address outside the implemented addresses: then an Instruction/Data TLB fault.
//   The walker reads at privilege level 0, where every access-rights value allows reading.
// * The entry is read in the byte order of DCR.be.
// * Long format: thash mixes the region id into the page number (hpn ^ rid) and takes the
//   region bits of the VHPT address from PTA{63:61}; ttag is (page number ^ rid << 39)
//   (both implementation specific, SDM vol 3 thash/ttag).
// * An entry with p = 0 and no reserved field is inserted (the SDM: "installed into the TLB
//   even if its VHPT entry is marked as not present"); the fault is then Page Not Present.
import { CR } from '../../arch/cr.js';
import type { Machine } from './machine.js';
import { makeEntry, type TlbEntry } from './tlb.js';

/** Region register fields for virtual address `va`. */
export function region(m: Machine, va: bigint): { rr: bigint; rid: number; ps: number; ve: boolean } {
  const rr = m.rr[Number(va >> 61n)]!;
  return { rr, rid: Number((rr >> 8n) & 0xffffffn), ps: Number((rr >> 2n) & 0x3fn), ve: (rr & 1n) !== 0n };
}

/** The PTA fields (SDM vol 2, PTA): ve 0, size 7:2, vf 8, base 63:15. */
function pta(m: Machine): { ve: boolean; size: number; vf: boolean; raw: bigint } {
  const raw = m.cr[CR.PTA]!;
  return { ve: (raw & 1n) !== 0n, size: Number((raw >> 2n) & 0x3fn), vf: (raw & 0x100n) !== 0n, raw };
}

const VA_BITS = (1n << 61n) - 1n;

/** The virtual page number of `va` in its region's preferred page size (implemented bits only). */
function pageNumber(m: Machine, va: bigint, ps: number): bigint {
  return (va & ((1n << BigInt(m.vaMsb() + 1)) - 1n)) >> BigInt(ps);
}

/**
 * The VHPT entry address of `va` (thash; IHA on the VHPT Translation and TLB faults). Short
 * format: 8-byte entries indexed by the page number, in va's region. Long format: 32-byte
 * entries indexed by page number ^ region id, in PTA's region.
 */
export function thash(m: Machine, va: bigint): bigint {
  const { ps, rid } = region(m, va);
  const p = pta(m);
  const mask = (1n << BigInt(p.size)) - 1n;
  const hpn = pageNumber(m, va, ps);
  const offset = (p.vf ? (hpn ^ BigInt(rid)) << 5n : hpn << 3n) & VA_BITS;
  const base = p.raw & VA_BITS & ~0x7fffn & ~mask;
  const vrn = p.vf ? p.raw >> 61n : va >> 61n;
  return (vrn << 61n) | base | (offset & mask);
}

/** The long-format tag of `va` (ttag): page number ^ region id ≪ 39; bit 63 (ti) is 0. */
export function ttag(m: Machine, va: bigint): bigint {
  const { ps, rid } = region(m, va);
  return pageNumber(m, va, ps) ^ (BigInt(rid) << 39n);
}

/** Whether a miss of `va` goes to the walker (the rules at the top of this file). */
export function walkerEnabled(m: Machine, va: bigint, side: 'inst' | 'data'): boolean {
  if ((m.cr[CR.PTA]! & 1n) === 0n || (m.rr[Number(va >> 61n)]! & 1n) === 0n || !m.dt) return false;
  return side === 'data' || m.ic === 1;
}

/**
 * The outcome of a walk: the entry inserted into the TC, 'vhpt' (the entry's own
 * translation missed: VHPT Translation fault, `vhptItir` the default ITIR of the VHPT
 * address), or 'miss' (aborted, tag mismatch or reserved fields: Instruction/Data TLB fault).
 */
export type WalkResult = TlbEntry | 'vhpt' | 'miss';

/** Memory attribute WB, the only one the walker reads (TLB ma = 0). */
const MA_WB = 0;

const bits = (hi: number, lo: number) => ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo);

/** Reserved fields of a VHPT entry (PTE, ITIR) that make the walker fail (SDM vol 2, VHPT formats). */
function reservedEntry(m: Machine, pte: bigint, itir: bigint): boolean {
  const ps = Number((itir >> 2n) & 0x3fn);
  if ((itir & 3n) !== 0n || ps < 12 || ps > 28) return true;
  if ((pte & 1n) === 0n) return false;
  const ma = Number((pte >> 2n) & 7n);
  const ppnTooWide = (pte & bits(49, 12)) >> BigInt(m.cfg.implPaMsb + 1) !== 0n;
  return (pte & (2n | bits(51, 50))) !== 0n || (itir & bits(63, 32)) !== 0n || (ma >= 1 && ma <= 3) || ppnTooWide;
}

/** The data-TLB translation of the walker's own reference, or 'vhpt' / 'miss' (abort). */
function vhptReference(m: Machine, addr: bigint): bigint | 'vhpt' | 'miss' {
  if (!m.vaImplemented(Number(addr >> 32n))) return 'miss';
  const e = m.dtlb.lookup(region(m, addr).rid, addr);
  if (!e) return 'vhpt';
  if (!e.p || e.ma !== MA_WB || !e.a || keyDenied(m, e.key)) return 'miss';
  return e.ppn | (addr & ((1n << BigInt(e.ps)) - 1n));
}

/** With PSR.pk = 1: no protection key register holds `key`, or the one that does disables reads. */
function keyDenied(m: Machine, key: number): boolean {
  if (!m.psrBit('pk')) return false;
  for (const k of m.pkr) if (k & 1n && Number((k >> 8n) & 0xffffffn) === key) return (k & 4n) !== 0n;
  return true;
}

const word = { lo: 0, hi: 0 };

/** Reads the 8-byte word at physical address `pa` in the byte order of DCR.be. */
function readWord(m: Machine, pa: bigint): bigint {
  m.mem.load(Number(pa & 0xffffffffn), Number((pa >> 32n) & 0x7fffffffn), 8, word);
  const v = (BigInt(word.hi >>> 0) << 32n) | BigInt(word.lo >>> 0);
  if ((m.cr[CR.DCR]! & 2n) === 0n) return v;
  let r = 0n;
  for (let i = 0n; i < 64n; i += 8n) r = (r << 8n) | ((v >> i) & 0xffn);
  return r;
}

/**
 * Walks the VHPT for `va` (call only when walkerEnabled). On success the entry is in the
 * instruction or data TC (a translation change: xlateEpoch moves, so cached translations and
 * compiled regions re-check).
 */
export function walk(m: Machine, va: bigint, side: 'inst' | 'data'): WalkResult {
  const addr = thash(m, va);
  const pa = vhptReference(m, addr);
  if (typeof pa === 'string') return pa;
  const { rr, rid } = region(m, va);
  const longFormat = pta(m).vf;
  const pte = readWord(m, pa);
  const itir = longFormat ? readWord(m, pa + 8n) : rr & 0xfffffffcn;
  if (longFormat && readWord(m, pa + 16n) !== ttag(m, va)) return 'miss';
  if (reservedEntry(m, pte, itir)) return 'miss';
  const e = makeEntry(va, itir, pte, rid);
  (side === 'inst' ? m.itlb : m.dtlb).insertTc(e);
  m.xlateEpoch++;
  return e;
}

/** The data TLB entry of `va`, walking the VHPT when enabled, without any fault (tak, speculation). */
export function lookupOrWalk(m: Machine, va: bigint): TlbEntry | null {
  const e = m.dtlb.lookup(region(m, va).rid, va);
  if (e || !m.vaImplemented(Number(va >> 32n)) || !walkerEnabled(m, va, 'data')) return e;
  const w = walk(m, va, 'data');
  return typeof w === 'string' ? null : w;
}
