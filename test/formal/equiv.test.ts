// proveEquivalent on deliberately wrong variants of each reference: each must be found NOT
// equivalent, and the counterexample's inputs must be a case of exactly the spec rule broken.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CexStep } from '../../formal/cex.js';
import { proveEquivalent } from '../../formal/equiv.js';

const src = (n: string) => readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8');
const gold = (n: string, params?: Record<string, number>) => ({
  files: { [`${n}.v`]: src(n) },
  top: n,
  ...(params ? { params } : {}),
});

/** A wrong copy of reference `n`: module renamed to bad_<n>, each [from, to] applied once. */
function variant(n: string, edits: [string, string][]) {
  let text = src(n).replace(`module ${n}`, `module bad_${n}`);
  for (const [from, to] of edits) {
    expect(text, `edit '${from}' must apply`).toContain(from);
    text = text.replace(from, to);
  }
  return { files: { [`bad_${n}.v`]: text }, top: `bad_${n}` };
}

const v = (s: CexStep, name: string) => BigInt(s.inputs[name]!.hex);
const last = (c: readonly CexStep[] | undefined) => c![c!.length - 1]!;

describe('proveEquivalent finds wrong variants, with counterexamples that hit the broken rule', () => {
  it('vti_vmsw with checks 2 and 3 of §3.1 swapped (virtualization before privilege)', async () => {
    const priv = "else if (cpl != 2'd0)\n                priv_op = 1'b1;";
    const virtCheck =
      "else if (!(psr_it == 1'b1 && itlb_ar == 3'd7) || vm_disabled || vmsw_disabled)\n                virt_fault = 1'b1;";
    const bad = variant('ref_vti_vmsw', [
      [priv, '@@'],
      [virtCheck, priv],
      ['@@', virtCheck],
    ]);
    const r = await proveEquivalent({ gold: gold('ref_vti_vmsw'), gate: bad });
    expect(r.verdict).toBe('different');
    const s = last(r.counterexample);
    // The order only matters when cpl != 0 AND a virtualization condition holds.
    expect(v(s, 'valid')).toBe(1n);
    expect(v(s, 'cpl')).not.toBe(0n);
    const virt =
      !(v(s, 'psr_it') === 1n && v(s, 'itlb_ar') === 7n) || v(s, 'vm_disabled') === 1n || v(s, 'vmsw_disabled') === 1n;
    expect(virt).toBe(true);
    expect(s.gold.priv_op!.hex).toBe('0x1');
    expect(s.gate.virt_fault!.hex).toBe('0x1');
    expect(r.table).toContain('priv_op (gold/gate)    | 0x1 / 0x0  <-- differs');
    expect(r.table).toContain('virt_fault (gold/gate) | 0x0 / 0x1  <-- differs');
    expect(existsSync(r.vcdPath!)).toBe(true);
    expect(readFileSync(r.vcdPath!, 'utf8')).toContain('$var wire 2 ');
  });

  it('vti_psr whose SSM/RSM fault rule forgets bit 16', async () => {
    const bad = variant('ref_vti_psr', [["RSV_SM   = 64'h0000_0000_0001_1FC1", "RSV_SM   = 64'h0000_0000_0000_1FC1"]]);
    const r = await proveEquivalent({ gold: gold('ref_vti_psr'), gate: bad, sequential: true });
    expect(r.verdict).toBe('different');
    expect(r.counterexample![0]!.compared).toBe(false); // the reset step
    expect(v(r.counterexample![0]!, 'rst')).toBe(1n);
    const s = last(r.counterexample);
    expect([2n, 3n]).toContain(v(s, 'op'));
    const operand = v(s, 'operand');
    expect((operand >> 16n) & 1n).toBe(1n);
    expect(operand & 0x1fc1n).toBe(0n); // no other reserved bit of PSR{23:0}: only bit 16 decides
    expect(s.mismatches).toContain('rsv_fault');
    expect(r.table).toMatch(/^step +\| 1 \(reset, not compared\) \|/);
  });

  it('vti_psr that lets SUM/RUM/MOV_PSR_UM change `up` while sp = 1', async () => {
    const bad = variant('ref_vti_psr', [["UM_NO_UP = 64'h0000_0000_0000_003A", "UM_NO_UP = 64'h0000_0000_0000_003E"]]);
    const r = await proveEquivalent({ gold: gold('ref_vti_psr'), gate: bad, sequential: true });
    expect(r.verdict).toBe('different');
    const steps = r.counterexample!;
    // The PSR differs one step after the user-mask op that ran with sp = 1 and operand bit 2 set.
    const cause = steps[steps.length - 2]!;
    expect([4n, 5n, 6n]).toContain(v(cause, 'op'));
    expect((BigInt(cause.gold.psr!.hex) >> 20n) & 1n).toBe(1n);
    expect((v(cause, 'operand') >> 2n) & 1n).toBe(1n);
    expect(last(steps).mismatches).toContain('psr');
  });

  it('vti_addr_check that ignores guestShrink', async () => {
    const bad = variant('ref_vti_addr_check', [['M_GUEST = IMPL_VA_MSB - GUEST_SHRINK', 'M_GUEST = IMPL_VA_MSB']]);
    const r = await proveEquivalent({ gold: gold('ref_vti_addr_check'), gate: bad });
    expect(r.verdict).toBe('different');
    const s = last(r.counterexample);
    // Default config: guest M = 59, so the address must be virtual with bit 60 != bit 59.
    const a = v(s, 'addr');
    expect(v(s, 'phys')).toBe(0n);
    expect((a >> 60n) & 1n).not.toBe((a >> 59n) & 1n);
  });

  it('vti_fault_prio that ranks Virtualization above ranks 32-34', async () => {
    const bad = variant('ref_vti_fault_prio', [
      [
        '    integer i;\n',
        "    integer i;\n    wire [55:0] p = pending[34] ? (pending & ~56'h03_8000_0000) : pending;\n",
      ],
      ['if (pending[i]) begin', 'if (p[i]) begin'],
    ]);
    const r = await proveEquivalent({ gold: gold('ref_vti_fault_prio'), gate: bad });
    expect(r.verdict).toBe('different');
    const p = v(last(r.counterexample), 'pending');
    expect((p >> 34n) & 1n).toBe(1n); // Virtualization pending
    expect((p >> 31n) & 7n).not.toBe(0n); // with one of ranks 32-34
    expect(p & ((1n << 31n) - 1n)).toBe(0n); // and nothing of higher priority
  });

  it('parameters reach the gold design: vmsw with VM_IMPLEMENTED=0 differs from the default', async () => {
    const r = await proveEquivalent({ gold: gold('ref_vti_vmsw', { VM_IMPLEMENTED: 0 }), gate: gold('ref_vti_vmsw') });
    expect(r.verdict).toBe('different');
    const s = last(r.counterexample);
    expect(v(s, 'valid')).toBe(1n);
    expect(s.gold.illegal_op!.hex).toBe('0x1');
  });

  it('proves a reference equivalent to itself under induction, and to a re-encoded copy', async () => {
    // Same PSR behaviour with the register stored inverted: equal only after reset.
    const inv = variant('ref_vti_psr', [
      ['output reg [63:0] psr,', 'output     [63:0] psr,'],
      ['    reg [63:0] next;\n', '    reg [63:0] next;\n    reg [63:0] npsr;\n    assign psr = ~npsr;\n'],
      [
        "if (rst) psr <= 64'd0;\n        else     psr <= next;",
        "if (rst) npsr <= ~64'd0;\n        else     npsr <= ~next;",
      ],
    ]);
    const r = await proveEquivalent({ gold: gold('ref_vti_psr'), gate: inv, sequential: true });
    expect(r.verdict).toBe('equivalent');
    expect(r.method).toBe('k-induction from reset (k <= 8)');
    // Without reset forced, the inverted encoding is not equivalent from an all-zero start.
    const z = await proveEquivalent({ gold: gold('ref_vti_psr'), gate: inv, sequential: true, reset: null });
    expect(z.verdict).toBe('different');
  });

  it('says inconclusive when the induction does not close within maxSteps', async () => {
    // gate keeps 0 in a two-register ring after reset: its output is always 0, like gold's,
    // but 1-induction cannot see the hidden register s (it needs k = 2).
    const g = { files: { 'z.v': "module z(input clk, rst, output q);\n  assign q = 1'b0;\nendmodule\n" }, top: 'z' };
    const ring =
      'module ring(input clk, rst, output q);\n  reg r, s;\n  always @(posedge clk) if (rst) begin r <= 0; s <= 0; end else begin r <= s; s <= r; end\n  assign q = r;\nendmodule\n';
    const h = { files: { 'ring.v': ring }, top: 'ring' };
    const r1 = await proveEquivalent({ gold: g, gate: h, sequential: true, maxSteps: 1 });
    expect(r1.verdict).toBe('inconclusive');
    expect(r1.equivalent).toBe(false);
    expect(r1.counterexample).toBeUndefined();
    const r2 = await proveEquivalent({ gold: g, gate: h, sequential: true, maxSteps: 3 });
    expect(r2.verdict).toBe('equivalent');
  });

  it('refuses designs whose ports differ, naming each difference', async () => {
    const a = { files: { 'a.v': 'module a(input [3:0] x, output [3:0] y);\n  assign y = x;\nendmodule\n' }, top: 'a' };
    const b = {
      files: { 'b.v': 'module b(input [2:0] x, input k, output [3:0] y);\n  assign y = {k, x};\nendmodule\n' },
      top: 'b',
    };
    await expect(proveEquivalent({ gold: a, gate: b })).rejects.toThrow(
      'cannot compare a with b: ports differ: x is input [4] in a but input [3] in b; k (input [1]) only in b',
    );
  });

  it('does not let the reset assumption leak into the induction step (soundness)', async () => {
    // Differs only 6 clocks after reset: a short induction must be inconclusive, never
    // "equivalent"; a long enough base case finds the difference.
    const g = { files: { 'z.v': "module z(input clk, rst, output q);\n  assign q = 1'b0;\nendmodule\n" }, top: 'z' };
    const c = {
      files: {
        'c.v':
          "module c(input clk, rst, output q);\n  reg [2:0] n;\n  always @(posedge clk) if (rst) n <= 0; else n <= n + 3'd1;\n  assign q = n == 3'd6;\nendmodule\n",
      },
      top: 'c',
    };
    expect((await proveEquivalent({ gold: g, gate: c, sequential: true, maxSteps: 4 })).verdict).toBe('inconclusive');
    const r = await proveEquivalent({ gold: g, gate: c, sequential: true, maxSteps: 8 });
    expect(r.verdict).toBe('different');
    expect(r.counterexample!.map((s) => s.gate.q!.hex).slice(-1)).toEqual(['0x1']);
    // reset at step 1 only, then six counting steps (rst in the last step does not matter yet)
    expect(
      r
        .counterexample!.slice(0, -1)
        .filter((s) => s.inputs.rst!.hex === '0x1')
        .map((s) => s.step),
    ).toEqual([1]);
    expect(r.counterexample).toHaveLength(8);
  });
});
