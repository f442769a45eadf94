// The Advanced Load Address Table (SDM vol 1 §4.4.5, vol 2 "ALAT"): what ld.a / ld.sa /
// ldf.a / ldf.sa / ldfp.a remember so that a later ld.c / ldf.c / chk.a can tell whether a
// store touched the loaded bytes since.
//
// Implementation choices (the SDM leaves size, organisation and replacement open):
// * 32 entries, 16 sets of 2 ways, the set chosen by the physical register number's low 4
//   bits — Ski's organisation with -alat, so that the Ski programs agree entry for entry.
// * An entry is tagged by register file (GR/FR) and physical register number (a stacked GR by
//   its place in the register stack, a rotating FR through CFM.rrb.fr), and holds the
//   physical address and size of the access.
// * A full set replaces the way allocated first (Ski picks a way at random; the programs
//   never fill a set).
// * Every store to physical memory (stores, spills, semaphores, stf, RSE stores: all go
//   through PhysMem.store) removes the entries whose bytes overlap it.
// * ptc.l / ptc.g / ptc.ga / ptr and writes to the region registers remove nothing: the
//   entries hold physical addresses, which a translation change does not move; the SDM
//   requires nothing of ptc.l/ptc.g/ptr and makes the local invalidation by ptc.ga optional
//   (software issues invala after remapping), and Ski removes nothing either.
// * Disabled (EmuOptions.alat = false) the table keeps nothing: every check misses, as Ski
//   without -alat.
import type { StoreWatch } from './memory.js';
import { N_STACKED_PHYS } from './rotate.js';

export const ALAT_SETS = 16,
  ALAT_WAYS = 2,
  ALAT_ENTRIES = ALAT_SETS * ALAT_WAYS;

/** The register file of an entry: a GR target (ld.a) or an FR target (ldf.a, ldfp.a). */
export type AlatFile = 'gr' | 'fr';

export interface AlatEntry {
  readonly file: AlatFile;
  readonly phys: number;
  readonly addr: bigint;
  readonly size: number;
}

export class Alat implements StoreWatch {
  /** Whether advanced loads allocate at all (Ski's -alat). */
  enabled = true;
  /** Whether any entry is valid: the memory's stores look at the table only then. */
  active = false;
  private readonly valid = new Uint8Array(ALAT_ENTRIES);
  private readonly fp = new Uint8Array(ALAT_ENTRIES);
  private readonly reg = new Uint8Array(ALAT_ENTRIES);
  private readonly size = new Uint8Array(ALAT_ENTRIES);
  private readonly addr: bigint[] = new Array<bigint>(ALAT_ENTRIES).fill(0n);
  /** Allocation order, for the replacement of a full set. */
  private readonly born = new Float64Array(ALAT_ENTRIES);
  private clock = 0;
  private count = 0;

  private find(file: AlatFile, phys: number): number {
    const base = (phys & (ALAT_SETS - 1)) * ALAT_WAYS,
      f = file === 'fr' ? 1 : 0;
    for (let i = base; i < base + ALAT_WAYS; i++)
      if (this.valid[i] && this.reg[i] === phys && this.fp[i] === f) return i;
    return -1;
  }

  private drop(i: number): void {
    this.valid[i] = 0;
    this.count--;
    this.active = this.count > 0;
  }

  /** An advanced load's allocation: replaces the register's entry, else a free or the oldest way. */
  allocate(file: AlatFile, phys: number, addr: bigint, size: number): void {
    if (!this.enabled) return;
    let i = this.find(file, phys);
    if (i < 0) {
      const base = (phys & (ALAT_SETS - 1)) * ALAT_WAYS;
      i = base;
      for (let w = base; w < base + ALAT_WAYS; w++) {
        if (!this.valid[w]) {
          i = w;
          break;
        }
        if (this.born[w]! < this.born[i]!) i = w;
      }
      if (!this.valid[i]) this.count++;
    }
    this.valid[i] = 1;
    this.fp[i] = file === 'fr' ? 1 : 0;
    this.reg[i] = phys;
    this.addr[i] = addr;
    this.size[i] = size;
    this.born[i] = this.clock++;
    this.active = true;
  }

  /** A check (ld.c, ldf.c, chk.a): whether the register has an entry; `clear` removes it. */
  check(file: AlatFile, phys: number, clear: boolean): boolean {
    const i = this.find(file, phys);
    if (i < 0) return false;
    if (clear) this.drop(i);
    return true;
  }

  /** invala.e, and an advanced load's removal of its target's old entry. */
  invalidateRegister(file: AlatFile, phys: number): void {
    const i = this.find(file, phys);
    if (i >= 0) this.drop(i);
  }

  /** invala. */
  invalidateAll(): void {
    this.valid.fill(0);
    this.count = 0;
    this.active = false;
  }

  /** A store of `size` bytes at physical address (lo, hi): removes every overlapping entry. */
  stored(lo: number, hi: number, size: number): void {
    const start = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0),
      end = start + BigInt(size);
    for (let i = 0; i < ALAT_ENTRIES; i++) {
      if (!this.valid[i]) continue;
      const a = this.addr[i]!;
      if (a < end && start < a + BigInt(this.size[i]!)) this.drop(i);
    }
  }

  /** The valid entries (tests, debugging). */
  entries(): AlatEntry[] {
    const out: AlatEntry[] = [];
    for (let i = 0; i < ALAT_ENTRIES; i++)
      if (this.valid[i])
        out.push({ file: this.fp[i] ? 'fr' : 'gr', phys: this.reg[i]!, addr: this.addr[i]!, size: this.size[i]! });
    return out;
  }
}

/**
 * The physical number of a GR: r0-r31 as themselves; a stacked register by its place in the
 * register stack, counted from the backing-store address of the current frame (ar.bsp,
 * NaT-collection slots left out) modulo the physical stacked registers (rse.ts N_STACKED_PHYS), so that a callee's r32 and
 * its caller's r32 are different registers. GR rotation (rrb.gr) is not part of the key.
 */
export function physGr(bsp: bigint, r: number): number {
  if (r < 32) return r;
  const slot = Number((bsp >> 3n) - (bsp >> 9n));
  return 32 + ((slot + r - 32) % N_STACKED_PHYS);
}
