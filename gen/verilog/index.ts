// The Verilog backend: one file per module (`<module>.v`), plus the port list of each module
// in the form the simulation engines and lint gate take.
import type { IRDesign, IRModule } from '../../hdl/ir/types.js';
import { emitModule, type EmitOptions } from './module.js';

export interface PortSpec {
  name: string;
  dir: 'input' | 'output';
  width: number;
}

/** Verilog text plus the top's port list: what the lint gate and the simulation engines take. */
export interface ModuleSpec {
  /** Top module name. */
  top: string;
  /** File name → Verilog text (the top and all its children). */
  files: Record<string, string>;
  /** The top's ports. */
  ports: PortSpec[];
  /** Clock input of a sequential module (e.g. 'clk'). */
  clock?: string;
  /** Reset input (documentation only: reset is driven like any other input). */
  reset?: string;
}

export function emitDesign(design: IRDesign, opts: EmitOptions = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const modules = new Map(design.modules.map((m) => [m.name, m]));
  for (const m of design.modules) files[`${m.name}.v`] = emitModule(m, opts, modules);
  return files;
}

export function portsOf(m: IRModule): PortSpec[] {
  return m.signals
    .filter((s) => s.kind === 'input' || s.kind === 'output')
    .map((s) => ({ name: s.name, dir: s.kind as 'input' | 'output', width: s.width }));
}

/** The design as the simulation engines and the lint gate take it. */
export function moduleSpec(design: IRDesign): ModuleSpec {
  const top = design.modules.find((m) => m.name === design.top)!;
  const ports = portsOf(top);
  const spec: ModuleSpec = { top: design.top, files: emitDesign(design), ports };
  if (ports.some((p) => p.name === 'clk' && p.dir === 'input')) spec.clock = 'clk';
  if (ports.some((p) => p.name === 'rst' && p.dir === 'input')) spec.reset = 'rst';
  return spec;
}

export { emitModule };
