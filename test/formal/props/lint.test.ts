// The checker's Verilog (vti_props, emitted from the eDSL with its properties and the covers'
// negations under `ifdef FORMAL`) is plain Verilog-2005 that Verilator -Wall and Icarus accept
// with the core, so what Yosys proves is not a Yosys-only dialect.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../arch/config.js';
import { checkerDesign, checkerFiles } from '../../../formal/props/sat.js';

describe('checker Verilog', () => {
  for (const vt of [true, false]) {
    it(`lints clean with the core (vt = ${vt})`, () => {
      const dir = join('out', 'formal', `props-lint-${vt ? 'vt' : 'novt'}`);
      mkdirSync(dir, { recursive: true });
      const files = checkerFiles(checkerDesign({ ...DEFAULT_CONFIG, vmImplemented: vt }));
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
