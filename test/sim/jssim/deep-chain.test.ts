// Issue 18: the built-in simulator on a 65536-arm when/elsewhen chain. The IR holds it as
// 65536 `if`s, each nested in the `else` of the one before; jssim must neither recurse along
// that chain (schedule, code generation) nor generate JavaScript nested that deep (the parser
// recurses on it): a long chain is generated as flat ifs in one labelled block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whenChainEncoder } from '../../../bench/gen/styles.js';
import { elaborate, setLocationCapture } from '../../../hdl/dsl/index.js';
import { createSimulator } from '../../../sim/jssim/sim.js';

const ARMS = 65536;

describe(`jssim on a ${ARMS}-arm when-chain (priority encoder: the lowest set bit wins)`, () => {
  beforeAll(() => setLocationCapture(false));
  afterAll(() => setLocationCapture(true));
  it('compiles with bounded nesting and gives the lowest set bit', { timeout: 600_000 }, () => {
    const sim = createSimulator(elaborate(whenChainEncoder(ARMS)).design);
    const deepest = sim.compiled.source.split('\n').reduce((d, l) => Math.max(d, l.length - l.trimStart().length), 0);
    expect(deepest).toBeLessThanOrEqual(16);
    const cases: [bigint, bigint, bigint][] = [
      // pending, index, valid
      [0n, 0n, 0n],
      [1n, 0n, 1n],
      [1n << 1n, 1n, 1n],
      [1n << 40000n, 40000n, 1n],
      [1n << BigInt(ARMS - 1), BigInt(ARMS - 1), 1n],
      [(1n << BigInt(ARMS - 1)) | (1n << 12345n) | (1n << 54321n), 12345n, 1n],
    ];
    for (const [pending, index, valid] of cases) {
      sim.poke('pending', pending);
      expect([sim.peek('index'), sim.peek('valid')]).toEqual([index, valid]);
    }
  });
});
