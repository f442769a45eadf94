// vti_fault_prio's winner selection in every shape (hdl/vti/fault-prio-structure.ts: prefix,
// tree, hybrid with several group sizes) proven equivalent to the hand-written reference encoder,
// on the default 56-row table and on odd-sized tables (groups that do not divide the rows,
// unbalanced trees). The default structure is proven by test/formal/generated.test.ts as well.
import { describe, expect, it } from 'vitest';
import { PRIORITY_TABLE } from '../../arch/priority.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { prioReference } from '../../formal/ref/make-prio-ref.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { type FaultPrioOptions, vtiFaultPrio } from '../../hdl/vti/fault-prio.js';

const SHAPES: Record<string, FaultPrioOptions> = {
  prefix: { structure: 'prefix' },
  tree: { structure: 'tree' },
  'hybrid, groups of 3': { structure: 'hybrid', hybridGroup: 3 },
  'hybrid, groups of 4': { structure: 'hybrid', hybridGroup: 4 },
  'hybrid, groups of 8': { structure: 'hybrid', hybridGroup: 8 },
};
const TABLES = {
  'default 56 rows': PRIORITY_TABLE,
  '11 rows (ranks 25-35)': PRIORITY_TABLE.slice(24, 35),
  'one row': [PRIORITY_TABLE[34]!],
};

describe('vti_fault_prio structures ≡ ref_vti_fault_prio', () => {
  for (const [tableName, table] of Object.entries(TABLES))
    for (const [shape, o] of Object.entries(SHAPES))
      it(`${shape}, ${tableName}`, async () => {
        const files = emitDesign(elaborate(vtiFaultPrio({ table, ...o })).design);
        const r = await proveEquivalent({
          gold: { files: { 'ref_vti_fault_prio.v': prioReference(table) }, top: 'ref_vti_fault_prio' },
          gate: { files, top: 'vti_fault_prio' },
        });
        expect(r.verdict, r.table).toBe('equivalent');
      });
  it('a tree that lets the upper half win is found different', async () => {
    const table = PRIORITY_TABLE.slice(24, 35);
    const swapped = [table[1]!, table[0]!, ...table.slice(2)];
    const files = emitDesign(elaborate(vtiFaultPrio({ table: swapped, structure: 'tree' })).design);
    const r = await proveEquivalent({
      gold: { files: { 'ref_vti_fault_prio.v': prioReference(table) }, top: 'ref_vti_fault_prio' },
      gate: { files, top: 'vti_fault_prio' },
    });
    expect(r.verdict).toBe('different');
  });
});
