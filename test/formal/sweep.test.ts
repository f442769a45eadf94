// Reference equivalence over the generator options: every valid IMPL_VA_MSB × guestShrink
// pair of vti_addr_check (architecture.md §7: IMPL_VA_MSB 51..60, guest value ≥ 50), and
// vti_fault_prio generated from edited priority tables against the hand-written encoder
// instantiated with the same table.
import { describe, expect, it } from 'vitest';
import { budget } from '../budget.js';
import { PRIORITY_TABLE } from '../../arch/priority.js';
import { checkGeneratedBlock } from '../../formal/blocks.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { prioReference } from '../../formal/ref/make-prio-ref.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { DEFAULT_CONFIG, vtiSpec } from '../../gen/vti.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { vtiFaultPrio } from '../../hdl/vti/fault-prio.js';

describe('vti_addr_check: every valid IMPL_VA_MSB x guestShrink', () => {
  it('is equivalent to ref_vti_addr_check for all 55 pairs (IMPL_PA_MSB 62 and 40)', {
    timeout: budget(300_000),
  }, async () => {
    const verdicts: string[] = [];
    for (let va = 51; va <= 60; va++)
      for (let k = 1; va - k >= 50; k++) {
        const pa = (va + k) % 2 ? 62 : 40;
        const o = { ...DEFAULT_CONFIG, implVaMsb: va, guestShrink: k, implPaMsb: pa };
        const r = await checkGeneratedBlock('vti_addr_check', vtiSpec('vti_addr_check', o).files, o);
        verdicts.push(`${va}/${k}/${pa}: ${r.equiv?.verdict ?? 'gate failed'}`);
      }
    expect(verdicts.length).toBe(55);
    expect(verdicts.filter((v) => !v.endsWith('equivalent'))).toEqual([]);
  });
});

describe('vti_fault_prio: edited priority tables', () => {
  const subsets = {
    'first 8 rows': PRIORITY_TABLE.slice(0, 8),
    'the faults of §3 ordering (ranks 25-35)': PRIORITY_TABLE.slice(24, 35),
    'reversed traps and Virtualization': [...PRIORITY_TABLE.slice(51).reverse(), PRIORITY_TABLE[34]!],
    'two rows': [PRIORITY_TABLE[34]!, PRIORITY_TABLE[0]!],
  };
  for (const [name, table] of Object.entries(subsets))
    it(`${name}: generated encoder ≡ reference with the same table`, async () => {
      const files = emitDesign(elaborate(vtiFaultPrio({ table })).design);
      const r = await proveEquivalent({
        gold: { files: { 'ref_vti_fault_prio.v': prioReference(table) }, top: 'ref_vti_fault_prio' },
        gate: { files, top: 'vti_fault_prio' },
      });
      expect(r.verdict, r.table).toBe('equivalent');
    });
  it('a reordered table gives a different encoder (the proof notices)', async () => {
    const table = PRIORITY_TABLE.slice(24, 35);
    const swapped = [table[1]!, table[0]!, ...table.slice(2)];
    const files = emitDesign(elaborate(vtiFaultPrio({ table: swapped })).design);
    const r = await proveEquivalent({
      gold: { files: { 'ref_vti_fault_prio.v': prioReference(table) }, top: 'ref_vti_fault_prio' },
      gate: { files, top: 'vti_fault_prio' },
    });
    expect(r.verdict).toBe('different');
  });
});
