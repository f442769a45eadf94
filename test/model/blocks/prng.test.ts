// The seeded source's bulk fill() and next() are one generator: same seed, same words, in any
// mix of calls (reproducible co-simulation runs depend on it).
import { describe, expect, it } from 'vitest';
import { seededSource } from '../../../model/blocks/prng.js';

describe('seededSource', () => {
  it('fill() continues exactly the sequence of next()', () => {
    const byNext = seededSource(42);
    const expected = Uint32Array.from({ length: 1000 }, () => byNext.next());
    const mixed = seededSource(42);
    const got = new Uint32Array(1000);
    mixed.fill(got.subarray(0, 300));
    for (let i = 300; i < 400; i++) got[i] = mixed.next();
    mixed.fill(got.subarray(400));
    expect(Array.from(got)).toEqual(Array.from(expected));
  });
});
