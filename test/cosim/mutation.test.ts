// Mutation score of the block co-simulation (sim/cosim/mutation-score.ts): a few Yosys mutants of two
// combinational blocks must all be killed unless provably equivalent, and hand-made mutants
// are classified as they were built: a redundant double negation equivalent (not a gap), a
// swapped mux killed.
import { describe, expect, it } from 'vitest';
import { vtiSpec } from '../../gen/vti.js';
import { mutationScore, mutationScoreOf, type Mutant } from '../../sim/cosim/mutation-score.js';

const VM_NEXT = 'assign vm_next = commit ? to_vm : psr_vm;';

function handMutant(id: number, command: string, replacement: string): Mutant {
  const v = vtiSpec('vti_vmsw').files['vti_vmsw.v']!;
  expect(v).toContain(VM_NEXT);
  return { id, command, top: 'vti_vmsw', files: { 'vti_vmsw.v': v.replace(VM_NEXT, replacement) } };
}

describe('mutation score', () => {
  it('kills every non-equivalent Yosys mutant of vti_vmsw (6) and vti_addr_check (4)', async () => {
    for (const [block, count] of [
      ['vti_vmsw', 6],
      ['vti_addr_check', 4],
    ] as const) {
      const r = await mutationScore(block, { count, seed: 3, vectors: 20_000, engine: 'verilator', classify: true });
      expect(r.mutants).toBe(count);
      expect(r.errors).toBe(0);
      expect(r.gaps, `${block} gaps: ${r.gaps.map((g) => g.command).join('; ')}`).toEqual([]);
      expect(r.killed + r.equivalent).toBe(count);
      expect(r.survived).toBe(r.equivalent);
      expect(r.score).toBe(1);
      for (const o of r.outcomes) {
        expect(o.command).toMatch(/^mutate -mode \S+ -module /);
        if (o.status === 'killed') expect(o.kill!.vector).toBeGreaterThanOrEqual(0);
        else expect(o).toMatchObject({ status: 'equivalent', verdict: 'equivalent' });
      }
    }
  });

  it('classifies a hand-made double negation as equivalent and a swapped mux as killed', async () => {
    const eq = handMutant(1, 'hand: vm_next = ~~(mux)', 'assign vm_next = ~(~(commit ? to_vm : psr_vm));');
    const bad = handMutant(2, 'hand: vm_next mux arms swapped', 'assign vm_next = commit ? psr_vm : to_vm;');
    const r = await mutationScoreOf('vti_vmsw', [eq, bad], { seed: 1, vectors: 1000, classify: true });
    expect(r.outcomes[0]).toMatchObject({ id: 1, status: 'equivalent', verdict: 'equivalent' });
    expect(r.outcomes[1]).toMatchObject({ id: 2, status: 'killed', kill: { port: 'vm_next' } });
    expect(r).toMatchObject({ mutants: 2, killed: 1, survived: 1, equivalent: 1, gaps: [], score: 1 });
  });

  it('vti_psr: a mutant that changes only a reserved bit of the next PSR is equivalent, a bad reset value is killed', async () => {
    const v = vtiSpec('vti_psr').files['vti_psr.v']!;
    const MASK = 'assign psr_w_mask = (operand[23:0] & {24{psr_w_one}})';
    const RESET = "psr_arch_q <= 34'h0;";
    expect(v).toContain(MASK);
    expect(v).toContain(RESET);
    // The mask rule (ssm/rsm/sum/rum/mov psr.l) forces reserved bit 0 to 0. Before issue 18
    // the PSR stored its reserved bits, and this needed the block's "reserved bits read 0" to
    // close the induction; now only the architected bits are flip-flops, so bit 0 is never
    // stored and plain k-induction proves the mutant equivalent.
    const rsm: Mutant = {
      id: 1,
      command: 'hand: the mask rule clears psr bit 0',
      top: 'vti_psr',
      files: { 'vti_psr.v': v.replace(MASK, `${MASK} & 24'hfffffe`) },
    };
    // Reset value with the lowest stored bit (PSR.be, bit 1) set: visible right after reset, so the cosim kills it.
    const rst: Mutant = {
      id: 2,
      command: 'hand: reset value 1',
      top: 'vti_psr',
      files: { 'vti_psr.v': v.replace(RESET, "psr_arch_q <= 34'h1;") },
    };
    const r = await mutationScoreOf('vti_psr', [rsm, rst], { seed: 1, vectors: 5000, classify: true });
    expect(r.outcomes[0]).toMatchObject({ status: 'equivalent', verdict: 'equivalent' });
    expect(r.outcomes[0]!.method).toMatch(/k-induction/);
    expect(r.outcomes[1]).toMatchObject({ status: 'killed', kill: { set: 'directed', port: 'psr' } });
    expect(r).toMatchObject({ mutants: 2, killed: 1, equivalent: 1, gaps: [], score: 1 });
  });

  it('without classification a survivor stays a plain survivor and counts against the score', async () => {
    const eq = handMutant(1, 'hand: vm_next = ~~(mux)', 'assign vm_next = ~(~(commit ? to_vm : psr_vm));');
    const r = await mutationScoreOf('vti_vmsw', [eq], { seed: 1, vectors: 1000, classify: false });
    expect(r).toMatchObject({ mutants: 1, killed: 0, survived: 1, equivalent: 0, gaps: [], score: 0 });
    expect(r.outcomes[0]!.status).toBe('survived');
  });
});
