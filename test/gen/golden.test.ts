// Golden files: the IR dump and the Verilog of the counter example are stable text; a change
// to either shows up as a reviewable diff (regenerate with VTI_UPDATE_GOLDEN=1 npm test).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitDesign } from '../../gen/verilog/index.js';
import { generateVti, DEFAULT_CONFIG } from '../../gen/vti.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { counter } from '../../hdl/examples/counter.js';
import { dumpDesign } from '../../hdl/ir/dump.js';

const golden = (name: string, text: string) => {
  const path = new URL(`../golden/${name}`, import.meta.url);
  if (process.env.VTI_UPDATE_GOLDEN) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
};

describe('golden output', () => {
  const { design } = elaborate(counter({ width: 8 }));
  it('IR dump of the counter', () => golden('counter.ir', dumpDesign(design)));
  it('Verilog of the counter', () => golden('counter.v', emitDesign(design)['counter.v']!));
});

describe('determinism', () => {
  it('same options give byte-identical files and manifest', () => {
    const a = generateVti(DEFAULT_CONFIG),
      b = generateVti(DEFAULT_CONFIG);
    expect(Object.keys(a.files).sort()).toEqual([
      'vti_addr_check.v',
      'vti_core.v',
      'vti_fault_prio.v',
      'vti_hdl.core',
      'vti_psr.v',
      'vti_vmsw.v',
    ]);
    for (const f of Object.keys(a.files)) expect(b.files[f], f).toBe(a.files[f]);
    expect(JSON.stringify(b.manifest)).toBe(JSON.stringify(a.manifest));
  });
  it('the manifest lists each module with its ports, options and hash', () => {
    const g = generateVti({ ...DEFAULT_CONFIG, implVaMsb: 55, guestShrink: 2 });
    const addr = g.manifest.modules.find((m) => m.name === 'vti_addr_check')!;
    expect(addr.params).toEqual({ implVaMsb: 55, implPaMsb: 62, guestShrink: 2 });
    expect(addr.ports).toEqual([
      { name: 'addr', dir: 'input', width: 64 },
      { name: 'vm', dir: 'input', width: 1 },
      { name: 'phys', dir: 'input', width: 1 },
      { name: 'unimpl', dir: 'output', width: 1 },
      { name: 'monitor_only', dir: 'output', width: 1 },
    ]);
    expect([...g.manifest.modules.find((m) => m.name === 'vti_core')!.children].sort()).toEqual([
      'vti_addr_check',
      'vti_fault_prio',
      'vti_psr',
      'vti_vmsw',
    ]);
    expect(addr.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(g.files['vti_addr_check.v']).toContain('IMPL_VA_MSB 55 (guest 53)');
  });
  it('names and comments come from the TypeScript source', () => {
    const v = generateVti(DEFAULT_CONFIG).files['vti_vmsw.v']!;
    expect(v).toMatch(/wire switch_allowed; \/\/ hdl\/vti\/vmsw\.ts:\d+/);
    expect(v).not.toMatch(/_GEN_|_T_\d/);
  });
});
