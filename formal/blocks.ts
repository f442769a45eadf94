// The four VT-i blocks as the formal side sees them: the lint gate, then an equivalence proof of
// the generated block against its hand-written reference (formal/ref/, parameterised for the
// configuration), and the block's safety properties. Which reference, which parameters, which
// properties and whether the proof is sequential come from the block registry
// (blocks/registry.ts). The references stay independent of the generator: callers hand in the
// generated files, and nothing here builds a design.
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type VtiConfig } from '../arch/config.js';
import { BLOCKS, type BlockName } from '../blocks/registry.js';
import type { Property } from './property-prover.js';
import type { DesignRef } from './design.js';
import { proveEquivalent, type EquivResult } from './equiv.js';
import { yosysGate, type GateResult } from './gate.js';

/** The hand-written reference of `block`, parameterised for the configuration. */
export function referenceDesign(block: BlockName, c: VtiConfig = DEFAULT_CONFIG): DesignRef {
  const top = `ref_${block}`;
  const text = readFileSync(BLOCKS[block].referenceFile, 'utf8');
  return { files: { [`${top}.v`]: text }, top, params: BLOCKS[block].referenceParams(c) };
}

/** The safety properties of `block` for the configuration. */
export function blockProperties(block: BlockName, c: VtiConfig = DEFAULT_CONFIG): Property[] {
  return BLOCKS[block].properties(c);
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
  c: VtiConfig = DEFAULT_CONFIG,
): Promise<BlockCheck> {
  const gate = await yosysGate(files, block);
  if (!gate.ok) return { block, gate };
  const equiv = await proveEquivalent({
    gold: referenceDesign(block, c),
    gate: { files, top: block },
    sequential: BLOCKS[block].sequential,
  });
  return { block, gate, equiv };
}
