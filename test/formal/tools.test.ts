// synthEquivalent, synthStats and mutants on the references.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthEquivalent } from '../../formal/equiv.js';
import { isEquivalentMutant, mutants } from '../../formal/yosys-mutants.js';
import { logicDepth, synthStats } from '../../formal/stats.js';

const ref = (n: string) => ({ [`${n}.v`]: readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8') });

// A small clocked design keeps the sequential paths cheap (the PSR runs in bench/formal/run.ts).
const counter = {
  'cnt.v':
    "module cnt(input clk, rst, en, output reg [3:0] q);\n  always @(posedge clk) if (rst) q <= 4'd0; else if (en) q <= q + 4'd1;\nendmodule\n",
};

describe('synthEquivalent', () => {
  it('a combinational reference and a clocked design equal their own generic synth netlists', async () => {
    expect((await synthEquivalent(ref('ref_vti_vmsw'), 'ref_vti_vmsw')).verdict).toBe('equivalent');
    expect((await synthEquivalent(counter, 'cnt', { sequential: true })).verdict).toBe('equivalent');
  });
});

describe('synthStats', () => {
  it('counts cells, LUTs and flip-flops, and a logic depth', async () => {
    const v = await synthStats(ref('ref_vti_vmsw'), 'ref_vti_vmsw');
    expect(v.ice40.ffs).toBe(0);
    expect(v.ice40.luts).toBeGreaterThan(2);
    expect(v.ice40.depth).toBeGreaterThan(1);
    expect(v.generic.cells).toBeGreaterThanOrEqual(v.ice40.luts);
    // A 4-bit counter: 4 flip-flops; the adder maps to LUTs and/or SB_CARRY cells.
    const c = await synthStats(counter, 'cnt');
    expect(c.ice40.ffs).toBe(4);
    expect(c.ice40.luts + c.ice40.carries).toBeGreaterThan(0);
  });

  it('logicDepth follows nets through combinational cells and stops at flip-flops', () => {
    const dir = { A: 'input', Y: 'output' } as const;
    const ff = { D: 'input', Q: 'output' } as const;
    const mod = {
      cells: {
        a: { type: '$_NOT_', port_directions: dir, connections: { A: [2], Y: [3] } },
        b: { type: '$_NOT_', port_directions: dir, connections: { A: [3], Y: [4] } },
        f: { type: '$_DFF_P_', port_directions: ff, connections: { D: [4], Q: [5] } },
        c: { type: '$_NOT_', port_directions: dir, connections: { A: [5], Y: [6] } },
      },
    };
    expect(logicDepth(mod)).toBe(2);
  });
});

describe('mutants', () => {
  it('writes mutated netlists, and the equivalence check tells killable ones apart', async () => {
    const files = ref('ref_vti_vmsw');
    const ms = await mutants(files, 'ref_vti_vmsw', 6, 1);
    expect(ms).toHaveLength(6);
    for (const m of ms) {
      expect(m.command).toMatch(/^mutate -mode (inv|const0|const1|cnot0|cnot1|repl) /);
      expect(m.files['ref_vti_vmsw.v']).toContain('module ref_vti_vmsw(');
    }
    const verdicts = await Promise.all(ms.map((m) => isEquivalentMutant({ files, top: 'ref_vti_vmsw' }, m)));
    expect(verdicts.filter((x) => !x).length).toBeGreaterThan(0);
    // The original is trivially its own "mutant".
    expect(
      await isEquivalentMutant({ files, top: 'ref_vti_vmsw' }, { id: 0, command: 'none', files, top: 'ref_vti_vmsw' }),
    ).toBe(true);
    await expect(mutants(files, 'ref_vti_vmsw', 0, 1)).rejects.toThrow(
      'mutants: count must be a positive integer, got 0',
    );
  });
});
