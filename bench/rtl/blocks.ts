// The blocks compared with their hand-written versions (bench/rtl/hand_<block>.v): each as the
// generator emits it (default configuration) and as written by hand, with the same ports.
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type VtiModuleName, vtiDesign } from '../../gen/vti.js';
import { emitDesign } from '../../gen/verilog/index.js';
import type { Design } from './measure.js';

/**
 * Blocks with a hand-written version. `proof`: 'comb' a combinational miter, 'induction' the
 * miter by k-induction from reset, 'matched' the induction over state matched by name
 * (equiv-matched.ts; vti_core keeps state no output shows for many cycles). `uses`: the other
 * hand-written modules it instantiates.
 */
export const HAND_WRITTEN = [
  { block: 'vti_psr', proof: 'induction', uses: [] },
  { block: 'vti_vmsw', proof: 'comb', uses: [] },
  { block: 'vti_addr_check', proof: 'comb', uses: [] },
  { block: 'vti_fault_prio', proof: 'comb', uses: [] },
  { block: 'vti_core', proof: 'matched', uses: ['vti_vmsw', 'vti_addr_check', 'vti_fault_prio'] },
] as const satisfies readonly {
  block: VtiModuleName;
  proof: 'comb' | 'induction' | 'matched';
  uses: readonly VtiModuleName[];
}[];

export function generated(block: VtiModuleName): Design {
  const design = vtiDesign(block, DEFAULT_CONFIG);
  const ir = design.modules.find((m) => m.name === block);
  if (!ir) throw new Error(`bench/rtl: the generator made no module ${block}`);
  return { files: emitDesign(design), top: block, ir };
}

/**
 * The hand-written version in `dir` with the hand-written modules it `uses`; its ports are the
 * generated module's (`ir` renamed).
 */
export function handWritten(dir: string, block: VtiModuleName, uses: readonly VtiModuleName[] = []): Design {
  const top = `hand_${block}`;
  const { ir } = generated(block);
  const files = Object.fromEntries(
    [block, ...uses].map((b) => [`hand_${b}.v`, readFileSync(`${dir}/hand_${b}.v`, 'utf8')]),
  );
  return { files, top, ir: { ...ir, name: top } };
}
