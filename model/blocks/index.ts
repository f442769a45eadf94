// The four block references behind one entry point, looked up by Verilog module name.
import { createAddrCheckModel, type AddrCheckModel, type AddrCheckOptions } from './addr_check.js';
import { createFaultPrioModel, type FaultPrioModel, type FaultPrioOptions } from './fault_prio.js';
import { createPsrModel, type PsrModel, type PsrOptions } from './psr.js';
import { createVmswModel, type VmswModel, type VmswOptions } from './vmsw.js';

export * from './columns.js';
export * from './psr.js';
export * from './vmsw.js';
export * from './addr_check.js';
export * from './fault_prio.js';

export interface BlockModels {
  vti_psr: PsrModel;
  vti_vmsw: VmswModel;
  vti_addr_check: AddrCheckModel;
  vti_fault_prio: FaultPrioModel;
}
export interface BlockOptions {
  vti_psr: PsrOptions;
  vti_vmsw: VmswOptions;
  vti_addr_check: AddrCheckOptions;
  vti_fault_prio: FaultPrioOptions;
}
export type BlockName = keyof BlockModels;
export const BLOCK_NAMES: readonly BlockName[] = Object.freeze(['vti_psr', 'vti_vmsw', 'vti_addr_check', 'vti_fault_prio']);

export function createBlockModel<K extends BlockName>(name: K, opts: BlockOptions[K] = {}): BlockModels[K] {
  switch (name) {
    case 'vti_psr': return createPsrModel(opts as PsrOptions) as BlockModels[K];
    case 'vti_vmsw': return createVmswModel(opts as VmswOptions) as BlockModels[K];
    case 'vti_addr_check': return createAddrCheckModel(opts as AddrCheckOptions) as BlockModels[K];
    case 'vti_fault_prio': return createFaultPrioModel(opts as FaultPrioOptions) as BlockModels[K];
    default: throw new Error(`unknown block '${String(name)}' (known: ${BLOCK_NAMES.join(', ')})`);
  }
}
export * from './compare.js';
