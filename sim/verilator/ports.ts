// Cross-check of the given port list against the ports Verilator found in the Verilog,
// so a mismatch is reported by name instead of as a C++ compile error in the addon.
import type { ModuleSpec } from './spec.js';

export interface VerilatedPort {
  name: string;
  dir: 'input' | 'output' | 'inout';
  width: number;
}

// V<top>.h declares e.g. `VL_IN8(&cin,0,0);`, `VL_OUT64(&sum,63,0);`, `VL_INW(&a,69,0,3);`
const PORT_DECL = /VL_(IN|OUT|INOUT)(?:8|16|64|W)?\(&(\w+),(\d+),(\d+)(?:,\d+)?\);/g;

/** The top's ports as declared in Verilator's model header. */
export function portsFromHeader(header: string): VerilatedPort[] {
  const out: VerilatedPort[] = [];
  for (const m of header.matchAll(PORT_DECL)) {
    const dir = m[1] === 'IN' ? 'input' : m[1] === 'OUT' ? 'output' : 'inout';
    out.push({ name: m[2]!, dir, width: Number(m[3]) - Number(m[4]) + 1 });
  }
  return out;
}

/** Human-readable differences between the spec's port list and the verilated ports. */
export function portProblems(spec: ModuleSpec, actual: VerilatedPort[]): string[] {
  const problems: string[] = [];
  const byName = new Map(actual.map((p) => [p.name, p]));
  for (const p of spec.ports) {
    const a = byName.get(p.name);
    if (!a) problems.push(`'${p.name}' is in the port list but is not a port of module ${spec.top}`);
    else if (a.dir !== p.dir)
      problems.push(`'${p.name}' is an ${a.dir} in the Verilog but an ${p.dir} in the port list`);
    else if (a.width !== p.width)
      problems.push(`'${p.name}' has width ${a.width} in the Verilog but ${p.width} in the port list`);
  }
  const listed = new Set(spec.ports.map((p) => p.name));
  for (const a of actual) {
    if (!listed.has(a.name))
      problems.push(
        `'${a.name}' (${a.dir}, ${a.width} bits) is a port of module ${spec.top} but missing from the port list`,
      );
  }
  return problems;
}
