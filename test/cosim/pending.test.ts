// The coverage's shortcut (sim/cosim/lockstep/pending.ts MAY_PEND): a class it skips has no own
// fault pending for any operands and mode, and the classes it keeps do raise some.
import { describe, expect, it } from 'vitest';
import { ICLASS_BY_CODE } from '../../sim/cosim/lockstep/classify.js';
import { allocColumns, INPUTS } from '../../sim/cosim/lockstep/columns.js';
import { MAY_PEND, ownPending } from '../../sim/cosim/lockstep/pending.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';

const N = 4000;
/** xorshift32: reproducible random words. */
function words(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** N events of class `cls` with random operands (every input port, masked to its width) and a random PSR each. */
function randomEvents(cls: number, seed: number) {
  const next = words(seed);
  const I = allocColumns(INPUTS, N);
  for (const p of INPUTS)
    for (let w = 0; w < N * p.words; w++) {
      const top = (w % p.words) + 1 === p.words ? p.width - 32 * (p.words - 1) : 32;
      I[p.name]![w] = top >= 32 ? next() : next() & ((1 << top) - 1);
    }
  I.ev_valid!.fill(1);
  I.iclass!.fill(cls);
  // Small values too: cr numbers, address bits and operands that hit the checks' exact cases.
  for (let i = 0; i < N; i += 2) {
    I.cr_num![i] = next() % 128;
    I.addr![2 * i + 1] = next() & 0x1fff;
    I.r2![2 * i] = next() & 0xff;
    I.r2![2 * i + 1] = 0;
  }
  const psr = Array.from({ length: N }, () => [next(), next()] as const);
  return { I, psr };
}

describe('MAY_PEND (the classes the coverage checks for own faults)', () => {
  for (const vmImplemented of [true, false]) {
    const g = { ...RANDOM_GEN, vmImplemented };
    it(`a skipped class never has an own fault pending (VT-i ${vmImplemented ? 'on' : 'off'})`, () => {
      const skipped = ICLASS_BY_CODE.flatMap((k, cls) => (k && MAY_PEND[cls] === 0 ? [cls] : []));
      expect(skipped.length).toBeGreaterThan(0);
      for (const cls of skipped) {
        const { I, psr } = randomEvents(cls, 0x9e3779b9 ^ cls);
        const pending = psr.filter(([lo, hi], i) => ownPending(I, i, lo, hi, g) !== 0).length;
        expect(pending, ICLASS_BY_CODE[cls]).toBe(0);
      }
    });
  }
  it('every kept class has an own fault pending for some operands and mode', () => {
    const kept = ICLASS_BY_CODE.flatMap((k, cls) => (k && MAY_PEND[cls] === 1 ? [cls] : []));
    const never = kept.filter((cls) => {
      const { I, psr } = randomEvents(cls, 0x85ebca6b ^ cls);
      return !psr.some(([lo, hi], i) => ownPending(I, i, lo, hi, RANDOM_GEN) !== 0);
    });
    expect(never.map((c) => ICLASS_BY_CODE[c])).toEqual([]);
  });
});
