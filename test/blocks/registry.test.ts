// The block registry joins four independent versions of each block; these checks catch a
// wrong join (a design, reference model, stimulus or reference Verilog filed under another
// block) and keep the registry and the generator's module list in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../arch/config.js';
import { BLOCK_NAMES, BLOCKS, blockRunner, createBlockModel, isBlock, type BlockName } from '../../blocks/registry.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { emitDesign, portsOf } from '../../gen/verilog/index.js';
import { VTI_MODULES, vtiSpec } from '../../gen/vti.js';

describe('block registry', () => {
  it('lists the generated modules except the core that composes them', () => {
    expect([...BLOCK_NAMES, 'vti_core'].sort()).toEqual([...VTI_MODULES].sort());
    expect(isBlock('vti_vmsw')).toBe(true);
    expect(isBlock('vti_core')).toBe(false);
    expect(isBlock('toString')).toBe(false);
  });

  for (const name of BLOCK_NAMES) {
    it(`${name}: design, reference model and stimulus share the block's ports`, () => {
      const e = BLOCKS[name];
      const top = elaborate(e.design(DEFAULT_CONFIG)).design.modules.find((m) => m.name === name);
      expect(top, `design builds module ${name}`).toBeDefined();
      const ports = portsOf(top!);
      const r = blockRunner(name, DEFAULT_CONFIG);
      const width = (dir: string) =>
        Object.fromEntries(ports.filter((p) => p.dir === dir && p.name !== 'clk').map((p) => [p.name, p.width]));
      expect(Object.fromEntries(r.inputs.map((p) => [p.name, p.width]))).toEqual(width('input'));
      expect(Object.fromEntries(r.outputs.map((p) => [p.name, p.width]))).toEqual(width('output'));
      expect(r.sequential).toBe(ports.some((p) => p.name === 'clk'));
      for (const d of r.directed())
        expect(Object.keys(d.stim.inputs).sort()).toEqual(r.inputs.map((p) => p.name).sort());
    });

    it(`${name}: the registry's design is the one the generator emits`, () => {
      const c = { ...DEFAULT_CONFIG, vmImplemented: false, implVaMsb: 57, guestShrink: 2 };
      expect(emitDesign(elaborate(BLOCKS[name].design(c)).design)).toEqual(vtiSpec(name, c).files);
    });

    it(`${name}: the reference Verilog is ref_${name} with the parameters the registry gives it`, () => {
      const e = BLOCKS[name];
      const text = readFileSync(e.referenceFile, 'utf8');
      expect(text).toMatch(new RegExp(`\\bmodule\\s+ref_${name}\\b`));
      for (const p of Object.keys(e.referenceParams(DEFAULT_CONFIG)))
        expect(text).toMatch(new RegExp(`\\bparameter\\b[^;]*\\b${p}\\b`));
    });
  }

  it('configures each block from the one configuration', () => {
    const noVt = { ...DEFAULT_CONFIG, vmImplemented: false };
    expect(BLOCKS.vti_psr.referenceParams(noVt)).toEqual({ VM_IMPLEMENTED: 0 });
    expect(BLOCKS.vti_addr_check.referenceParams({ ...DEFAULT_CONFIG, implVaMsb: 55, guestShrink: 3 })).toEqual({
      IMPL_VA_MSB: 55,
      IMPL_PA_MSB: 62,
      GUEST_SHRINK: 3,
    });
    expect(BLOCKS.vti_psr.properties(noVt).map((p) => p.name)).toContain('vm is tied to 0 without VT-i');
    expect(BLOCKS.vti_psr.properties(DEFAULT_CONFIG).map((p) => p.name)).not.toContain('vm is tied to 0 without VT-i');
    expect(createBlockModel('vti_vmsw', { vmImplemented: false }).options).toEqual({ vmImplemented: false });
  });

  it('rejects a name that is not a block, at compile time and at run time', () => {
    // @ts-expect-error: a typo in a block name does not compile
    const typo: BlockName = 'vti_vmsww';
    expect(() => createBlockModel(typo)).toThrow(
      "unknown block 'vti_vmsww' (known: vti_psr, vti_vmsw, vti_addr_check, vti_fault_prio)",
    );
  });
});
