// `vti cosim`: lockstep co-simulation of the generated RTL against the golden model.
// Block level: each VT-i block against its reference (model/blocks) on directed, exhaustive
// and random vectors.
import type { Command } from '../command.js';
import { UserError } from '../errors.js';
import { progressBar, table } from '../progress.js';
import { BLOCK_NAMES, type BlockName } from '../../model/blocks/index.js';
import { cosimBlock, formatMismatch, type BlockCosimResult } from '../../sim/cosim/blocks.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';
import type { EngineName } from '../../sim/engine.js';

export const command: Command = {
  summary: 'co-simulate the generated RTL against the golden model (block level)',
  usage: '[--block NAME] [--vectors N] [--seed S] [--engine verilator|builtin] [--json]',
  flags: {
    block: { type: 'choice', choices: BLOCK_NAMES, metavar: 'NAME', help: `one block (${BLOCK_NAMES.join(', ')}); default all` },
    vectors: { type: 'int', metavar: 'N', help: 'random vectors per block on top of the directed/exhaustive sets', default: 1_000_000 },
    seed: { type: 'int', metavar: 'S', help: 'seed of the random vectors', default: 1 },
    engine: { type: 'choice', choices: ['verilator', 'builtin'], help: 'RTL simulation engine (default: verilator if installed)' },
    json: { type: 'bool', help: 'print results as JSON' },
  },
  async run({ flags }) {
    const engine = chooseEngine(flags.engine as EngineName | undefined);
    const blocks = flags.block ? [flags.block as BlockName] : [...BLOCK_NAMES];
    const results = await runBlockCosim(blocks, engine, flags.vectors as number, flags.seed as number);
    if (flags.json) process.stdout.write(JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v), 2) + '\n');
    else process.stdout.write(formatBlockResults(results));
    return results.some((r) => r.mismatches > 0) ? 1 : 0;
  },
};

export function chooseEngine(requested: EngineName | undefined): EngineName {
  if (requested === 'verilator' && !verilatorAvailable())
    throw new UserError('Verilator not found: install it with `apt-get install verilator`, or use --engine builtin');
  return requested ?? (verilatorAvailable() ? 'verilator' : 'builtin');
}

export async function runBlockCosim(blocks: readonly BlockName[], engine: EngineName, vectors: number, seed: number): Promise<BlockCosimResult[]> {
  const results: BlockCosimResult[] = [];
  for (const b of blocks) {
    const bar = progressBar(`cosim ${b}`);
    results.push(await cosimBlock(b, { engine, vectors, seed, progress: bar.update }));
    bar.done();
  }
  return results;
}

export function formatBlockResults(results: readonly BlockCosimResult[]): string {
  const rows = results.map((r) => [r.block, r.engine, r.vectors.toLocaleString('en-US'), r.directed.toLocaleString('en-US'),
    String(r.mismatches), `${(r.vectors / r.seconds / 1e6).toFixed(2)} M/s`]);
  let s = table(['block', 'engine', 'vectors', 'directed', 'mismatches', 'throughput'], rows);
  for (const r of results) if (r.first) s += `first mismatch in ${r.block}: ${formatMismatch(r.first)}\n`;
  return s;
}
