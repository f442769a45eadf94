// eDSL properties checked during simulation on both engines: the built-in simulator reads its
// probe wires before each edge; the Verilator engine builds the design with the properties as
// extra outputs (sim/property-outputs.ts). The same run stops at the same cycle with the same
// message and TypeScript line on both, through the testbench API and through stepBatch.
import { describe, expect, it } from 'vitest';
import { defineModule, elaborate } from '../../hdl/dsl/index.js';
import { decadeCounter } from '../../hdl/examples/decade-counter.js';
import { createEngine, ENGINES } from '../../sim/engine.js';
import { PropertyFailure } from '../../sim/jssim/properties.js';
import { propertyOutputs } from '../../sim/property-outputs.js';
import { testbench } from '../../sim/testbench.js';

const good = elaborate(decadeCounter()).design;
const broken = elaborate(decadeCounter({ bug: 'wraps-at-10' })).design;

async function failure(run: () => Promise<void>): Promise<PropertyFailure> {
  let err: unknown;
  try {
    await run();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PropertyFailure);
  return err as PropertyFailure;
}

describe('properties as outputs for a port-level engine', () => {
  it('every property of every module becomes a top output, routed through the instances', () => {
    const { design, outputs } = propertyOutputs(good);
    expect(outputs.map((o) => [o.port, o.kind, o.clocked, o.path])).toEqual([
      ['vti_prop_0', 'assert', true, ''],
      ['vti_prop_1', 'assert', true, ''],
      ['vti_prop_2', 'assert', true, ''],
      ['vti_prop_3', 'cover', true, ''],
    ]);
    expect(outputs[0]!.message).toBe('the digit stays within 0..9');
    expect(outputs[0]!.loc.file).toBe('hdl/examples/decade-counter.ts');
    const top = design.modules.find((m) => m.name === design.top)!;
    expect(top.signals.filter((s) => s.kind === 'output').map((s) => s.name)).toContain('vti_prop_3');
  });
});

for (const engine of ENGINES) {
  describe(`properties checked during simulation: ${engine}`, () => {
    it('the correct design runs 30 enabled cycles without a failure', async () => {
      const tb = await testbench(good, { engine });
      tb.poke('rst', 1);
      await tb.step();
      tb.poke('rst', 0);
      tb.poke('en', 1);
      await tb.step(30);
      await tb.expect('digit', 0);
      await tb.close();
    });

    it('the injected fault stops the testbench at the cycle the digit reaches 10, naming the line', async () => {
      const tb = await testbench(broken, { engine });
      tb.poke('rst', 1);
      await tb.step();
      tb.poke('rst', 0);
      tb.poke('en', 1);
      const f = await failure(() => tb.step(20));
      await tb.close();
      // Reset edge is cycle 0; the digit counts 0..9 on cycles 1..10 and 9 → 10 at the edge of 10.
      expect(f.cycle).toBe(11);
      const prefix = engine === 'builtin' ? 'jssim' : 'verilator';
      expect(f.message).toMatch(
        new RegExp(`^${prefix}: assertion failed at cycle 11: .+ \\(hdl/examples/decade-counter\\.ts:\\d+\\)$`),
      );
      expect(f.message).toMatch(/the digit stays within 0\.\.9|a digit at 9 wraps to 0/);
    });

    it('a property inside an instance is reported with the instance path', async () => {
      const child = decadeCounter({ bug: 'wraps-at-10' });
      const top = defineModule('two_digits', (m) => {
        const en = m.input('en', 1);
        const u = m.instance('u_low', child, { clk: m.clock(), rst: m.reset(), en });
        m.output('low', 4).set(u.digit);
      });
      const tb = await testbench(elaborate(top).design, { engine });
      tb.poke('rst', 1);
      await tb.step();
      tb.poke('rst', 0);
      tb.poke('en', 1);
      const f = await failure(() => tb.step(20));
      await tb.close();
      expect(f.cycle).toBe(11);
      expect(f.message).toMatch(/\(hdl\/examples\/decade-counter\.ts:\d+\) in u_low$/);
    });
  });
}

describe('the Verilator engine checks in a batch, cycle by cycle', () => {
  it('stepBatch throws at the first failing cycle of the batch', async () => {
    const e = await createEngine('verilator', broken);
    const n = 20;
    const rst = new Uint32Array(n);
    rst[0] = 1;
    const f = await failure(async () => {
      await e.stepBatch({ rst, en: new Uint32Array(n).fill(1) }, n);
    });
    await e.close();
    // Cycle 0 is the reset edge; enabled from cycle 1 the digit reaches 10 after the edge of 10.
    expect(f.cycle).toBe(11);
  });
});
