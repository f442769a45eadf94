// vti_fault_prio's winner selection in each shape (hdl/vti/fault-prio-structure.ts) on the
// default table: the figures that chose the default (smallest iCE40 LUT4 × LUT depth).
import { emitDesign } from '../../gen/verilog/index.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { type FaultPrioOptions, vtiFaultPrio } from '../../hdl/vti/fault-prio.js';
import type { Design } from './measure.js';

export const SHAPES: readonly { readonly name: string; readonly options: FaultPrioOptions }[] = [
  { name: 'prefix', options: { structure: 'prefix' } },
  { name: 'tree', options: { structure: 'tree' } },
  ...[2, 4, 8, 16].map((g) => ({
    name: `hybrid, groups of ${g}`,
    options: { structure: 'hybrid', hybridGroup: g } as const,
  })),
];

export function shape(options: FaultPrioOptions): Design {
  const { design } = elaborate(vtiFaultPrio(options));
  return { files: emitDesign(design), top: 'vti_fault_prio', ir: design.modules[0]! };
}
