// synthEquivalent, synthStats and mutants on the references.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthEquivalent } from '../../formal/equiv.js';
import { isEquivalentMutant, mutants } from '../../formal/mutate.js';
import { logicDepth, synthStats } from '../../formal/stats.js';

const ref = (n: string) => ({ [`${n}.v`]: readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8') });

describe('synthEquivalent', () => {
  // (all four blocks run in bench/formal/run.ts; two here keep the test folder fast)
  it('a combinational and the sequential reference equal their own generic synth netlists', async () => {
    expect((await synthEquivalent(ref('ref_vti_vmsw'), 'ref_vti_vmsw')).verdict).toBe('equivalent');
    const psr = await synthEquivalent(ref('ref_vti_psr'), 'ref_vti_psr', { sequential: true, params: { VM_IMPLEMENTED: 0 } });
    expect(psr.verdict).toBe('equivalent');
  });
});

describe('synthStats', () => {
  it('counts cells, LUTs and flip-flops, and a logic depth', async () => {
    const s = await synthStats(ref('ref_vti_psr'), 'ref_vti_psr');
    // PSR{63:47} are never loaded from an input (rfi forces them to 0), so synthesis drops those 17 flip-flops.
    expect(s.ice40.ffs).toBe(47);
    expect(s.ice40.luts).toBeGreaterThan(20);
    expect(s.ice40.depth).toBeGreaterThan(1);
    expect(s.generic.cells).toBeGreaterThan(s.ice40.luts);
    // Default addr_check: vm = 0 checks nothing (M = 60) and vm = 1 checks bit 60 == bit 59.
    const a = await synthStats(ref('ref_vti_addr_check'), 'ref_vti_addr_check');
    expect(a.ice40.luts).toBeLessThanOrEqual(3);
  });

  it('logicDepth follows nets through combinational cells and stops at flip-flops', () => {
    const dir = { A: 'input', Y: 'output' } as const;
    const ff = { D: 'input', Q: 'output' } as const;
    const mod = { cells: {
      a: { type: '$_NOT_', port_directions: dir, connections: { A: [2], Y: [3] } },
      b: { type: '$_NOT_', port_directions: dir, connections: { A: [3], Y: [4] } },
      f: { type: '$_DFF_P_', port_directions: ff, connections: { D: [4], Q: [5] } },
      c: { type: '$_NOT_', port_directions: dir, connections: { A: [5], Y: [6] } },
    } };
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
    expect(await isEquivalentMutant({ files, top: 'ref_vti_vmsw' }, { id: 0, command: 'none', files, top: 'ref_vti_vmsw' })).toBe(true);
    await expect(mutants(files, 'ref_vti_vmsw', 0, 1)).rejects.toThrow('mutants: count must be a positive integer, got 0');
  });
});
