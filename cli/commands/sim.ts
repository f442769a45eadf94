// `vti sim`: simulate one generated module (or example design) on random stimulus with either
// engine, optionally writing a VCD; prints cycles/vectors per second.
import { randomSource } from '../../model/blocks/prng.js';
import { portsOf } from '../../gen/verilog/index.js';
import { DEFAULT_CONFIG, VTI_MODULES, vtiDesign, type VtiModuleName } from '../../gen/vti.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { EXAMPLES } from '../../hdl/examples/index.js';
import type { IRDesign } from '../../hdl/ir/types.js';
import { createEngine, type EngineName } from '../../sim/engine.js';
import type { Command } from '../command.js';
import { engineFlag, seedFlag } from '../flags.js';
import { UserError } from '../errors.js';
import { chooseEngine } from './cosim.js';
import { pendingFile } from '../../cache/atomic-write.js';

const DESIGNS = [...VTI_MODULES, ...Object.keys(EXAMPLES)];

export const command: Command = {
  summary: 'simulate a generated module on random stimulus (built-in engine or Verilator), optionally to a VCD',
  usage: '--module NAME [--cycles N] [--seed S] [--engine verilator|builtin] [--vcd FILE] [--json]',
  flags: {
    module: { type: 'choice', choices: DESIGNS, metavar: 'NAME', help: `the design (${DESIGNS.join(', ')})` },
    cycles: { type: 'int', metavar: 'N', help: 'cycles (sequential) or vectors (combinational)', default: 100_000 },
    seed: seedFlag('seed of the random stimulus'),
    engine: engineFlag('simulation engine (default: verilator if installed)'),
    vcd: { type: 'string', metavar: 'FILE', help: 'write a VCD of the run (keep --cycles small)' },
    json: { type: 'bool', help: 'print the result as JSON' },
  },
  async run({ flags }) {
    const name = flags.module as string | undefined;
    if (!name) throw new UserError(`--module is required (one of ${DESIGNS.join(', ')})`, 2);
    const cycles = flags.cycles as number;
    if (cycles < 1 || cycles > 100_000_000)
      throw new UserError(`--cycles must be between 1 and 100000000, got ${cycles}`, 2);
    const design: IRDesign = (VTI_MODULES as readonly string[]).includes(name)
      ? vtiDesign(name as VtiModuleName, DEFAULT_CONFIG)
      : elaborate(EXAMPLES[name]!()).design;
    const engineName: EngineName = chooseEngine(flags.engine as EngineName | undefined);
    const top = design.modules.find((m) => m.name === design.top)!;
    const sequential = top.signals.some((s) => s.kind === 'input' && s.name === 'clk');
    const src = randomSource(flags.seed as number);
    const inputs: Record<string, Uint32Array> = {};
    for (const p of portsOf(top).filter((p) => p.dir === 'input' && p.name !== 'clk')) {
      const nw = Math.ceil(p.width / 32);
      const c = new Uint32Array(cycles * nw);
      src.fill(c);
      const topBits = p.width - 32 * (nw - 1);
      if (topBits < 32) for (let i = nw - 1; i < c.length; i += nw) c[i]! &= (2 ** topBits - 1) >>> 0;
      if (p.name === 'rst') for (let i = 0; i < cycles; i++) c[i] = i === 0 ? 1 : 0;
      inputs[p.name] = c;
    }
    // The VCD is written under a temporary name and renamed once the run is complete.
    const vcd = flags.vcd ? pendingFile(flags.vcd as string) : undefined;
    const t0 = performance.now();
    try {
      const engine = await createEngine(engineName, design, vcd ? { vcd: vcd.tmp } : {});
      try {
        if (sequential) await engine.stepBatch(inputs, cycles);
        else await engine.evalBatch(inputs, cycles);
      } finally {
        await engine.close();
      }
      vcd?.commit();
    } catch (e) {
      vcd?.abort();
      throw vcd ? vcd.naming(e) : e;
    }
    const seconds = (performance.now() - t0) / 1000;
    const result = {
      module: name,
      engine: engineName,
      sequential,
      cycles,
      seconds,
      perSecond: cycles / seconds,
      ...(flags.vcd ? { vcd: flags.vcd } : {}),
    };
    if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else
      process.stdout.write(
        `${name} on ${engineName}: ${cycles.toLocaleString('en-US')} ${sequential ? 'cycles' : 'vectors'} in ${seconds.toFixed(2)} s ` +
          `(${(cycles / seconds / 1e6).toFixed(2)} M/s)${flags.vcd ? `, VCD ${flags.vcd}` : ''}\n`,
      );
    return 0;
  },
};
