// The Verilator engine on combinational fixtures: expected values come from the
// Verilog's meaning (BigInt arithmetic on the same random vectors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVerilatorModel, type VerilatedModel, ASYNC_MIN } from '../../../sim/verilator/index.js';
import { adder64, wide70 } from '../../fixtures/verilog/index.js';
import { columnOf, mask, randomColumn, rawAt, rng, valueAt } from './helpers.js';

describe('adder64 (64-bit adder/comparator, two-word ports)', () => {
  let m: VerilatedModel;
  beforeAll(async () => {
    m = await buildVerilatorModel(adder64());
  });
  afterAll(async () => {
    await m?.close();
  });

  function check(a: Uint32Array, b: Uint32Array, cin: Uint32Array, out: Record<string, Uint32Array>, n: number) {
    for (let v = 0; v < n; v++) {
      const A = valueAt(a, 64, v),
        B = valueAt(b, 64, v),
        C = valueAt(cin, 1, v);
      const full = A + B + C;
      expect(valueAt(out.sum!, 64, v)).toBe(full & mask(64));
      expect(valueAt(out.cout!, 1, v)).toBe(full >> 64n);
      expect(valueAt(out.lt!, 1, v)).toBe(A < B ? 1n : 0n);
      expect(valueAt(out.eq!, 1, v)).toBe(A === B ? 1n : 0n);
    }
  }

  it('matches BigInt arithmetic on random vectors (thread-pool batch)', async () => {
    const next = rng(1);
    const n = ASYNC_MIN + 1000;
    const a = randomColumn(next, 64, n),
      b = randomColumn(next, 64, n),
      cin = randomColumn(next, 1, n);
    // Equal operands now and then so eq is exercised.
    for (let v = 0; v < n; v += 7) {
      b[2 * v] = a[2 * v]!;
      b[2 * v + 1] = a[2 * v + 1]!;
    }
    const out = await m.evalBatch({ a, b, cin }, n);
    expect(out.sum!.length).toBe(2 * n);
    check(a, b, cin, out, n);
  });

  it('handles carry edge cases (synchronous small batch)', async () => {
    const ones = mask(64);
    const as = [ones, ones, 0n, 1n << 63n, 0xffffffffn, 5n];
    const bs = [1n, ones, 0n, 1n << 63n, 1n, 5n];
    const cs = [0n, 1n, 1n, 0n, 0n, 1n];
    const a = columnOf(64, as),
      b = columnOf(64, bs),
      cin = columnOf(1, cs);
    const out = await m.evalBatch({ a, b, cin }, as.length);
    check(a, b, cin, out, as.length);
    expect(valueAt(out.sum!, 64, 4)).toBe(0x1_0000_0000n); // carry across the word boundary
  });

  it('poke/peek evaluate before reading, and batches start from poked values', async () => {
    m.poke('a', mask(64));
    m.poke('b', 2n);
    m.poke('cin', 1n);
    expect(await m.peek('sum')).toBe(2n);
    expect(await m.peek('cout')).toBe(1n);
    expect(await m.peek('a')).toBe(mask(64));
    // b and cin are left out of the batch: they keep their poked values.
    const out = await m.evalBatch({ a: columnOf(64, [10n, 20n]) }, 2);
    expect([valueAt(out.sum!, 64, 0), valueAt(out.sum!, 64, 1)]).toEqual([13n, 23n]);
  });
});

describe('wide70 (70/71-bit ports, three words per vector)', () => {
  let m: VerilatedModel;
  beforeAll(async () => {
    m = await buildVerilatorModel(wide70());
  });
  afterAll(async () => {
    await m?.close();
  });

  it('matches BigInt arithmetic; bits above the width in the input words are ignored', async () => {
    const next = rng(2);
    const n = 3000;
    const a = randomColumn(next, 70, n, true),
      b = randomColumn(next, 70, n, true);
    const out = await m.evalBatch({ a, b }, n);
    expect(out.sum!.length).toBe(3 * n);
    expect(out.swap!.length).toBe(3 * n);
    for (let v = 0; v < n; v++) {
      const A = valueAt(a, 70, v),
        B = valueAt(b, 70, v);
      expect(rawAt(out.sum!, 71, v)).toBe(A + B);
      const swapped = ((A & mask(35)) << 35n) | (A >> 35n);
      expect(rawAt(out.swap!, 70, v)).toBe(swapped ^ B);
      expect(valueAt(out.gt!, 1, v)).toBe(A > B ? 1n : 0n);
    }
  });

  it('poke/peek 70-bit values; an empty batch gives empty columns', async () => {
    const a = (1n << 69n) | 0x1234_5678_9abc_def0n;
    m.poke('a', a);
    m.poke('b', mask(70));
    expect(await m.peek('a')).toBe(a);
    expect(await m.peek('sum')).toBe(a + mask(70));
    expect(await m.peek('gt')).toBe(0n);
    expect(() => m.poke('a', 1n << 70n)).toThrow(
      "poke: value 1180591620717411303424 does not fit in 'a' (70 bits, unsigned)",
    );
    const none = await m.evalBatch({}, 0);
    expect([none.sum!.length, none.swap!.length, none.gt!.length]).toEqual([0, 0, 0]);
  });

  it('carries through all three words', async () => {
    const a = columnOf(70, [mask(70), mask(64)]),
      b = columnOf(70, [1n, 1n]);
    const out = await m.evalBatch({ a, b }, 2);
    expect(rawAt(out.sum!, 71, 0)).toBe(1n << 70n);
    expect(rawAt(out.sum!, 71, 1)).toBe(1n << 64n);
  });
});
