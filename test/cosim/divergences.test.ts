// The RTL ↔ emulator divergences the lockstep found (also in the final report), each as a
// one-item directed program that now must match with every field compared.
// D1 (PSR.ri after rfi) was fixed in the model, D2, D3, D4, D5, D6 and D7 in the RTL (D2 also
// needed the model to report ISR.na on every data fault of probe/tpa).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { ADDR, RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { createEngine, type Engine } from '../../sim/engine.js';
import type { Item } from '../../sim/cosim/random/items.js';
import { item, runItems } from './items.js';
import { mismatchText } from './helpers.js';

const bit = (n: number) => 1n << BigInt(n);

/** Divergences fixed in the RTL: the same one-item programs now match with every field compared. */
/** `vector`: the interruption the emulator must take at the item (so the case really exercises it). */
const FIXED: { id: string; what: string; it: Item; vector?: number }[] = [
  // D3 was: IPSR held the PSR before the instruction (i = 0); the RTL now delivers the trap after the effect.
  {
    id: 'D3',
    what: 'a trap on an instruction with an effect (ssm psr.i under PSR.ss): IPSR holds the PSR after the instruction (§4)',
    it: item('ssm 0x4000', 'M', { extra: bit(40) }),
    vector: 0x6000,
  },
  {
    id: 'D3',
    what: 'single step after mov to DCR: the interruption state takes be/pp from the new DCR',
    it: item('mov cr.dcr = r2', 'M', { extra: bit(40) }, { r2: 3n }),
    vector: 0x6000,
  },
  {
    id: 'D3',
    what: 'single step after rsm psr.ic: PSR.ic = 0 after it, so ISR.ni = 1 and IPSR/IIP are not written',
    it: item('rsm 0x2000', 'M', { extra: bit(40) }),
    vector: 0x6000,
  },
  {
    id: 'D3',
    what: 'single step after bsw.1: IPSR.bn = 1 (the bank after the instruction)',
    it: item('bsw.1', 'B', { extra: bit(40) }),
    vector: 0x6000,
  },
  {
    id: 'D3',
    what: 'lower-privilege transfer trap on br.ret to cpl 2: IPSR.cpl = 2',
    it: item('br.ret.sptk.many b6', 'B', { extra: bit(25) }, { b6: 'next', pfs: 2n << 62n }),
    vector: 0x5e00,
  },
  // D2 was: ISR.na/r of data faults of non-access instructions (the core had no access-kind input).
  {
    id: 'D2',
    what: 'tpa on an unmapped page: the data TLB fault reports ISR.na = 1, r = 1',
    it: item('tpa r8 = r3', 'M', {}, { r3: ADDR.unmapped }),
    vector: 0x1000,
  },
  {
    id: 'D2',
    what: 'fc on an unmapped page: ISR.na = 1, r = 1',
    it: item('fc r3', 'M', {}, { r3: ADDR.unmapped }),
    vector: 0x1000,
  },
  {
    id: 'D2',
    what: 'probe.r on an unimplemented address: Unimplemented Data Address with ISR.na = 1, r = 1',
    it: item('probe.r r8 = r3, r2', 'M', {}, { r2: 0n, r3: ADDR.unimplVa }),
    vector: 0x5400,
  },
  {
    id: 'D4',
    what: 'ptc.l with PSR.dt = 0: the address operand is checked as a virtual address',
    it: item('ptc.l r3, r2', 'M', { dt: 0 }, { r2: 12n << 2n, r3: ADDR.far }),
  },
  {
    id: 'D5',
    what: 'mov to cr.ipsr with the reserved IPSR.ri = 3 (before the rfi): Reserved Register/Field fault, as on Ski',
    it: item('rfi', 'B', { ic: 0 }, { rfi: { psr: bit(36) | bit(17) | bit(13), slot: 3 } }),
  },
  {
    id: 'D6',
    what: 'br.ret with PFS.ppl > cpl: cpl ← PFS.ppl',
    it: item('br.ret.sptk.many b6', 'B', {}, { b6: 'next', pfs: 2n << 62n }),
  },
  {
    id: 'D7',
    what: 'taken branch under PSR.tb to an unimplemented address: ISR.code = 0x14 (both trap bits)',
    it: item('br.cond.sptk.few b6', 'B', { extra: bit(26) }, { b6: ADDR.unimplVa }),
  },
];

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine('builtin', vtiDesign('vti_core', RANDOM_GEN));
});
afterAll(async () => {
  await engine.close();
});

describe.each(FIXED)('fixed $id: $what', (c) => {
  it(`${c.id}: lockstep matches (${c.it.asm})`, async () => {
    const r = await runItems([c.it], engine);
    expect(r.result.mismatch, mismatchText(r.result)).toBeUndefined();
    if (c.vector !== undefined) expect(r.events[0]!.map((e) => e.vector)).toContain(c.vector);
  });
});
