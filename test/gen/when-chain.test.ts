// Issue 18, item 1: long when/elsewhen chains. An N-arm chain is N `if`s nested in each
// other's `else`; the IR walkers step along it in a loop, and the emitter writes a chain of
// more than MAX_IF_CHAIN arms as `case (1'b1)` (first true arm wins). These tests check that
// the case form means the same as the if form (Yosys proves both equal to the ternary-chain
// encoder, and a reversed-priority chain is found different), that a chain of more than
// MAX_CASE_ARMS arms, written as groups, keeps its priority (simulated with iverilog), and that
// a 65536-arm chain elaborates and emits with bounded nesting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { muxChainEncoder, whenChainEncoder } from '../../bench/gen/styles.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { MAX_CASE_ARMS, MAX_IF_CHAIN } from '../../gen/verilog/module.js';
import { defineModule, elaborate, type HdlModule, setLocationCapture } from '../../hdl/dsl/index.js';
import { runIverilog } from '../formal/iverilog.js';

const ref = (mod: HdlModule) => {
  const { design } = elaborate(mod);
  return { files: emitDesign(design), top: design.top };
};

/** The same encoder with the priority reversed (the highest set bit wins): a wrong design. */
function reversedWhenChain(n: number): HdlModule {
  return defineModule('enc_reversed', (m) => {
    const pending = m.input('pending', n);
    const index = m.output('index', Math.ceil(Math.log2(n)));
    let chain = m.when(pending.bit(n - 1), () => index.set(n - 1));
    for (let i = n - 2; i >= 0; i--) chain = chain.elsewhen(pending.bit(i), () => index.set(i));
    chain.otherwise(() => index.set(0));
    m.output('valid', 1).set(pending.orR());
  });
}

describe('long when-chains are emitted as a priority case with the same meaning', () => {
  const n = 2 * MAX_IF_CHAIN;
  it(`${n} arms: written as case (1'b1), one item per arm, no else-if nesting`, () => {
    const v = ref(whenChainEncoder(n)).files['enc_when_chain.v']!;
    expect(v).toContain("case (1'b1)");
    expect(v.match(/^\s+pending\[\d+\]: begin/gm)).toHaveLength(n);
    expect(v).not.toContain('else if');
  });
  it(`${MAX_IF_CHAIN} arms stay an if / else-if chain`, () => {
    const v = ref(whenChainEncoder(MAX_IF_CHAIN)).files['enc_when_chain.v']!;
    expect(v).not.toContain("case (1'b1)");
    expect(v.match(/end else if \(/g)).toHaveLength(MAX_IF_CHAIN - 1);
  });
  for (const size of [MAX_IF_CHAIN, n])
    it(`Yosys proves the ${size}-arm when-chain equal to the ternary chain`, async () => {
      const r = await proveEquivalent({ gold: ref(muxChainEncoder(size)), gate: ref(whenChainEncoder(size)) });
      expect(r.verdict).toBe('equivalent');
    });
  it('a chain with the priority reversed is found different', async () => {
    const r = await proveEquivalent({ gold: ref(muxChainEncoder(n)), gate: ref(reversedWhenChain(n)) });
    expect(r.verdict).toBe('different');
  });
});

describe(`a when-chain of more than ${MAX_CASE_ARMS} arms is written in groups with the same priority`, () => {
  // Three groups, the last of three arms: the boundaries are where a grouping error would show.
  const n = 2 * MAX_CASE_ARMS + 3;
  const width = Math.ceil(Math.log2(n));
  /** The priority encoder's answer, computed here: the lowest set bit, 0 when none is set. */
  const lowestSetBit = (x: bigint) => {
    for (let i = 0; i < n; i++) if ((x >> BigInt(i)) & 1n) return BigInt(i);
    return 0n;
  };
  const bits = (...is: number[]) => is.reduce((x, i) => x | (1n << BigInt(i)), 0n);
  const last = MAX_CASE_ARMS - 1;
  const vectors = [
    0n,
    (1n << BigInt(n)) - 1n,
    bits(0),
    bits(last),
    bits(last + 1),
    bits(last - 1, last),
    bits(last, last + 1),
    bits(2 * MAX_CASE_ARMS - 1),
    bits(2 * MAX_CASE_ARMS - 1, n - 1),
    bits(2 * MAX_CASE_ARMS),
    bits(n - 1),
    bits(n - 2, n - 1),
    bits(5, n - 1),
    bits(last + 7, 2 * MAX_CASE_ARMS + 1),
  ];
  const v = ref(whenChainEncoder(n)).files['enc_when_chain.v']!;

  it("one outer case over the groups, one inner case per group, each group's last arm its default", () => {
    expect(v.match(/case \(1'b1\)/g)).toHaveLength(1 + 3);
    // The inner items: every arm but the last of each group has its condition as the label.
    expect(v.match(/^\s+_t\d+\[\d+\]: begin/gm)).toHaveLength(n - 3);
    expect(v.match(/^\s+default: begin/gm)).toHaveLength(3 + 1);
    expect(v).not.toContain('else if');
  });

  it('iverilog: the lowest set bit wins within a group, across group boundaries and in the last group', () => {
    const out = runIverilog({
      source: v,
      top: 'enc_when_chain',
      inputs: [{ name: 'pending', width: n }],
      outputs: [{ name: 'index', width }],
      vectors: vectors.map((pending) => ({ pending })),
    });
    expect(out.map((o) => o.index)).toEqual(vectors.map(lowestSetBit));
  });
});

describe('a 65536-arm when-chain (generation only; bench/gen/sweep.ts runs the tools)', () => {
  beforeAll(() => setLocationCapture(false));
  afterAll(() => setLocationCapture(true));
  it(`elaborates and emits in ${65536 / MAX_CASE_ARMS} groups, nesting at most five levels deep inside the always block`, () => {
    const v = ref(whenChainEncoder(65536)).files['enc_when_chain.v']!;
    // The arms read `pending` through its 1024-bit select windows (gen/verilog/exprs.ts); each
    // group's last arm is its inner case's default.
    const groups = 65536 / MAX_CASE_ARMS;
    expect(v.match(/^\s+_t\d+\[\d+\]: begin/gm)).toHaveLength(65536 - groups);
    expect(v.match(/case \(1'b1\)/g)).toHaveLength(1 + groups);
    const top = v.match(/wire \[1023:0\] (_t\d+) = pending\[65535:64512\];/)?.[1];
    expect(top).toBeTruthy();
    expect(v).toMatch(new RegExp(`${top}\\[1022\\]: begin[^\\n]*\\n\\s+index = 16'hfffe;`));
    expect(v).toMatch(/default: begin[^\n]*\n\s+index = 16'hffff;/);
    const deepest = v.split('\n').reduce((d, l) => Math.max(d, l.length - l.trimStart().length), 0);
    expect(deepest).toBeLessThanOrEqual(12);
  });
});
