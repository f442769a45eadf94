// Data-side address translation and its faults (architecture.md §5, §7): implemented-address
// check, TLB lookup (a miss goes to the VHPT walker, vhpt.ts, when it is enabled, else it is an
// Alternate Data TLB fault; with PSR.ic = 0 a Data Nested TLB fault), then page
// present, NaT page, protection keys, access rights, dirty and access bits, alignment — each
// check in the order of arch/priority.ts.
import { toBig } from './int64.js';
import { ISR_NA, ISR_R, ISR_W, pickFault, type Machine } from './machine.js';
import { pageRights, type TlbEntry } from './tlb.js';
import { region, thash, walk, walkerEnabled } from './vhpt.js';

export { region, thash } from './vhpt.js';
import { dataDebugFault } from './debug.js';

export const READ = 0,
  WRITE = 1,
  NONACCESS = 2,
  /** A semaphore (cmpxchg, xchg, fetchadd): read and write, always aligned. */
  READ_WRITE = 3;

/** Result of a successful translation (physical address halves, bit 63 dropped). */
export const PA = { lo: 0, hi: 0 };

interface CacheLine {
  paLo: number;
  paHi: number;
  okR: boolean;
  okW: boolean;
}
/** Per machine: the epoch and one map per translation context (cpl, vm: Machine.translationContext). */
const dcache = new WeakMap<Machine, { epoch: number; maps: Map<number, CacheLine>[] }>();

export function isrFor(kind: number, naIsr: bigint = ISR_NA | ISR_R): bigint {
  return kind === READ ? ISR_R : kind === WRITE ? ISR_W : kind === READ_WRITE ? ISR_R | ISR_W : naIsr;
}

/** The non-access instructions, by their ISR.code{3:0} (SDM vol 2, "Non-access Instructions and Interruptions"). */
export const NONACCESS_CODE = { tpa: 0, fc: 1, probe: 2, tak: 3, lfetch: 4, probe_fault: 5 } as const;

/**
 * ISR bits of a fault raised by a non-access instruction: na, code{3:0} and the r/w bits —
 * none for tpa and tak, r for fc and lfetch, and for probe those of the probed access ('r', 'w', 'rw').
 */
export function nonAccessIsr(insn: keyof typeof NONACCESS_CODE, probed = ''): bigint {
  const rw =
    insn === 'fc' || insn === 'lfetch'
      ? ISR_R
      : (probed.includes('r') ? ISR_R : 0n) | (probed.includes('w') ? ISR_W : 0n);
  return ISR_NA | rw | BigInt(NONACCESS_CODE[insn]);
}

/**
 * ITIR of a translation fault: the default translation information of the faulting address,
 * RR.ps and RR.rid as key (SDM vol 2, the vector descriptions), whether or not a TLB entry
 * matched.
 */
export function defaultItir(m: Machine, va: bigint): bigint {
  return m.rr[Number(va >> 61n)]! & 0xfffffffcn;
}

/**
 * A data TLB miss: the VHPT walker when it is enabled (vhpt.ts), else the Alternate Data TLB
 * fault. Returns the entry the walker inserted, or null after delivering the fault: VHPT Data
 * (its ITIR the default of the VHPT address), Data TLB when the walk failed (both with IHA);
 * each a Data Nested TLB fault with PSR.ic = 0 (Machine.fault).
 */
function missFault(m: Machine, va: bigint, kind: number, naIsr: bigint, isrExtra: bigint): TlbEntry | null {
  const isr = isrFor(kind, naIsr) | isrExtra;
  if (!walkerEnabled(m, va, 'data')) {
    m.fault('alt_data_tlb', { ifa: va, itir: defaultItir(m, va), isr });
    return null;
  }
  const w = walk(m, va, 'data');
  if (typeof w !== 'string') return w;
  const iha = thash(m, va);
  const itir = w === 'vhpt' ? defaultItir(m, iha) : defaultItir(m, va);
  m.fault(w === 'vhpt' ? 'vhpt_data' : 'data_tlb', { ifa: va, itir, iha, isr });
  return null;
}

/** Protection-key check: the fault name, or null when access is allowed. */
export function keyFault(m: Machine, e: TlbEntry, need: string, miss: string, perm: string): string | null {
  if (!m.psrBit('pk')) return null;
  for (const k of m.pkr) {
    if (k & 1n && Number((k >> 8n) & 0xffffffn) === e.key) {
      if ((need.includes('r') && k & 4n) || (need.includes('w') && k & 2n) || (need.includes('x') && k & 8n))
        return perm;
      return null;
    }
  }
  return miss;
}

/**
 * Translates a data reference of `size` bytes at (lo, hi). On success returns true with the
 * physical address in PA; on a fault dispatches it and returns false. `forceVirtual`
 * translates through the TLB whatever PSR.dt (tpa).
 */
export function xlateData(
  m: Machine,
  lo: number,
  hi: number,
  size: number,
  kind: number,
  forceVirtual = false,
  naIsr: bigint = ISR_NA | ISR_R,
  isrExtra = 0n,
): boolean {
  if (!m.dt && !forceVirtual) {
    if (!m.paImplemented(hi)) {
      m.fault('unimpl_data_addr', { ifa: toBig(lo, hi), isr: isrFor(kind, naIsr) | isrExtra });
      return false;
    }
    PA.lo = lo;
    PA.hi = hi & 0x7fffffff;
  } else {
    if (!m.vaImplemented(hi)) {
      m.fault('unimpl_data_addr', { ifa: toBig(lo, hi), isr: isrFor(kind, naIsr) | isrExtra });
      return false;
    }
    let c = dcache.get(m);
    if (!c || c.epoch !== m.xlateEpoch) {
      c = { epoch: m.xlateEpoch, maps: [] };
      dcache.set(m, c);
    }
    const ctx = m.translationContext();
    const map = (c.maps[ctx] ??= new Map());
    const vkey = hi * 0x100000 + (lo >>> 12);
    const line = map.get(vkey);
    if (
      line &&
      (kind === READ ? line.okR : kind === WRITE ? line.okW : kind === READ_WRITE ? line.okR && line.okW : true)
    ) {
      PA.lo = (line.paLo | (lo & 0xfff)) >>> 0;
      PA.hi = line.paHi;
    } else {
      const va = toBig(lo, hi);
      const pa = slowXlate(m, va, kind, naIsr, isrExtra);
      if (pa === null) return false;
      PA.lo = Number(pa & 0xffffffffn);
      PA.hi = Number((pa >> 32n) & 0x7fffffffn);
      const l = line ?? { paLo: (PA.lo & ~0xfff) >>> 0, paHi: PA.hi, okR: false, okW: false };
      if (kind === READ || kind === READ_WRITE) l.okR = true;
      if (kind === WRITE || kind === READ_WRITE) l.okW = true;
      map.set(vkey, l);
    }
  }
  // Data Debug (exec/debug.ts) ranks below the translation faults and above Unaligned Data
  // Reference; a non-access reference checks it itself (lfetch.fault, probe.fault).
  if (
    m.dataDebug &&
    kind !== NONACCESS &&
    dataDebugFault(m, lo, hi, size, kind !== WRITE, kind !== READ, m.cpl, isrFor(kind, naIsr) | isrExtra)
  )
    return false;
  // Semaphores fault on a misaligned address whatever PSR.ac.
  if ((m.ac || kind === READ_WRITE) && (lo & (size - 1)) !== 0 && kind !== NONACCESS) {
    m.fault('unaligned_data', { ifa: toBig(lo, hi), isr: isrFor(kind, naIsr) | isrExtra });
    return false;
  }
  return true;
}

function slowXlate(m: Machine, va: bigint, kind: number, naIsr: bigint, isrExtra = 0n): bigint | null {
  const { rid } = region(m, va);
  const e = m.dtlb.lookup(rid, va) ?? missFault(m, va, kind, naIsr, isrExtra);
  if (!e) return null;
  const info = { ifa: va, itir: defaultItir(m, va), iha: thash(m, va), isr: isrFor(kind, naIsr) | isrExtra };
  if (kind !== NONACCESS) {
    const need = kind === READ ? 'r' : kind === WRITE ? 'w' : 'rw';
    const rights = pageRights(e.ar, e.pl, m.cpl);
    const f = pickFault(
      !e.p && 'data_page_not_present',
      e.p && e.ma === 7 && 'data_nat_page',
      e.p && keyFault(m, e, need, 'data_key_miss', 'data_key_perm'),
      ![...need].every((c) => rights.includes(c)) && 'data_access_rights',
      kind !== READ && !e.d && !m.psrBit('da') && 'data_dirty_bit',
      !e.a && !m.psrBit('da') && 'data_access_bit',
    );
    if (f) {
      m.fault(f, info);
      return null;
    }
  } else if (!e.p) {
    m.fault('data_page_not_present', info);
    return null;
  }
  return e.ppn | (va & ((1n << BigInt(e.ps)) - 1n));
}
