// Issue 18, item 1: every design style the eDSL allows, at growing sizes, must give Verilog
// that Verilator -Wall (both language modes), iverilog -g2005 and the Yosys gate accept. CI runs
// sizes up to 4096; bench/gen/sweep.ts runs the rest up to 65536 (results in bench/gen/README.md).
// Before the emitter bounded expression size, a 1024-input tree was one 20 KB line and the
// 4096-input tree (84 KB) and a 16384-part concatenation were rejected by Verilator
// ("Too many preprocessor tokens on a line"), and iverilog's scanner overflowed on the
// 169 KB generator-options comment of a 16384-row encoder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_TOOLS, sweepPoint } from '../../bench/gen/sweep-check.js';
import { STYLE_DESIGNS, type Style } from '../../bench/gen/styles.js';
import { MAX_INLINE_CHARS, MAX_LITERAL_BITS } from '../../gen/verilog/exprs.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { elaborate, setLocationCapture } from '../../hdl/dsl/index.js';

// 64, 1024 and 4096 inputs in CI (a few seconds to half a minute per point on an idle 2-core
// machine; the tree is the slowest, in Yosys). The when-chain beyond MAX_IF_CHAIN arms is a
// `case (1'b1)` (gen/verilog/module.ts): nested else-ifs made iverilog's parser run out of
// memory near 1000 arms and Yosys `proc` quadratic, so it stopped at 64 before.
const CI_SIZES: Record<Style, readonly number[]> = {
  prefix: [64, 1024, 4096],
  tree: [64, 1024, 4096],
  'mux-chain': [64, 1024, 4096],
  'when-chain': [64, 1024, 4096],
  'wide-concat': [64, 1024, 4096],
};

describe('style × size sweep: every tool accepts the output', () => {
  for (const [style, sizes] of Object.entries(CI_SIZES) as [Style, readonly number[]][])
    for (const n of sizes)
      it(`${style} at ${n} inputs`, async () => {
        const p = await sweepPoint(style, n);
        expect(p.tools).toEqual({ verilator: '', 'verilator-1364-2005': '', iverilog: '', yosys: '' });
      });
});

describe('a tool over the time limit', () => {
  it('is stopped and reported as timed out, never as clean (bench/gen/sweep.ts --timeout)', async () => {
    // 1 ms: no tool (nor the Yosys gate's own process) can finish, so every one is stopped.
    const p = await sweepPoint('prefix', 64, { timeoutMs: 1 });
    expect(p.timedOut).toEqual([...SWEEP_TOOLS]);
    for (const t of SWEEP_TOOLS) expect(p.tools[t]).toBe('timed out after 1 ms (killed)');
  });
});

/** Longest line, and the most whitespace/punctuation-separated tokens on one line. */
function lineStats(files: Record<string, string>): { chars: number; tokens: number } {
  let chars = 0,
    tokens = 0;
  for (const text of Object.values(files))
    for (const line of text.split('\n')) {
      chars = Math.max(chars, line.length);
      tokens = Math.max(tokens, line.split(/[\s,{}()[\]:;&|~^?]+/).length);
    }
  return { chars, tokens };
}

describe('bounded lines at 65536 inputs (generation only; the tools run in bench/gen/sweep.ts)', () => {
  // Source locations cost ~100 µs per node under vitest's module runner; not needed here.
  beforeAll(() => setLocationCapture(false));
  afterAll(() => setLocationCapture(true));
  it('a 65536-part concatenation is split into bounded temporaries', () => {
    const files = emitDesign(elaborate(STYLE_DESIGNS['wide-concat'].make(65536)).design);
    const s = lineStats(files);
    expect(s.chars).toBeLessThanOrEqual(2 * MAX_INLINE_CHARS);
    expect(s.tokens).toBeLessThan(4000);
    // Each bit still lands in its place: y[65535 - i] = a[i] at both ends of the vector, read
    // through the 1024-bit select windows of `a` (gen/verilog/exprs.ts SELECT_WINDOW_BITS).
    const v = files['wide_concat.v']!;
    const low = v.match(/wire \[1023:0\] (_t\d+) = a\[1023:0\];/)?.[1];
    const high = v.match(/wire \[1023:0\] (_t\d+) = a\[65535:64512\];/)?.[1];
    expect(low && high).toBeTruthy();
    expect(v).toContain(`{${low}[0], ${low}[1], ${low}[2],`);
    expect(v).toContain(`${high}[1022], ${high}[1023]}`);
  });
  it('a 65536-bit constant is written as literals of at most MAX_LITERAL_BITS bits', () => {
    const files = emitDesign(elaborate(STYLE_DESIGNS.prefix.make(65536)).design);
    const v = files['vti_fault_prio.v']!;
    const widths = [...v.matchAll(/(\d+)'h[0-9a-f]+/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBe(MAX_LITERAL_BITS);
    expect(v).not.toMatch(/65536'h/);
    // A line may be long only by its literals (16 KB of digits here), never in tokens.
    expect(lineStats(files).tokens).toBeLessThan(4000);
    // Comments too: the generator-options line of 65536 row names (≈ 600 KB) is broken up.
    const comments = v.split('\n').filter((l) => l.startsWith('//'));
    expect(comments.length).toBeGreaterThan(100);
    expect(Math.max(...comments.map((l) => l.length))).toBeLessThanOrEqual(MAX_INLINE_CHARS + 3);
    expect(comments.join('').replace(/\/\/ /g, '')).toContain('"row65535"]');
  });
});
