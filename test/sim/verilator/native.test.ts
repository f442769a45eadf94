// The addon's hand-written C++ (sim/verilator/native/) compiles without one warning under
// -Wall -Wextra (plus the warnings switched off for Verilator's own code), for a model with
// every kind of port: 1..8, 9..16, 17..32, 33..64 and wide bits, with and without a clock,
// tracing and coverage. Verilator's and Node's headers are system headers here: their
// warnings are not the project's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget } from '../../budget.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ADDON_MAIN, addonSources, NATIVE_DIR, nativeSources } from '../../../sim/verilator/addon-sources.js';
import { nodeIncludeDir } from '../../../sim/verilator/build.js';
import { run, runChecked } from '../../../sim/verilator/exec.js';
import { PORT_TABLE_FILE, portTableHeader } from '../../../sim/verilator/port-table.js';
import { baseCxxFlags, VERILATED_CODE_QUIET, verilatorRoot } from '../../../sim/verilator/runtime.js';
import type { ModuleSpec } from '../../../sim/verilator/spec.js';

const probe: ModuleSpec = {
  top: 'native_probe',
  files: {
    'native_probe.v': `module native_probe (
  input wire clk, input wire [6:0] a, input wire [15:0] b, input wire [39:0] c, input wire [99:0] d,
  output reg [31:0] y, output wire [63:0] z, output wire [99:0] w, output wire o);
  always @(posedge clk) y <= {a, b, 9'd0} ^ c[31:0];
  assign z = {c[39:8], y};
  assign w = d ^ {36'd0, z};
  assign o = ^d;
endmodule
`,
  },
  ports: [
    { name: 'clk', dir: 'input', width: 1 },
    { name: 'a', dir: 'input', width: 7 },
    { name: 'b', dir: 'input', width: 16 },
    { name: 'c', dir: 'input', width: 40 },
    { name: 'd', dir: 'input', width: 100 },
    { name: 'y', dir: 'output', width: 32 },
    { name: 'z', dir: 'output', width: 64 },
    { name: 'w', dir: 'output', width: 100 },
    { name: 'o', dir: 'output', width: 1 },
  ],
  clock: 'clk',
};

const CXX = process.env.CXX ?? 'g++';
let work = '';
let flags: string[] = [];

describe('the addon C++ (sim/verilator/native)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'vti-native-'));
    writeFileSync(join(work, 'native_probe.v'), probe.files['native_probe.v']!);
    await runChecked(
      'verilating the probe',
      'verilator',
      ['--cc', '--trace', '--coverage', '--Mdir', 'obj', 'native_probe.v'],
      work,
    );
    const root = verilatorRoot('verilator');
    flags = [
      // The model's own flags, minus the include paths (system headers below) and the warnings
      // switched off for Verilator's code (the unity file turns them on again for the addon).
      ...baseCxxFlags(root).filter((f) => !f.startsWith('-I') && !f.startsWith('-Wno-')),
      `-isystem${root}/include`,
      `-isystem${root}/include/vltstd`,
      `-isystem${nodeIncludeDir()}`,
      `-isystem${join(work, 'obj')}`,
      '-Wall',
      '-Wextra',
      ...VERILATED_CODE_QUIET.map((w) => `-W${w}`),
      '-Werror',
      '-fsyntax-only',
    ];
  }, budget(60_000));
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const configs = [
    { name: 'clocked, trace and coverage', spec: probe, trace: true, coverage: true },
    { name: 'no clock, no trace, no coverage', spec: { ...probe, clock: undefined }, trace: false, coverage: false },
  ];
  it.each(configs)(
    'compiles warning-free: $name',
    async ({ name, spec, trace, coverage }) => {
      const dir = join(work, name.replace(/\W+/g, '_'));
      mkdirSync(dir);
      for (const [f, text] of addonSources(spec, { trace, coverage })) writeFileSync(join(dir, f), text);
      const r = await run(CXX, [...flags, `-DVM_TRACE=${trace ? 1 : 0}`, `-I${dir}`, join(dir, ADDON_MAIN)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    budget(60_000),
  );

  it('the same flags do report a warning (the check above can fail)', async () => {
    const file = join(work, 'warns.cc');
    writeFileSync(file, '#include "port_io.h"\nint probe(int unused) { return vti::mask32(3); }\n');
    const r = await run(CXX, [...flags, `-I${NATIVE_DIR}`, file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('-Werror=unused-parameter');
  });
});

describe('the addon sources', () => {
  it('are every native/ file as it is on disk plus the generated port table', () => {
    const files = new Map(addonSources(probe, { trace: false }));
    expect(nativeSources().map(([f]) => f)).toEqual(expect.arrayContaining([ADDON_MAIN, 'port_io.h']));
    for (const [f] of nativeSources()) expect(files.get(f)).toBe(readFileSync(join(NATIVE_DIR, f), 'utf8'));
    expect([...files.keys()].sort()).toEqual([...nativeSources().map(([f]) => f), PORT_TABLE_FILE].sort());
  });

  it('the port table lists inputs and outputs in port order, with the clock and the build switches', () => {
    const h = portTableHeader(probe, { trace: true });
    expect(h).toContain('#define VTI_MODEL Vnative_probe\n');
    expect(h).toContain(
      '#define VTI_TRACE 1\n#define VTI_COVERAGE 0\n#define VTI_CLOCK clk\n#define VTI_CLOCK_INDEX 0\n',
    );
    expect(h).toContain(
      '#define VTI_INPUTS(X) \\\n  X(0, clk, 1) \\\n  X(1, a, 7) \\\n  X(2, b, 16) \\\n  X(3, c, 40) \\\n  X(4, d, 100)\n',
    );
    expect(h).toContain(
      '#define VTI_OUTPUTS(X) \\\n  X(0, y, 32) \\\n  X(1, z, 64) \\\n  X(2, w, 100) \\\n  X(3, o, 1)\n',
    );
    const comb = portTableHeader({ ...probe, clock: undefined }, { trace: false });
    expect(comb).not.toContain('#define VTI_CLOCK ');
    expect(comb).toContain('#define VTI_CLOCK_INDEX -1\n');
  });
});
