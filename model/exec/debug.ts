// The debug breakpoint registers (SDM vol 2 §7.1.1, "Data and Instruction Breakpoint
// Registers") and the two faults they raise on the Debug vector (0x5900): Instruction Debug
// (an instruction fetch matches an IBR pair) and Data Debug (a load, store, semaphore,
// mandatory RSE reference, lfetch.fault or probe.fault matches a DBR pair). Even registers
// hold the address, odd ones the mask and the enables:
//   DBR odd: mask 55:0, plm 59:56, ig 61:60, w 62, r 63;  IBR odd: mask 55:0, plm 59:56, ig 62:60, x 63.
// Address bits 63:56 are always compared; a mask bit of 1 compares its address bit.
// Both faults are suppressed while PSR.db = 0, and for one instruction by PSR.id / PSR.dd
// (restored by rfi; machine.ts clears them after the next instruction, rse.ts after one
// mandatory RSE reference). Machine keeps `instDebug` / `dataDebug` (PSR.db and an enabled
// pair), so that the hot paths pay one field test while PSR.db = 0.
import { PSR_BIT } from '../../arch/psr.js';
import { toBig } from './int64.js';
import { ISR_X, type Machine } from './machine.js';

/** Implemented DBRs and IBRs: 16 each, 8 pairs (as Ski; the SDM requires at least 4 pairs). */
export const DEBUG_REGS = 16;

/** Bits of an odd (mask) register that read back as 0: DBR ig 61:60, IBR ig 62:60 (as Ski). */
export const IGNORED_ODD = { dbr: 3n << 60n, ibr: 7n << 60n } as const;

const MASK_FIELD = (1n << 56n) - 1n;
/** Address bits 63:56 have no mask bits and are always compared. */
const ALWAYS_COMPARED = 0xffn << 56n;
const R_BIT = 1n << 63n,
  W_BIT = 1n << 62n,
  X_BIT = 1n << 63n;
const PSR_ID_HI = 1 << (PSR_BIT.id - 32),
  PSR_DD_HI = 1 << (PSR_BIT.dd - 32);

const plmAllows = (ctl: bigint, pl: number): boolean => ((ctl >> BigInt(56 + pl)) & 1n) === 1n;
const compareMask = (ctl: bigint): bigint => ALWAYS_COMPARED | (ctl & MASK_FIELD);

/** Some DBR pair has r or w set / some IBR pair has x set (machine.ts caches these). */
export const dbrEnabled = (dbr: readonly bigint[]): boolean =>
  dbr.some((ctl, i) => i % 2 === 1 && (ctl & (R_BIT | W_BIT)) !== 0n);
export const ibrEnabled = (ibr: readonly bigint[]): boolean =>
  ibr.some((ctl, i) => i % 2 === 1 && (ctl & X_BIT) !== 0n);

/**
 * Whether the bundle at `ip` matches an IBR pair at the current privilege level. IBR.addr{3:0}
 * is ignored (bundles are 16-byte aligned).
 */
export function ibrMatch(m: Machine, ip: bigint): boolean {
  for (let i = 0; i < DEBUG_REGS; i += 2) {
    const ctl = m.ibr[i + 1]!;
    if ((ctl & X_BIT) === 0n || !plmAllows(ctl, m.cpl)) continue;
    const mask = compareMask(ctl) & ~0xfn;
    if ((m.ibr[i]! & mask) === (ip & mask)) return true;
  }
  return false;
}

/**
 * Whether a data reference of `size` bytes at `va` matches a DBR pair at privilege level `pl`:
 * some byte of the access lies in the pair's region, and the pair enables the reference's kind
 * (r for a read, w for a write, either for a semaphore). For an aligned access this is the
 * comparison with the low log2(size) bits masked off, as Ski makes it.
 */
export function dbrMatch(m: Machine, va: bigint, size: number, read: boolean, write: boolean, pl: number): boolean {
  for (let i = 0; i < DEBUG_REGS; i += 2) {
    const ctl = m.dbr[i + 1]!;
    if (!((read && (ctl & R_BIT) !== 0n) || (write && (ctl & W_BIT) !== 0n)) || !plmAllows(ctl, pl)) continue;
    const mask = compareMask(ctl),
      want = m.dbr[i]! & mask;
    // Aligned: the access's bytes differ only in the low bits, any of which can equal the
    // breakpoint's. Unaligned (performed byte by byte): each byte.
    if ((va & BigInt(size - 1)) === 0n) {
      const low = BigInt(size - 1);
      if ((want & ~low) === (va & mask & ~low)) return true;
    } else for (let b = 0n; b < BigInt(size); b++) if ((BigInt.asUintN(64, va + b) & mask) === want) return true;
  }
  return false;
}

/**
 * The Data Debug check of one data reference (PSR.db = 1 and an enabled pair: m.dataDebug):
 * false when PSR.dd suppresses it or nothing matches; true after delivering the fault (IFA ←
 * the address, ISR ← `isr`, the reference's r/w/na bits).
 */
export function dataDebugFault(
  m: Machine,
  lo: number,
  hi: number,
  size: number,
  read: boolean,
  write: boolean,
  pl: number,
  isr: bigint,
): boolean {
  if ((m.psrHi & PSR_DD_HI) !== 0) return false;
  const va = toBig(lo, hi);
  if (!dbrMatch(m, va, size, read, write, pl)) return false;
  m.fault('data_debug', { ifa: va, isr });
  return true;
}

/**
 * The Instruction Debug check of the slot about to execute (m.instDebug): true after delivering
 * the fault (IFA ← the bundle address, ISR.x, ISR.ei ← the slot). Made for every instruction,
 * whatever its qualifying predicate, unless PSR.id is 1.
 */
export function instDebugFault(m: Machine): boolean {
  if ((m.psrHi & PSR_ID_HI) !== 0) return false;
  const ip = m.ip();
  if (!ibrMatch(m, ip)) return false;
  m.fault('inst_debug', { ifa: ip, isr: ISR_X });
  return true;
}
