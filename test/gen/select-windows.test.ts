// A value read by more than SELECT_WINDOW_BITS bit/part-selects is read through window wires of
// that many bits (gen/verilog/exprs.ts): iverilog's elaboration is quadratic in the number of
// selects of one net. The windows must keep every bit in its place — checked by simulating the
// emitted Verilog with iverilog against values computed here — and must not appear below the
// threshold (the VT-i blocks' Verilog stays as it was).
import { describe, expect, it } from 'vitest';
import { SELECT_WINDOW_BITS } from '../../gen/verilog/exprs.js';
import { emitDesign, moduleSpec } from '../../gen/verilog/index.js';
import { cat, defineModule, elaborate, type Value } from '../../hdl/dsl/index.js';
import { lintVerilog } from '../../sim/lint/index.js';
import { runIverilog } from '../formal/iverilog.js';

const N = 3000; // not a multiple of the window: the last window is 952 bits

/** y = the bit-reversal of a (N selects of a); z = a[1030:1020] (across a window boundary); w = a[2999:2990]. */
function reverser(n: number) {
  return defineModule('win_rev', (m) => {
    const a = m.input('a', n);
    const bits: Value[] = [];
    for (let i = 0; i < n; i++) bits.push(a.bit(i));
    m.output('y', n).set(cat(...bits));
    m.output('z', 11).set(a.bits(1030, 1020));
    m.output('w', 10).set(a.bits(n - 1, n - 10));
  });
}

function reverse(x: bigint, n: number): bigint {
  let r = 0n;
  for (let i = 0; i < n; i++) if ((x >> BigInt(i)) & 1n) r |= 1n << BigInt(n - 1 - i);
  return r;
}

/** A deterministic pseudo-random N-bit value (xorshift), so a failure reproduces. */
function pattern(seed: number, n: number): bigint {
  let s = BigInt(seed) | 1n;
  let x = 0n;
  for (let i = 0; i < n; i += 32) {
    s ^= (s << 13n) & 0xffffffffn;
    s ^= s >> 17n;
    s ^= (s << 5n) & 0xffffffffn;
    x = (x << 32n) | s;
  }
  return x & ((1n << BigInt(n)) - 1n);
}

describe('select windows', () => {
  it(`${N} selects of one input: read through ${SELECT_WINDOW_BITS}-bit windows, every bit in its place`, () => {
    const v = emitDesign(elaborate(reverser(N)).design)['win_rev.v']!;
    expect(v).toMatch(/wire \[1023:0\] _t\d+ = a\[1023:0\];/);
    expect(v).toMatch(/wire \[1023:0\] _t\d+ = a\[2047:1024\];/);
    expect(v).toMatch(/wire \[951:0\] _t\d+ = a\[2999:2048\];/);
    // Only the windows and the select across a boundary read `a` itself.
    expect([...v.matchAll(/\ba\[/g)].length).toBe(4);
    expect(v).toMatch(/a\[1030:1020\]/);
    const vectors = [0n, (1n << BigInt(N)) - 1n, 1n, 1n << 1024n, pattern(7, N), pattern(99, N)].map((a) => ({ a }));
    const out = runIverilog({
      source: v,
      top: 'win_rev',
      inputs: [{ name: 'a', width: N }],
      outputs: [
        { name: 'y', width: N },
        { name: 'z', width: 11 },
        { name: 'w', width: 10 },
      ],
      vectors,
    });
    out.forEach((o, k) => {
      const a = vectors[k]!.a;
      expect(o.y).toBe(reverse(a, N));
      expect(o.z).toBe((a >> 1020n) & 0x7ffn);
      expect(o.w).toBe(a >> BigInt(N - 10));
    });
  });

  it(`windows only above ${SELECT_WINDOW_BITS} selects of a wider value, and only where every bit is read`, async () => {
    /** `count` single-bit selects of a 4096-bit input (bits 0, 1, 2, …), and every other bit of 3072..4095. */
    const sparse = (count: number) =>
      moduleSpec(
        elaborate(
          defineModule('win_sparse', (m) => {
            const a = m.input('a', 4096);
            const bits: Value[] = [];
            for (let i = 0; i < count; i++) bits.push(a.bit(i));
            for (let i = 3072; i < 4096; i += 2) bits.push(a.bit(i));
            m.output('y', bits.length).set(cat(...bits));
          }),
        ).design,
      );
    const selects = (count: number) => sparse(count).files['win_sparse.v']!;
    const at = selects(SELECT_WINDOW_BITS - 512);
    expect(at).not.toMatch(/_t\d+ = a\[/);
    expect(at).toMatch(/\{a\[0\], a\[1\], a\[2\],/);
    // 2048 + 512 selects: windows for bits 0..2047, none for the partly read 3072..4095.
    const above = selects(2 * SELECT_WINDOW_BITS);
    expect(above).toMatch(/wire \[1023:0\] _t\d+ = a\[1023:0\];/);
    expect(above).toMatch(/wire \[1023:0\] _t\d+ = a\[2047:1024\];/);
    expect(above).not.toMatch(/_t\d+ = a\[4095:3072\]/);
    expect(above).toMatch(/a\[3072\], a\[3074\]/);
    // No window with unread bits: Verilator -Wall (UNUSED) and iverilog stay silent.
    expect((await lintVerilog(sparse(2 * SELECT_WINDOW_BITS))).messages).toEqual([]);
  });
});
