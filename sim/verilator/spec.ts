// The input to the lint gate and the Verilator engine: Verilog text plus the top's
// port list. The eDSL's generator produces exactly this shape, so neither tool
// depends on the eDSL itself.

// The shape is defined once, next to the Verilog backend that produces it.
import type { ModuleSpec } from '../../gen/verilog/index.js';
export type { ModuleSpec, PortSpec } from '../../gen/verilog/index.js';

/** Number of 32-bit words one value of `width` bits occupies in a column. */
export function wordsFor(width: number): number {
  return Math.ceil(width / 32);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Reject specs that would break the tools or escape the work directory, with a
 * message naming the offending field. `who` prefixes the message ('lintVerilog').
 */
export function validateSpec(spec: ModuleSpec, who: string): void {
  const fail = (msg: string): never => {
    throw new Error(`${who}: ${msg}`);
  };
  if (!IDENT.test(spec.top)) fail(`top module name '${spec.top}' is not a Verilog identifier`);
  const names = Object.keys(spec.files);
  if (names.length === 0) fail(`module '${spec.top}' has no files`);
  for (const f of names) {
    if (!FILE_NAME.test(f) || f.includes('..')) fail(`file name '${f}' must be a plain file name (no directories)`);
  }
  const seen = new Set<string>();
  for (const p of spec.ports) {
    if (!IDENT.test(p.name)) fail(`port name '${p.name}' is not a Verilog identifier`);
    if (seen.has(p.name)) fail(`port '${p.name}' is listed twice`);
    seen.add(p.name);
    if (p.dir !== 'input' && p.dir !== 'output')
      fail(`port '${p.name}' has direction '${String(p.dir)}' (expected input or output)`);
    if (!Number.isInteger(p.width) || p.width < 1)
      fail(`port '${p.name}' has width ${p.width} (expected an integer >= 1)`);
  }
  for (const key of ['clock', 'reset'] as const) {
    const n = spec[key];
    if (n === undefined) continue;
    const p = spec.ports.find((q) => q.name === n);
    if (!p) fail(`${key} '${n}' is not a port of '${spec.top}'`);
    else if (p.dir !== 'input' || p.width !== 1) fail(`${key} '${n}' must be a 1-bit input`);
  }
}
