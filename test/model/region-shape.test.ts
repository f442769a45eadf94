// The control structure of a region (model/exec/region-shape.ts): back-edges make loops that
// nest, forward branches inside a loop are blocks, branches into a loop's middle from outside
// leave the region, and only top-level bundles and loop headers are entries.
import { describe, expect, it } from 'vitest';
import { regionShape } from '../../model/exec/region-shape.js';

describe('region shape', () => {
  it('makes one loop per back-edge target, the inner one owned by the outer one', () => {
    // 0: head of the outer loop, 1-2: inner loop (2 → 1), 3 → 0, 4: after both.
    const s = regionShape(5, [
      [2, 1],
      [3, 0],
    ]);
    expect(s.loops).toEqual([
      { head: 0, end: 3 },
      { head: 1, end: 2 },
    ]);
    expect(s.owner).toEqual([-1, 0, 1, 0, -1]);
    expect(s.entries).toEqual([0, 4]);
    expect(s.edge(2, 1)).toBe('continue');
    expect(s.edge(3, 0)).toBe('continue');
  });

  it('widens loops that overlap without nesting', () => {
    // Loops [0, 2] and [1, 3] overlap: the first becomes [0, 3] and holds the second.
    const s = regionShape(5, [
      [2, 0],
      [3, 1],
    ]);
    expect(s.loops).toEqual([
      { head: 0, end: 3 },
      { head: 1, end: 3 },
    ]);
    expect(s.owner).toEqual([-1, 0, 1, 1, -1]);
    expect(s.entries).toEqual([0, 4]);
  });

  it('writes a forward branch inside a loop as a block and one into a loop from outside as an exit', () => {
    // Loop [1, 4] with an if/else (2 → 4); 0 → 3 enters the loop's middle; 4 → 5 is top level.
    const s = regionShape(6, [
      [4, 1],
      [2, 4],
      [0, 3],
      [4, 5],
    ]);
    expect(s.edge(2, 4)).toBe('block');
    expect(s.blocks[0]).toEqual([4]);
    expect(s.edge(0, 3)).toBe('exit');
    expect(s.edge(4, 5)).toBe('dispatch');
    expect(s.entries).toEqual([0, 1, 5]);
  });

  it('has every bundle as an entry when there is no loop', () => {
    const s = regionShape(3, [[0, 2]]);
    expect(s.loops).toEqual([]);
    expect(s.entries).toEqual([0, 1, 2]);
    expect(s.edge(0, 2)).toBe('dispatch');
  });
});
