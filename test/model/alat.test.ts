// The ALAT's own rules (model/exec/alat.ts): set-associative by physical register, replacement
// of the way allocated first, overlap of stores with entries, disabled mode, physical numbers.
import { describe, expect, it } from 'vitest';
import { Alat, physGr } from '../../model/exec/alat.js';
import { frPhys } from '../../model/exec/rotate.js';

describe('ALAT', () => {
  it('keeps two entries per set and replaces the one allocated first', () => {
    const a = new Alat();
    a.allocate('gr', 4, 0x1000n, 8);
    a.allocate('gr', 20, 0x2000n, 8); // same set (20 & 15 = 4)
    a.allocate('fr', 4, 0x3000n, 8); // third in the set: r4's entry goes
    expect(a.check('gr', 4, false)).toBe(false);
    expect(a.check('gr', 20, false)).toBe(true);
    expect(a.check('fr', 4, false)).toBe(true);
    a.allocate('gr', 20, 0x4000n, 4); // re-allocation replaces the register's own entry
    expect(a.entries().filter((e) => e.phys === 20)).toEqual([{ file: 'gr', phys: 20, addr: 0x4000n, size: 4 }]);
  });

  it('removes exactly the entries a store overlaps', () => {
    const a = new Alat();
    a.allocate('gr', 1, 0x1000n, 8);
    a.allocate('gr', 2, 0x1008n, 4);
    a.stored(0xfff, 0, 1); // the byte before
    a.stored(0x100c, 0, 4); // right after r2's 4 bytes
    expect(a.entries().map((e) => e.phys)).toEqual([1, 2]);
    a.stored(0x1007, 0, 2); // last byte of r1 and first of r2
    expect(a.entries()).toEqual([]);
    expect(a.active).toBe(false);
    a.allocate('fr', 9, (0x7n << 32n) | 0x10n, 16);
    a.stored(0x10, 0, 8);
    expect(a.check('fr', 9, true)).toBe(true); // another 4 GiB page
    expect(a.check('fr', 9, false)).toBe(false); // cleared by the check
  });

  it('allocates nothing when disabled (Ski without -alat)', () => {
    const a = new Alat();
    a.enabled = false;
    a.allocate('gr', 5, 0n, 8);
    expect(a.check('gr', 5, false)).toBe(false);
  });

  it('numbers stacked GRs by their place in the register stack and FRs through rrb.fr', () => {
    expect(physGr(0n, 5)).toBe(5);
    expect(physGr(0n, 33)).toBe(33);
    // A callee whose frame starts 4 registers further up: its r32 is the caller's r36.
    expect(physGr(32n, 32)).toBe(physGr(0n, 36));
    // 63 registers per 64 doublewords: the NaT collection at 0x1f8 is skipped.
    expect(physGr(0x200n, 32)).toBe(physGr(0n, 32 + 63));
    expect(physGr(0n, 32 + 96)).toBe(32);
    expect(frPhys({ rrbFr: 5 }, 32)).toBe(37);
    expect(frPhys({ rrbFr: 5 }, 127)).toBe(36);
    expect(frPhys({ rrbFr: 5 }, 31)).toBe(31);
  });
});
