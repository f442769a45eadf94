// Properties written in the eDSL (m.assert/assume/cover, past/rose/fell/stable): the IR they
// give, the Verilog (under `ifdef FORMAL`, accepted by Verilator, iverilog and Yosys), the
// run-time check of the built-in simulator (cycle, message, TypeScript line), and the proof
// and cover search in Yosys — on a correct design and on one with an injected fault.
import { describe, expect, it } from 'vitest';
import { checkCovers, proveAsserts } from '../../formal/edsl-properties.js';
import { emitDesign, moduleSpec } from '../../gen/verilog/index.js';
import { defineModule, elaborate, fell, rose } from '../../hdl/dsl/index.js';
import { decadeCounter } from '../../hdl/examples/decade-counter.js';
import { PropertyFailure } from '../../sim/jssim/properties.js';
import { createSimulator } from '../../sim/jssim/sim.js';
import { lintVerilog } from '../../sim/lint/index.js';

const good = elaborate(decadeCounter()).design;
const broken = elaborate(decadeCounter({ bug: 'wraps-at-10' })).design;

describe('properties in the IR and the Verilog', () => {
  it('records each property with its kind, message and guard', () => {
    const props = good.modules[0]!.properties!;
    expect(props.map((p) => [p.kind, p.message, p.enable !== null])).toEqual([
      ['assert', 'the digit stays within 0..9', false],
      ['assert', 'a digit at 9 wraps to 0', true],
      ['assert', 'the digit holds while not enabled', true],
      ['cover', 'the digit carries', true], // after past(): from the second cycle on
    ]);
    expect(props[0]!.loc.file).toBe('hdl/examples/decade-counter.ts');
  });

  it('emits immediate assertions in an always block under `ifdef FORMAL`', () => {
    const v = emitDesign(good)['decade_counter.v']!;
    const block = v.slice(v.indexOf('`ifdef FORMAL'), v.indexOf('`endif') + 6).split('\n');
    expect(block[1]).toBe('  always @(posedge clk) begin');
    expect(block[2]).toMatch(
      /^ {4}assert \(.+\); \/\/ the digit stays within 0\.\.9 \(hdl\/examples\/decade-counter\.ts:\d+\)$/,
    );
    expect(block.filter((l) => /^ {4}if \(.+\) (assert|cover) /.test(l))).toHaveLength(3);
    expect(v.indexOf('`ifdef FORMAL')).toBeLessThan(v.indexOf('endmodule'));
  });

  it('the Verilog is lint-clean in Verilator (both modes) and iverilog', async () => {
    const r = await lintVerilog(moduleSpec(good));
    expect(r.messages).toEqual([]);
    expect(r.clean).toBe(true);
  });

  it('a property condition wider than one bit is reported', () => {
    const bad = defineModule('wide_assert', (m) => {
      m.assert(m.input('a', 2), 'two bits');
    });
    expect(bad.problems.map((p) => p.message)).toEqual(['assert: the condition is 2 bits, expected 1']);
  });
});

describe('properties in the built-in simulator', () => {
  it('the correct design runs 30 enabled cycles without a failure and hits its cover', () => {
    const sim = createSimulator(good);
    sim.poke('rst', 1);
    sim.step();
    sim.poke('rst', 0);
    sim.poke('en', 1);
    sim.step(30);
    expect(sim.peek('digit')).toBe(0n); // 30 steps: 0 → ... → 9 → 0 three times
    expect(sim.coverHits()).toEqual([
      { message: 'the digit carries', wire: '__prop3', cycles: [10, 20, 30].map((c) => c) },
    ]);
  });

  it('the injected fault stops the simulation at the cycle the digit reaches 10', () => {
    const sim = createSimulator(broken);
    sim.poke('rst', 1);
    sim.step();
    sim.poke('rst', 0);
    sim.poke('en', 1);
    let err: unknown;
    try {
      sim.step(20);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PropertyFailure);
    const f = err as PropertyFailure;
    // Reset edge is cycle 0; the digit counts 0..9 on cycles 1..10 and 9 → 10 at the edge of 10.
    expect(f.cycle).toBe(11);
    expect(f.message).toMatch(/^jssim: assertion failed at cycle 11: .+ \(hdl\/examples\/decade-counter\.ts:\d+\)$/);
    expect(['the digit stays within 0..9', 'a digit at 9 wraps to 0'].some((m) => f.message.includes(m))).toBe(true);
  });

  it('rose and fell see the edges of an input', () => {
    const d = defineModule('edges', (m) => {
      const a = m.input('a', 1);
      m.output('up', 1).set(rose(a));
      m.output('down', 1).set(fell(a));
    });
    const sim = createSimulator(elaborate(d).design);
    const seen: string[] = [];
    for (const a of [0, 1, 1, 0, 1]) {
      sim.poke('a', a);
      seen.push(`${sim.peek('up')}${sim.peek('down')}`);
      sim.step();
    }
    // Cycle 0 compares with the register's start value 0.
    expect(seen).toEqual(['00', '10', '00', '01', '10']);
  });
});

describe('properties proved by Yosys', () => {
  it('the correct design: every assertion proven by induction, the cover reachable', async () => {
    expect((await proveAsserts(good)).verdict).toBe('proven');
    const covers = await checkCovers(good, { steps: 14 });
    expect(covers.map((c) => [c.message, c.reachable])).toEqual([['the digit carries', true]]);
    // The witness: reset, then the digit must count up to 9 with en set before it carries.
    const trace = covers[0]!.trace!;
    expect(trace.length).toBeGreaterThanOrEqual(11);
    expect(trace.some((s) => s.carry?.bin === '1')).toBe(true);
  }, 120_000);

  it('the injected fault: the proof fails with a trace that reaches digit 10', async () => {
    const r = await proveAsserts(broken, { maxSteps: 14 });
    expect(r.verdict).toBe('failed');
    expect(r.trace!.some((s) => s.digit?.hex === '0xa')).toBe(true);
  }, 120_000);
});
