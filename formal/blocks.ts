// The four VT-i blocks as the formal side sees them: which hand-written reference checks each,
// how generator options map onto the reference's parameters, and whether the proof is
// sequential. Deliberately free of any import from hdl/ or gen/: the references stay
// independent of the generator; callers hand in generated files.
import { readFileSync } from 'node:fs';
import type { DesignRef } from './design.js';
import { proveEquivalent, type EquivResult } from './equiv.js';
import { yosysGate, type GateResult } from './gate.js';

export const BLOCKS = ['vti_psr', 'vti_vmsw', 'vti_addr_check', 'vti_fault_prio'] as const;
export type BlockName = (typeof BLOCKS)[number];

/** Generator options (blocks.md), as the `vti gen` defaults name them. */
export interface BlockOptions {
  readonly vmImplemented?: boolean;
  readonly implVaMsb?: number;
  readonly implPaMsb?: number;
  readonly guestShrink?: number;
}

export function isBlock(name: string): name is BlockName {
  return (BLOCKS as readonly string[]).includes(name);
}

/** The reference's parameters for the given generator options (defaults = blocks.md defaults). */
export function referenceParams(block: BlockName, o: BlockOptions = {}): Record<string, number> {
  switch (block) {
    case 'vti_psr':
    case 'vti_vmsw':
      return { VM_IMPLEMENTED: o.vmImplemented === false ? 0 : 1 };
    case 'vti_addr_check':
      return { IMPL_VA_MSB: o.implVaMsb ?? 60, IMPL_PA_MSB: o.implPaMsb ?? 62, GUEST_SHRINK: o.guestShrink ?? 1 };
    case 'vti_fault_prio':
      return {}; // the reference covers the default 56-row table only
  }
}

export const isSequential = (block: BlockName): boolean => block === 'vti_psr';

/** The hand-written reference of `block`, parameterised for the options. */
export function referenceDesign(block: BlockName, o: BlockOptions = {}): DesignRef {
  const top = `ref_${block}`;
  const text = readFileSync(new URL(`./ref/${top}.v`, import.meta.url), 'utf8');
  return { files: { [`${top}.v`]: text }, top, params: referenceParams(block, o) };
}

export interface BlockCheck {
  readonly block: BlockName;
  readonly gate: GateResult;
  /** Absent when the gate failed (no point proving a design Yosys rejects). */
  readonly equiv?: EquivResult;
}

/** The lint gate, then equivalence against the reference, for one generated block. */
export async function checkGeneratedBlock(
  block: BlockName,
  files: Readonly<Record<string, string>>,
  o: BlockOptions = {},
): Promise<BlockCheck> {
  const gate = await yosysGate(files, block);
  if (!gate.ok) return { block, gate };
  const equiv = await proveEquivalent({
    gold: referenceDesign(block, o),
    gate: { files, top: block },
    sequential: isSequential(block),
  });
  return { block, gate, equiv };
}
