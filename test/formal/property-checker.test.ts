// The block properties' checker module: built with the eDSL from blocks/properties.ts and
// emitted by gen/verilog, one assertion per sentence; the prover proves its `ok`.
import { describe, expect, it } from 'vitest';
import type { Property } from '../../blocks/properties.js';
import { past } from '../../hdl/dsl/index.js';
import { blockProperties } from '../../formal/blocks.js';
import { CHECKER_TOP, propertyCheckerFiles } from '../../formal/property-checker.js';
import { proveProperties } from '../../formal/property-prover.js';

const ports = [
  { name: 'clk', dir: 'input', width: 1 },
  { name: 'rst', dir: 'input', width: 1 },
  { name: 'a', dir: 'input', width: 4 },
  { name: 'y', dir: 'output', width: 4 },
] as const;

describe('property checker', () => {
  it('has an input per design port and an assertion per sentence of the block', () => {
    const props = blockProperties('vti_psr');
    const text = propertyCheckerFiles(
      [
        { name: 'clk', dir: 'input', width: 1 },
        { name: 'rst', dir: 'input', width: 1 },
        { name: 'op', dir: 'input', width: 4 },
        { name: 'slot', dir: 'input', width: 2 },
        { name: 'rsv_fault', dir: 'input', width: 1 },
        { name: 'psr', dir: 'output', width: 64 },
        { name: 'ipsr_save', dir: 'output', width: 64 },
      ],
      props,
    )[`${CHECKER_TOP}.v`]!;
    expect(text).toMatch(/input\s+wire \[63:0\] psr\b/);
    const asserted = [...text.matchAll(/assert \(\w+\); \/\/ (.*) \(formal\//g)].map((x) => x[1]);
    expect(asserted.sort()).toEqual(props.map((p) => p.name).sort());
  });

  it('names a port a property needs but the design lacks', () => {
    const p: Property = { name: 'uses b', holds: (s) => s('b').eq(0) };
    expect(() => propertyCheckerFiles(ports, [p])).toThrow(/no port 'b'/);
  });

  it('past() is the value one clock earlier: y follows a by one cycle holds, y == a fails', async () => {
    const reg = `module r(input clk, input rst, input [3:0] a, output reg [3:0] y);
  always @(posedge clk) y <= a;
endmodule
`;
    const r = await proveProperties(
      { files: { 'r.v': reg }, top: 'r' },
      [
        { name: 'y is a one cycle later', holds: (s) => s('y').eq(past(s('a'))) },
        { name: 'y is a', holds: (s) => s('y').eq(s('a')) },
      ],
      { sequential: true },
    );
    expect(r.map((x) => [x.name, x.verdict])).toEqual([
      ['y is a one cycle later', 'holds'],
      ['y is a', 'fails'],
    ]);
  });
});
