// The lint gate for every module the project generates: Verilator -Wall (default and
// --language 1364-2005), iverilog -g2005 and Yosys (read_verilog; hierarchy -check; proc;
// check -assert) must report nothing, for the default options, option sweeps and the examples.
import { describe, expect, it } from 'vitest';
import { assertYosysGate } from '../../formal/gate.js';
import { DEFAULT_CONFIG, VTI_MODULES, vtiSpec, type VtiConfig } from '../../gen/vti.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { EXAMPLES } from '../../hdl/examples/index.js';
import { lintVerilog } from '../../sim/lint/index.js';
import type { ModuleSpec } from '../../gen/verilog/index.js';

async function gate(spec: ModuleSpec): Promise<void> {
  const r = await lintVerilog(spec);
  expect(
    r.messages.map((m) => `${m.tool}: ${m.file}:${m.line}: ${m.message}`),
    `lint of ${spec.top}`,
  ).toEqual([]);
  expect(r.runs.map((run) => `${run.tool} exit ${run.exitCode}`).sort()).toEqual([
    'iverilog exit 0',
    'verilator exit 0',
    'verilator-1364-2005 exit 0',
  ]);
  expect(r.clean).toBe(true);
  await assertYosysGate(spec.files, spec.top);
}

const OPTION_SETS: [string, VtiConfig][] = [
  ['defaults', DEFAULT_CONFIG],
  ['no VT', { ...DEFAULT_CONFIG, vmImplemented: false }],
  ['IMPL_VA_MSB 51, IMPL_PA_MSB 31', { ...DEFAULT_CONFIG, implVaMsb: 51, implPaMsb: 31 }],
  ['guest shrink 5', { ...DEFAULT_CONFIG, implVaMsb: 57, guestShrink: 5 }],
];

describe('lint gate: VT-i modules', () => {
  for (const [label, o] of OPTION_SETS)
    for (const name of VTI_MODULES) it(`${name} (${label})`, async () => gate(vtiSpec(name, o)));
});

describe('lint gate: example designs', () => {
  for (const [name, make] of Object.entries(EXAMPLES)) it(name, async () => gate(moduleSpec(elaborate(make()).design)));
});
