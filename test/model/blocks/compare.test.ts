import { describe, expect, it } from 'vitest';
import { countMismatches, firstMismatch, mismatchesAt } from '../../../model/blocks/compare.js';
import { port } from '../../../model/blocks/columns.js';

describe('firstMismatch', () => {
  const P = [port('a', 1), port('b', 40)];
  const cols = () => ({ a: new Uint32Array([1, 0, 1]), b: new Uint32Array([1, 2, 3, 4, 5, 6]) });
  it('null when equal, ignoring bits above the width', () => {
    const x = cols(),
      y = cols();
    y.a[1] = 0xfffffffe;
    y.b[3] = 4 | 0xffffff00;
    expect(firstMismatch(P, x, y, 3)).toBeNull();
  });
  it('reports the earliest vector over all ports, with both values', () => {
    const x = cols(),
      y = cols();
    y.a[2] = 0;
    y.b[3] = 5; // vector 1 of b differs before vector 2 of a
    expect(firstMismatch(P, x, y, 3)).toEqual({
      index: 1,
      port: 'b',
      expected: 0x4_0000_0003n,
      actual: 0x5_0000_0003n,
    });
    expect(firstMismatch(P, x, y, 1)).toBeNull();
  });
  it('names a missing column', () => {
    expect(() => firstMismatch(P, cols(), { a: new Uint32Array(3) }, 3)).toThrow(
      new Error("firstMismatch: actual column 'b' is missing"),
    );
  });
  it('counts the differing vectors and lists every differing port of one vector', () => {
    const x = cols(),
      y = cols();
    y.a[0] = 0;
    y.b[1] = 9; // vector 0: a and b; vector 2: b
    y.b[4] = 7;
    expect(countMismatches(P, x, y, 3)).toBe(2);
    expect(mismatchesAt(P, x, y, 0)).toEqual([
      { index: 0, port: 'a', expected: 1n, actual: 0n },
      { index: 0, port: 'b', expected: 0x2_0000_0001n, actual: 0x9_0000_0001n },
    ]);
    expect(mismatchesAt(P, x, y, 1)).toEqual([]);
    expect(mismatchesAt(P, x, y, 2, { offset: 100 })).toEqual([
      { index: 102, port: 'b', expected: 0x6_0000_0005n, actual: 0x6_0000_0007n },
    ]);
  });
  it('leaves out masked bits and ports whose flag column is 0 on a vector', () => {
    const x = cols(),
      y = cols();
    y.b[1] ^= 0x80; // vector 0, bit 39 of b
    y.a[1] = 1; // vector 1 of a
    const masks = new Map([['b', Uint32Array.of(0xffffffff, 0x7f)]]);
    expect(firstMismatch(P, x, y, 3, { masks })).toEqual({ index: 1, port: 'a', expected: 0n, actual: 1n });
    expect(firstMismatch(P, x, y, 3, { masks, when: { a: Uint32Array.of(1, 0, 1) } })).toBeNull();
    expect(firstMismatch(P, x, y, 3, { when: { a: Uint32Array.of(1, 0, 1) } })).toEqual({
      index: 0,
      port: 'b',
      expected: 0x2_0000_0001n,
      actual: 0x82_0000_0001n,
    });
  });
});
