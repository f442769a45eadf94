// The register stack engine's arithmetic and partitions (model/exec/rse.ts), with expected
// values worked out from SDM vol 2 ch. 6: a backing-store doubleword whose address bits 8:3
// are all ones holds a NaT collection, so 63 registers fill every 512-byte block; a register's
// NaT bit goes to RNAT bit {8:3} of its address.
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../model/emulator.js';
import type { Machine } from '../../model/exec/machine.js';
import {
  N_STACKED_PHYS,
  addRseSlots,
  bspstore,
  dirtyRegs,
  invalidRegs,
  isNatSlot,
  missingRegs,
  rnatBit,
  rseFlush,
  rseGrow,
  rseLoadFrame,
  rseLoadrs,
  rsePreserve,
  rseRegsBetween,
  rseRestore,
  rseWriteBspstore,
  subRseSlots,
} from '../../model/exec/rse.js';

const AR_RNAT = 19;
const BASE = 0x600000n; // 512-byte aligned

/** A machine with the RSE at BASE and a frame of `sof` registers r32+i = 0x100 + i. */
function machine(sof: number): Machine {
  const m = new Emulator({}).machine;
  rseWriteBspstore(m, BASE);
  m.sof = sof;
  for (let i = 0; i < sof; i++) m.setGr(32 + i, BigInt(0x100 + i));
  return m;
}
const load8 = (m: Machine, a: bigint) => {
  const w = { lo: 0, hi: 0 };
  m.mem.load(Number(a & 0xffffffffn), Number(a >> 32n), 8, w);
  return (BigInt(w.hi) << 32n) | BigInt(w.lo);
};

describe('backing-store addressing', () => {
  it('NaT-collection slots are the doublewords with address bits 8:3 all ones', () => {
    expect(isNatSlot(0x1f8n)).toBe(true);
    expect(isNatSlot(0x6003f8n)).toBe(true);
    expect(isNatSlot(0x1f0n)).toBe(false);
    expect(isNatSlot(0x200n)).toBe(false);
  });

  it('63 registers fill a 512-byte block; the next one is stored after the collection', () => {
    expect(addRseSlots(0n, 63)).toBe(0x200n);
    expect(addRseSlots(0x1f0n, 1)).toBe(0x200n);
    expect(addRseSlots(0x1f0n, 2)).toBe(0x208n);
    expect(subRseSlots(0x200n, 1)).toBe(0x1f0n);
    expect(subRseSlots(0x208n, 64)).toBe(0n);
    expect(rseRegsBetween(0n, 0x200n)).toBe(63);
    expect(rseRegsBetween(0x1f0n, 0x208n)).toBe(2);
    expect(rseRegsBetween(0x208n, 0x1f0n)).toBe(0);
  });

  it('a register stored at address a has its NaT bit at RNAT{a{8:3}}', () => {
    expect(rnatBit(0x600000n)).toBe(0);
    expect(rnatBit(0x6001f0n)).toBe(62);
    expect(rnatBit(0x600208n)).toBe(1);
  });
});

describe('address wrap', () => {
  it('BSP arithmetic wraps at 2^64; an address is above another only by a backing-store distance', () => {
    expect(subRseSlots(0n, 1)).toBe(0xfffffffffffffff0n); // ...ff8 is a NaT-collection slot
    expect(addRseSlots(0xfffffffffffffff0n, 1)).toBe(0n);
    expect(rseRegsBetween(0xfffffffffffffff0n, 8n)).toBe(2);
    expect(rseRegsBetween(8n, 0xfffffffffffffff0n)).toBe(0);
  });
});

describe('partitions', () => {
  it('br.call makes the locals dirty and moves BSP; nothing is stored', () => {
    const m = machine(10);
    rsePreserve(m, 8);
    m.sof = 2; // br.call: the frame keeps the 2 outputs
    expect(m.bsp).toBe(BASE + 64n);
    expect(bspstore(m)).toBe(BASE);
    expect(dirtyRegs(m)).toBe(8);
    expect(invalidRegs(m)).toBe(N_STACKED_PHYS - 2 - 8);
    expect(m.gr(32)).toBe(0x108n); // outputs renumbered from r32
  });

  it('alloc beyond the invalid registers stores the oldest dirty ones (RNAT gets their NaT bits)', () => {
    const m = machine(8);
    m.nat[33] = 1;
    rsePreserve(m, 8); // sof 0, 8 dirty, 88 invalid
    m.sof = 0;
    expect(rseGrow(m, 90)).toBe(true); // 2 short: the two oldest are stored
    expect(bspstore(m)).toBe(BASE + 16n);
    expect(load8(m, BASE)).toBe(0x100n);
    expect(load8(m, BASE + 8n)).toBe(0x101n);
    expect(m.ar(AR_RNAT) & 3n).toBe(2n);
    expect(dirtyRegs(m)).toBe(6);
  });

  it('flushrs stores the collection at the slot it reaches', () => {
    const m = machine(0);
    rseWriteBspstore(m, BASE + 0x1f0n);
    m.sof = 2;
    m.setGr(32, 0xaan);
    m.setGr(33, 0xbbn, true);
    rsePreserve(m, 2);
    expect(m.bsp).toBe(BASE + 0x208n);
    m.setAr(AR_RNAT, 0n);
    expect(rseFlush(m)).toBe(true);
    expect(bspstore(m)).toBe(BASE + 0x208n);
    expect(load8(m, BASE + 0x1f0n)).toBe(0xaan);
    expect(load8(m, BASE + 0x1f8n)).toBe(0n); // the collection: r32's bit 62 clear
    expect(load8(m, BASE + 0x200n)).toBe(0xbbn);
    expect(m.ar(AR_RNAT)).toBe(1n); // r33's bit 0 of the next collection
  });

  it('a return to a frame no longer held leaves the loads pending, then loads it from memory', () => {
    const m = machine(4);
    rsePreserve(m, 4);
    m.sof = 0;
    expect(rseFlush(m)).toBe(true);
    // Memory changed after the store: the restored frame reads what memory holds now.
    m.mem.store(Number(BASE + 8n), 0, 8, 0x777, 0);
    rseRestore(m, 4, 0, 4);
    m.sof = 4;
    expect(m.cfle).toBe(1);
    expect(missingRegs(m)).toBe(4);
    expect(bspstore(m)).toBe(BASE + 32n);
    expect(rseLoadFrame(m)).toBe(true);
    expect(m.cfle).toBe(0);
    expect(bspstore(m)).toBe(BASE);
    expect([m.gr(32), m.gr(33), m.gr(34), m.gr(35)]).toEqual([0x100n, 0x777n, 0x102n, 0x103n]);
  });

  it('loadrs with RSC.loadrs = 0 drops every dirty register; a non-zero one loads them back as dirty', () => {
    const m = machine(3);
    rsePreserve(m, 3);
    m.sof = 0;
    expect(rseFlush(m)).toBe(true);
    expect(rseLoadrs(m, 0)).toBe(true);
    expect(dirtyRegs(m)).toBe(0);
    expect(bspstore(m)).toBe(m.bsp);
    expect(rseLoadrs(m, 16)).toBe(true);
    expect(dirtyRegs(m)).toBe(2);
    expect(bspstore(m)).toBe(BASE + 8n);
    expect(m.rseLo).toEqual([0x101, 0x102]);
  });
});
