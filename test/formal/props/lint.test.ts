// The checker's own Verilog (vti_spec_facts, vti_props) is plain Verilog-2005 that Verilator
// -Wall and Icarus accept with the core, so what Yosys proves is not a Yosys-only dialect.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkerFiles } from '../../../formal/props/sat.js';
import { DEFAULT_CONFIG, vtiSpec } from '../../../gen/vti.js';

describe('checker Verilog', () => {
  for (const vt of [true, false]) {
    it(`lints clean with the core (vt = ${vt})`, () => {
      const dir = join('out', 'formal', `props-lint-${vt ? 'vt' : 'novt'}`);
      mkdirSync(dir, { recursive: true });
      const files = checkerFiles(vtiSpec('vti_core', { ...DEFAULT_CONFIG, vmImplemented: vt }), {
        ...DEFAULT_CONFIG,
        vmImplemented: vt,
      });
      const paths = Object.entries(files).map(([n, t]) => (writeFileSync(join(dir, n), t), join(dir, n)));
      expect(() =>
        execFileSync('verilator', ['--lint-only', '-Wall', '--top-module', 'vti_props', ...paths], { stdio: 'pipe' }),
      ).not.toThrow();
      expect(() =>
        execFileSync('iverilog', ['-g2005', '-Wall', '-o', join(dir, 'props.vvp'), ...paths], { stdio: 'pipe' }),
      ).not.toThrow();
    });
  }
});
