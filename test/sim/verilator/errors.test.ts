// Clear, exact errors for bad input and for a missing Verilator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildVerilatorModel,
  toolMissingError,
  verilatorAvailable,
  type VerilatedModel,
} from '../../../sim/verilator/index.js';
import { adder64 } from '../../fixtures/verilog/index.js';

describe('Verilator engine errors', () => {
  it('reports a missing Verilator with the install hint', async () => {
    expect(verilatorAvailable()).toBe(true);
    expect(verilatorAvailable('/nonexistent/verilator')).toBe(false);
    await expect(buildVerilatorModel(adder64(), { verilator: '/nonexistent/verilator' })).rejects.toThrow(
      'Verilator not found: install it with `apt-get install verilator`, or use --engine builtin',
    );
    expect(toolMissingError('iverilog').message).toBe(
      'Icarus Verilog (iverilog) not found: install it with `apt-get install iverilog`, or use --engine builtin',
    );
  });

  it('reports a missing C++ compiler by name', async () => {
    // The compiler is part of the cache key, so this never hits the cache.
    await expect(buildVerilatorModel(adder64(), { cxx: '/nonexistent/g++' })).rejects.toThrow(
      "failed: '/nonexistent/g++' not found (a C++ compiler: `apt-get install g++`)",
    );
  });

  it('rejects malformed specs naming the field', async () => {
    const s = adder64();
    await expect(buildVerilatorModel({ ...s, files: { '../x.v': 'module x; endmodule' } })).rejects.toThrow(
      "buildVerilatorModel: file name '../x.v' must be a plain file name (no directories)",
    );
    await expect(buildVerilatorModel({ ...s, clock: 'a' })).rejects.toThrow(
      "buildVerilatorModel: clock 'a' must be a 1-bit input",
    );
    await expect(
      buildVerilatorModel({ ...s, ports: [...s.ports, { name: 'w', dir: 'input', width: 0 }] }),
    ).rejects.toThrow("buildVerilatorModel: port 'w' has width 0 (expected an integer >= 1)");
  });

  it('reports Verilog that does not verilate with the tool output', async () => {
    const bad = {
      top: 'broken',
      files: { 'broken.v': 'module broken(input wire a, output wire y);\n  assign y = ~a\nendmodule\n' },
      ports: [
        { name: 'a', dir: 'input' as const, width: 1 },
        { name: 'y', dir: 'output' as const, width: 1 },
      ],
    };
    await expect(buildVerilatorModel(bad)).rejects.toThrow(
      /verilating broken failed \(exit 1\):[\s\S]*broken\.v:3:1: syntax error/,
    );
  });

  it('names every difference between the port list and the Verilog', async () => {
    const s = adder64();
    const ports = s.ports
      .filter((p) => p.name !== 'eq')
      .map((p) => (p.name === 'sum' ? { ...p, width: 32 } : p.name === 'lt' ? { ...p, dir: 'input' as const } : p));
    await expect(
      buildVerilatorModel({ ...s, ports: [...ports, { name: 'extra', dir: 'output', width: 3 }] }),
    ).rejects.toThrow(
      [
        "buildVerilatorModel: the port list does not match the Verilog of 'adder64':",
        "  - 'sum' has width 64 in the Verilog but 32 in the port list",
        "  - 'lt' is an output in the Verilog but an input in the port list",
        "  - 'extra' is in the port list but is not a port of module adder64",
        "  - 'eq' (output, 1 bits) is a port of module adder64 but missing from the port list",
      ].join('\n'),
    );
  });

  it('turns $stop into a rejected promise instead of exiting Node', async () => {
    const stopper = {
      top: 'stopper',
      files: {
        'stopper.v': [
          'module stopper (input wire clk, input wire go, output reg [3:0] n);',
          '  always @(posedge clk) begin',
          "    n <= n + 4'd1;",
          '    if (go) $stop;',
          '  end',
          'endmodule',
          '',
        ].join('\n'),
      },
      ports: [
        { name: 'clk', dir: 'input' as const, width: 1 },
        { name: 'go', dir: 'input' as const, width: 1 },
        { name: 'n', dir: 'output' as const, width: 4 },
      ],
      clock: 'clk',
    };
    const m = await buildVerilatorModel(stopper);
    const ok = await m.stepBatch({ go: new Uint32Array([0, 0]) }, 2);
    expect(Array.from(ok.n!)).toEqual([1, 2]);
    await expect(m.stepBatch({ go: new Uint32Array([1]) }, 1)).rejects.toThrow('Verilog $stop at src/stopper.v:4');
    await m.close();
  });

  describe('on a built model', () => {
    let m: VerilatedModel;
    beforeAll(async () => {
      m = await buildVerilatorModel(adder64());
    });
    afterAll(async () => {
      await m?.close();
    });

    it('names unknown ports, short columns and wrong types', async () => {
      await expect(m.evalBatch({ c: new Uint32Array(2) }, 1)).rejects.toThrow(
        "evalBatch: 'c' is not an input of adder64 (inputs: a, b, cin)",
      );
      await expect(m.evalBatch({ a: new Uint32Array(3) }, 2)).rejects.toThrow(
        "evalBatch: input 'a' has 3 words, needs 4 (2 × 2 words)",
      );
      await expect(m.evalBatch({ a: [1, 2] as unknown as Uint32Array }, 1)).rejects.toThrow(
        "evalBatch: input 'a' must be a Uint32Array",
      );
      await expect(m.evalBatch({}, 1.5)).rejects.toThrow('evalBatch: count must be a non-negative integer, got 1.5');
      await expect(m.peek('nope')).rejects.toThrow(
        "peek: 'nope' is not a port of adder64 (ports: a, b, cin, sum, cout, lt, eq)",
      );
      expect(() => m.poke('sum', 1n)).toThrow("poke: 'sum' is not an input of adder64 (inputs: a, b, cin)");
      expect(() => m.poke('cin', -1n)).toThrow("poke: value -1 does not fit in 'cin' (1 bits, unsigned)");
    });

    it('refuses clocked operations on a module without a clock', async () => {
      await expect(m.stepBatch({}, 1)).rejects.toThrow(
        "stepBatch: module 'adder64' has no clock (set ModuleSpec.clock)",
      );
      await expect(m.step()).rejects.toThrow("step: module 'adder64' has no clock (set ModuleSpec.clock)");
    });

    it('refuses use after close', async () => {
      const m2 = await buildVerilatorModel(adder64());
      await m2.close();
      await expect(m2.evalBatch({}, 1)).rejects.toThrow("evalBatch: model 'adder64' is closed");
      await m2.close(); // idempotent
    });
  });
});
