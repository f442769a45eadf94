// The blocks compared with their hand-written versions (bench/rtl/hand_<block>.v): each as the
// generator emits it (default configuration) and as written by hand, with the same ports.
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type VtiModuleName, vtiDesign } from '../../gen/vti.js';
import { emitDesign } from '../../gen/verilog/index.js';
import type { Design } from './measure.js';

/** Blocks with a hand-written version; sequential ones are compared by induction from reset. */
export const HAND_WRITTEN = [
  { block: 'vti_psr', sequential: true },
  { block: 'vti_vmsw', sequential: false },
  { block: 'vti_addr_check', sequential: false },
  { block: 'vti_fault_prio', sequential: false },
] as const satisfies readonly { block: VtiModuleName; sequential: boolean }[];

export function generated(block: VtiModuleName): Design {
  const design = vtiDesign(block, DEFAULT_CONFIG);
  const ir = design.modules.find((m) => m.name === block);
  if (!ir) throw new Error(`bench/rtl: the generator made no module ${block}`);
  return { files: emitDesign(design), top: block, ir };
}

/** The hand-written version in `dir`; its ports are the generated module's (`ir` renamed). */
export function handWritten(dir: string, block: VtiModuleName): Design {
  const top = `hand_${block}`;
  const file = `${top}.v`;
  const { ir } = generated(block);
  return { files: { [file]: readFileSync(`${dir}/${file}`, 'utf8') }, top, ir: { ...ir, name: top } };
}
