// checkBatch: the addon compares every output word with the expected columns. The fast path
// (every input given) of a combinational batch only compares and stores the outputs when a
// word differs (by evaluating the batch again); these tests pin that `differs` and the
// returned outputs are right on both paths, for one-, two- and three-word ports, on the thread
// pool and synchronously, and for clocked batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVerilatorModel, type VerilatedModel, ASYNC_MIN } from '../../../sim/verilator/index.js';
import { adder64, counter40, wide70 } from '../../fixtures/verilog/index.js';
import { randomColumn, rng } from './helpers.js';

type Cols = Record<string, Uint32Array>;
const copy = (c: Cols): Cols => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice()]));

for (const [name, spec] of [
  ['adder64', adder64],
  ['wide70', wide70],
] as const) {
  describe(`checkBatch on ${name}`, () => {
    let m: VerilatedModel;
    beforeAll(async () => {
      m = await buildVerilatorModel(spec());
    });
    afterAll(async () => {
      await m?.close();
    });
    const inputsFor = (n: number, seed: number): Cols => {
      const next = rng(seed);
      const ins = m.spec.ports.filter((p) => p.dir === 'input');
      return Object.fromEntries(ins.map((p) => [p.name, randomColumn(next, p.width, n)]));
    };

    for (const n of [ASYNC_MIN + 17, 100]) {
      it(`${n} vectors: equal → differs false; one wrong word → differs true, outputs as evalBatch`, async () => {
        const inputs = inputsFor(n, n);
        const want = await m.evalBatch(inputs, n);
        const ok = await m.checkBatch(inputs, want, n, false);
        expect(ok.differs).toBe(false);
        for (const port of Object.keys(want)) {
          const words = want[port]!.length / n;
          for (const at of [0, n * words - 1, Math.floor(n / 2) * words + (words - 1)]) {
            const bad = copy(want);
            bad[port]![at]! ^= 1;
            const out = Object.fromEntries(
              Object.entries(want).map(([k, v]) => [k, new Uint32Array(v.length).fill(0xdeadbeef)]),
            );
            const res = await m.checkBatch(inputs, bad, n, false, out);
            expect(res.differs).toBe(true);
            expect(res.actual).toEqual(want);
          }
        }
      });
    }

    it('an input left out keeps its value (general path), still compared', async () => {
      const n = ASYNC_MIN + 5;
      const inputs = inputsFor(n, 3);
      const first = Object.keys(inputs)[0]!;
      const partial = { [first]: inputs[first]! };
      const want = await m.evalBatch(partial, n);
      expect((await m.checkBatch(partial, want, n, false)).differs).toBe(false);
      const bad = copy(want);
      const port = Object.keys(bad)[0]!;
      bad[port]![bad[port]!.length - 1]! ^= 0x80000000 >>> 0;
      const res = await m.checkBatch(partial, bad, n, false);
      expect(res.differs).toBe(true);
      expect(res.actual).toEqual(want);
    });
  });
}

describe('checkBatch (step) on counter40', () => {
  let m: VerilatedModel;
  beforeAll(async () => {
    m = await buildVerilatorModel(counter40());
  });
  afterAll(async () => {
    await m?.close();
  });

  it('clocked batches: outputs stored and compared; a wrong word is found', async () => {
    const n = ASYNC_MIN * 2;
    const next = rng(9);
    const rst = new Uint32Array(n),
      en = randomColumn(next, 1, n),
      load = new Uint32Array(n);
    const loadVal = randomColumn(next, 40, n);
    rst[0] = 1;
    for (let v = 5; v < n; v += 97) load[v] = 1;
    const inputs = { rst, en, load, load_val: loadVal };
    const want = await m.stepBatch(inputs, n);
    // Same cycles again from reset: equal.
    expect((await m.checkBatch(inputs, want, n, true)).differs).toBe(false);
    const bad = copy(want);
    bad.count![2 * (n - 1) + 1]! ^= 0x10;
    const res = await m.checkBatch(inputs, bad, n, true);
    expect(res.differs).toBe(true);
    expect(res.actual).toEqual(want);
  });
});
