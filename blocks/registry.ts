// The four VT-i blocks and, per block, everything the checks need: the eDSL design (hdl/vti),
// the independent reference model and its stimulus (model/blocks), the hand-written reference
// Verilog (formal/ref/) with its parameters, the safety properties, and whether it is clocked.
// Formal, co-simulation, mutation and the report look a block up here; nothing else switches
// on a block name. This file sits above the hardware and the model (it imports both; the model
// never imports the hardware). The design, the reference model, the reference Verilog and the
// emulator are deliberate independent versions of one semantics: only this table joins them.
//
// Adding a block: one entry below, plus its files (hdl/vti/<block>.ts, model/blocks/<block>.ts
// and stim/<block>.ts, formal/ref/ref_<block>.v, its properties in blocks/properties.ts),
// and its line in gen/vti.ts's generator table (the generator's module list).
import { DEFAULT_CONFIG, type VtiConfig } from '../arch/config.js';
import { vtiAddrCheck } from '../hdl/vti/addr-check.js';
import { vtiFaultPrio } from '../hdl/vti/fault-prio.js';
import { vtiPsr } from '../hdl/vti/psr.js';
import { vtiVmsw } from '../hdl/vti/vmsw.js';
import type { HdlModule } from '../hdl/dsl/index.js';
import { createAddrCheckModel } from '../model/blocks/addr-check.js';
import { createFaultPrioModel } from '../model/blocks/fault-prio.js';
import { createPsrModel } from '../model/blocks/psr.js';
import { createVmswModel } from '../model/blocks/vmsw.js';
import type { Columns, Port } from '../model/blocks/columns.js';
import {
  directedAddrCheck,
  directedFaultPrio,
  directedPsrSequence,
  directedVmsw,
  exhaustiveVmsw,
  randomAddrCheck,
  randomFaultPrio,
  randomPsrSequence,
  randomVmsw,
  type Stimulus,
} from '../model/blocks/vectors.js';
import {
  addrCheckProperties,
  faultPrioProperties,
  psrProperties,
  vmswProperties,
  type Property,
} from './properties.js';

export type StimSetName = 'directed' | 'exhaustive' | 'random';

/** One block's co-simulation recipe for a configuration: reference model and stimulus. */
export interface BlockRunner {
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  readonly sequential: boolean;
  /** Reference outputs of `stim`, written into `out` when given (reused buffers). */
  reference(stim: Stimulus, out?: Columns): Columns;
  directed(): { readonly set: StimSetName; readonly stim: Stimulus }[];
  /** Seeded random batch; `into`: input columns to overwrite (reused buffers). */
  random(count: number, seed: number, into?: Columns): Stimulus;
}

export interface BlockEntry<Model, ModelOptions> {
  /** Clocked: proofs are k-induction from reset, the co-simulation runs cycle sequences. */
  readonly sequential: boolean;
  /** The eDSL design of the block (its view of the configuration). */
  readonly design: (c: VtiConfig) => HdlModule;
  /** The independent reference model (model/blocks), with its own (narrow) options. */
  readonly createModel: (o?: ModelOptions) => Model;
  /** Reference model and stimulus sets of the block co-simulation. */
  readonly runner: (c: VtiConfig) => Omit<BlockRunner, 'sequential'>;
  /** The hand-written reference Verilog (module ref_<block>). */
  readonly referenceFile: URL;
  /** The reference's Verilog parameters for a configuration. */
  readonly referenceParams: (c: VtiConfig) => Record<string, number>;
  /** Safety properties over the block's ports (properties.ts). */
  readonly properties: (c: VtiConfig) => Property[];
}

const ref = (block: string) => new URL(`../formal/ref/ref_${block}.v`, import.meta.url);
const vmOnly = (c: VtiConfig) => ({ vmImplemented: c.vmImplemented });
const addrOnly = (c: VtiConfig) => ({ implVaMsb: c.implVaMsb, implPaMsb: c.implPaMsb, guestShrink: c.guestShrink });

/** Checks an entry against BlockEntry while keeping its own model types. */
const entry = <M, O>(e: BlockEntry<M, O>): BlockEntry<M, O> => e;

export const BLOCKS = {
  vti_psr: entry({
    sequential: true,
    design: vtiPsr,
    createModel: createPsrModel,
    runner: (c) => {
      const m = createPsrModel(vmOnly(c));
      return {
        inputs: m.stepInputs,
        outputs: m.stepOutputs,
        // Each stimulus starts with reset, so the reference starts from the RTL's reset state.
        reference: (s, out) => m.stepBatch(new Uint32Array(2), s.inputs, s.count, out),
        directed: () => [{ set: 'directed', stim: directedPsrSequence(vmOnly(c)) }],
        random: (n, seed, into) =>
          randomPsrSequence(n, { seed, resetFirst: true, options: vmOnly(c), ...(into ? { into } : {}) }),
      };
    },
    referenceFile: ref('vti_psr'),
    referenceParams: (c) => ({ VM_IMPLEMENTED: c.vmImplemented ? 1 : 0 }),
    properties: psrProperties,
  }),
  vti_vmsw: entry({
    sequential: false,
    design: vtiVmsw,
    createModel: createVmswModel,
    runner: (c) => {
      const m = createVmswModel(vmOnly(c));
      return {
        inputs: m.inputs,
        outputs: m.outputs,
        reference: (s, out) => m.evalBatch(s.inputs, s.count, out),
        directed: () => [
          { set: 'directed', stim: directedVmsw() },
          { set: 'exhaustive', stim: exhaustiveVmsw() },
        ],
        random: (n, seed, into) => randomVmsw(n, { seed, ...(into ? { into } : {}) }),
      };
    },
    referenceFile: ref('vti_vmsw'),
    referenceParams: (c) => ({ VM_IMPLEMENTED: c.vmImplemented ? 1 : 0 }),
    properties: vmswProperties,
  }),
  vti_addr_check: entry({
    sequential: false,
    design: vtiAddrCheck,
    createModel: createAddrCheckModel,
    // The comparator always has its guest half (the hardware has it whatever VT-i is), so the
    // co-simulation checks it with the address fields only (vmImplemented left at its default).
    runner: (c) => {
      const m = createAddrCheckModel(addrOnly(c));
      return {
        inputs: m.inputs,
        outputs: m.outputs,
        reference: (s, out) => m.evalBatch(s.inputs, s.count, out),
        directed: () => [{ set: 'directed', stim: directedAddrCheck(addrOnly(c)) }],
        random: (n, seed, into) => randomAddrCheck(n, { seed, options: addrOnly(c), ...(into ? { into } : {}) }),
      };
    },
    referenceFile: ref('vti_addr_check'),
    referenceParams: (c) => ({ IMPL_VA_MSB: c.implVaMsb, IMPL_PA_MSB: c.implPaMsb, GUEST_SHRINK: c.guestShrink }),
    properties: addrCheckProperties,
  }),
  vti_fault_prio: entry({
    sequential: false,
    design: () => vtiFaultPrio(),
    createModel: createFaultPrioModel,
    runner: () => {
      const m = createFaultPrioModel();
      return {
        inputs: m.inputs,
        outputs: m.outputs,
        reference: (s, out) => m.evalBatch(s.inputs, s.count, out),
        directed: () => [{ set: 'directed', stim: directedFaultPrio() }],
        random: (n, seed, into) => randomFaultPrio(n, { seed, ...(into ? { into } : {}) }),
      };
    },
    referenceFile: ref('vti_fault_prio'),
    referenceParams: () => ({}), // the reference covers the default 56-row table only
    properties: faultPrioProperties,
  }),
};

export type BlockName = keyof typeof BLOCKS;
export const BLOCK_NAMES: readonly BlockName[] = Object.freeze(Object.keys(BLOCKS) as BlockName[]);

export function isBlock(name: string): name is BlockName {
  return Object.hasOwn(BLOCKS, name);
}

export type BlockModel<K extends BlockName> = ReturnType<(typeof BLOCKS)[K]['createModel']>;
export type BlockModelOptions<K extends BlockName> = NonNullable<Parameters<(typeof BLOCKS)[K]['createModel']>[0]>;

/** The reference model of one block, with that block's own options (defaults: DEFAULT_CONFIG). */
export function createBlockModel<K extends BlockName>(name: K, opts?: BlockModelOptions<K>): BlockModel<K> {
  if (!isBlock(name)) throw new Error(`unknown block '${String(name)}' (known: ${BLOCK_NAMES.join(', ')})`);
  const create = BLOCKS[name].createModel as (o?: BlockModelOptions<K>) => BlockModel<K>;
  return create(opts);
}

/** The block co-simulation recipe of `block` for a configuration. */
export function blockRunner(block: BlockName, c: VtiConfig = DEFAULT_CONFIG): BlockRunner {
  const e = BLOCKS[block];
  return { ...e.runner(c), sequential: e.sequential };
}
