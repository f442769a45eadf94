// Translation lookaside buffer: 8 instruction and 8 data translation registers plus a
// translation cache per side, tagged by region id and virtual page number (SDM vol 2 §4.1).
// Modelled as far as the faults of architecture.md §5/§7 need; no VHPT walker.

export interface TlbEntry {
  /** Virtual page base (bits 60:0 only, aligned to the page size; region bits are not part of the tag). */
  vpn: bigint;
  rid: number;
  /** log2 page size. */
  ps: number;
  /** Physical page base (aligned). */
  ppn: bigint;
  p: boolean;
  ma: number;
  a: boolean;
  d: boolean;
  pl: number;
  ar: number;
  ed: boolean;
  key: number;
  /** The inserted PTE and ITIR, returned by reads and used for ITIR on faults. */
  pte: bigint;
  itir: bigint;
}

export const TR_COUNT = 8;
/** Translation cache capacity per side; the oldest entry is replaced (FIFO). */
export const TC_CAPACITY = 64;

const VA_MASK = (1n << 61n) - 1n;

export function makeEntry(ifa: bigint, itir: bigint, pte: bigint, rid: number): TlbEntry {
  const ps = Number((itir >> 2n) & 0x3fn);
  const pageMask = (1n << BigInt(ps)) - 1n;
  return {
    vpn: ifa & VA_MASK & ~pageMask,
    rid,
    ps,
    ppn: pte & 0x3_ffff_ffff_f000n & ~pageMask,
    p: (pte & 1n) !== 0n,
    ma: Number((pte >> 2n) & 7n),
    a: (pte & 0x20n) !== 0n,
    d: (pte & 0x40n) !== 0n,
    pl: Number((pte >> 7n) & 3n),
    ar: Number((pte >> 9n) & 7n),
    ed: (pte & (1n << 52n)) !== 0n,
    key: Number((itir >> 8n) & 0xffffffn),
    pte,
    itir,
  };
}

function overlaps(e: TlbEntry, rid: number, va: bigint, ps: number): boolean {
  if (e.rid !== rid) return false;
  const lo = va & VA_MASK & ~((1n << BigInt(ps)) - 1n),
    hi = lo + (1n << BigInt(ps));
  const elo = e.vpn,
    ehi = e.vpn + (1n << BigInt(e.ps));
  return lo < ehi && elo < hi;
}

export class TlbSide {
  readonly tr: (TlbEntry | null)[] = new Array<TlbEntry | null>(TR_COUNT).fill(null);
  tc: TlbEntry[] = [];

  lookup(rid: number, va: bigint): TlbEntry | null {
    const v = va & VA_MASK;
    for (const e of this.tr) if (e && e.rid === rid && (v & ~((1n << BigInt(e.ps)) - 1n)) === e.vpn) return e;
    for (const e of this.tc) if (e.rid === rid && (v & ~((1n << BigInt(e.ps)) - 1n)) === e.vpn) return e;
    return null;
  }

  insertTc(e: TlbEntry): void {
    this.tc = this.tc.filter((x) => !overlaps(x, e.rid, e.vpn, e.ps));
    this.tc.push(e);
    if (this.tc.length > TC_CAPACITY) this.tc.shift();
  }

  insertTr(slot: number, e: TlbEntry): void {
    this.tc = this.tc.filter((x) => !overlaps(x, e.rid, e.vpn, e.ps));
    this.tr[slot] = e;
  }

  purgeTc(rid: number, va: bigint, ps: number): void {
    this.tc = this.tc.filter((x) => !overlaps(x, rid, va, ps));
  }

  purgeTr(rid: number, va: bigint, ps: number): void {
    for (let i = 0; i < TR_COUNT; i++) if (this.tr[i] && overlaps(this.tr[i]!, rid, va, ps)) this.tr[i] = null;
    this.purgeTc(rid, va, ps);
  }
}

/**
 * Access rights of a page (SDM vol 2 Table 4-3 "Page Access Rights"): returns the rights
 * string ('r', 'w', 'x' letters) that privilege level `cpl` has on a page with fields ar/pl.
 * ar 0-3: R, RX, RW, RWX when cpl ≤ pl. ar 4-6 give two sets of rights, read along the
 * table's columns: R, RX, RWX at cpl = pl (pl ≠ 0); RW, RWX, RW at cpl < pl and at cpl 0 —
 * except ar 5, whose RWX is PL0's only (RX at every other cpl ≤ pl). ar 7: RX at cpl 0, X
 * (execute, promotable by epc) at other levels.
 */
export function pageRights(ar: number, pl: number, cpl: number): string {
  if (ar === 7) return cpl === 0 ? 'rx' : 'x';
  if (cpl > pl) return '';
  if (ar <= 3) return ['r', 'rx', 'rw', 'rwx'][ar]!;
  if (ar === 5) return cpl === 0 ? 'rwx' : 'rx';
  const samePl = cpl === pl && cpl !== 0;
  if (ar === 4) return samePl ? 'r' : 'rw';
  return samePl ? 'rwx' : 'rw';
}
