import { describe, expect, it } from 'vitest';
import { firstMismatch } from '../../../model/blocks/compare.js';
import { port } from '../../../model/blocks/columns.js';

describe('firstMismatch', () => {
  const P = [port('a', 1), port('b', 40)];
  const cols = () => ({ a: new Uint32Array([1, 0, 1]), b: new Uint32Array([1, 2, 3, 4, 5, 6]) });
  it('null when equal, ignoring bits above the width', () => {
    const x = cols(), y = cols();
    y.a[1] = 0xfffffffe; y.b[3] = 4 | 0xffffff00;
    expect(firstMismatch(P, x, y, 3)).toBeNull();
  });
  it('reports the earliest vector over all ports, with both values', () => {
    const x = cols(), y = cols();
    y.a[2] = 0; y.b[3] = 5; // vector 1 of b differs before vector 2 of a
    expect(firstMismatch(P, x, y, 3)).toEqual({ index: 1, port: 'b', expected: 0x4_0000_0003n, actual: 0x5_0000_0003n });
    expect(firstMismatch(P, x, y, 1)).toBeNull();
  });
  it('names a missing column', () => {
    expect(() => firstMismatch(P, cols(), { a: new Uint32Array(3) }, 3)).toThrow(new Error("firstMismatch: actual column 'b' is missing"));
  });
});
