// The built-in simulator against Verilator on random stimulus for every example design and
// the VT-i core: the same columns into both engines, every output compared every cycle.
import { randomFillSync } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { portsOf } from '../../gen/verilog/index.js';
import { vtiDesign } from '../../gen/vti.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { EXAMPLES } from '../../hdl/examples/index.js';
import type { IRDesign } from '../../hdl/ir/types.js';
import { bothEngines, expectSameOutputs, wordsOf } from '../hdl/vti/harness.js';
import type { Engine } from '../../sim/engine.js';

const open: Engine[] = [];
afterAll(async () => {
  for (const e of open) await e.close();
});

/** Random columns for the design's inputs; reset asserted in cycle 0 and then 1 cycle in 64. */
function stimulus(design: IRDesign, count: number): Record<string, Uint32Array> {
  const top = design.modules.find((m) => m.name === design.top)!;
  const cols: Record<string, Uint32Array> = {};
  for (const p of portsOf(top).filter((p) => p.dir === 'input' && p.name !== 'clk')) {
    const nw = wordsOf(p.width);
    const c = randomFillSync(new Uint32Array(count * nw));
    const topBits = p.width - 32 * (nw - 1);
    if (topBits < 32) for (let i = nw - 1; i < c.length; i += nw) c[i]! &= (2 ** topBits - 1) >>> 0;
    if (p.name === 'rst') for (let i = 0; i < count; i++) c[i] = i === 0 || (c[i]! & 63) === 0 ? 1 : 0;
    cols[p.name] = c;
  }
  return cols;
}

async function compare(name: string, design: IRDesign, count: number): Promise<void> {
  const [builtin, verilator] = await bothEngines(design);
  open.push(builtin!, verilator!);
  const top = design.modules.find((m) => m.name === design.top)!;
  const outputs = portsOf(top)
    .filter((p) => p.dir === 'output')
    .map((p) => ({ ...p, words: wordsOf(p.width) }));
  const sequential = top.signals.some((s) => s.kind === 'input' && s.name === 'clk');
  const inputs = stimulus(design, count);
  const run = (e: Engine) => (sequential ? e.stepBatch(inputs, count) : e.evalBatch(inputs, count));
  expectSameOutputs(`${name}: builtin vs verilator`, outputs, await run(verilator!), await run(builtin!), count);
}

describe('built-in simulator vs Verilator', () => {
  for (const [name, make] of Object.entries(EXAMPLES))
    it(`example ${name}, 20 000 random cycles`, async () => compare(name, elaborate(make()).design, 20_000));
  it('vti_core, 20 000 random cycles', async () => compare('vti_core', vtiDesign('vti_core'), 20_000));
});
