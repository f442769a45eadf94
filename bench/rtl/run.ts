// Every VT-i block against an idiomatic hand-written Verilog version (bench/rtl/hand_*.v), and
// vti_fault_prio's selection shapes against each other (issue 18, item 3). Each hand-written
// block is first proven equivalent to the generated one (Yosys; by induction from reset for
// vti_psr, by induction over name-matched state for vti_core: equiv-matched.ts; a proof that
// passed for the same Verilog is taken from the proof cache, proof.ts), then both are
// synthesized with the project's flow (`vti gen --stats` figures) and, with --fpga, placed and
// routed out of context on the HX8K (nextpnr-ice40, median of 3 seeds, the P&R cache).
//   nice -n 10 npx tsx bench/rtl/run.ts [--fpga] [--write] [--only B,…] [--skip B,…]
// --only / --skip choose the blocks (the shapes table goes with vti_fault_prio); --write records
// the measured rows in results.json (the other rows stay) and puts the tables into README.md.
// vti_core's row alone (its proof takes 15–40 min):
//   nice -n 10 npx tsx bench/rtl/run.ts --fpga --write --only vti_core
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { DEFAULT_FAULT_PRIO_STRUCTURE, DEFAULT_HYBRID_GROUP } from '../../hdl/vti/fault-prio.js';
import { generated, HAND_WRITTEN, handWritten } from './blocks.js';
import { SHAPES, shape } from './fault-prio.js';
import { measure } from './measure.js';
import { proveBlock } from './proof.js';
import {
  type BlockRecord,
  type Measured,
  readResults,
  renderResults,
  type ShapeRecord,
  writeResults,
} from './results.js';

const here = dirname(fileURLToPath(import.meta.url));
const BLOCKS: readonly string[] = HAND_WRITTEN.map((b) => b.block);

function fail(message: string): never {
  process.stderr.write(`bench/rtl: ${message}\n`);
  process.exit(2);
}

const { values: flags } = (() => {
  try {
    return parseArgs({
      options: {
        fpga: { type: 'boolean' },
        write: { type: 'boolean' },
        only: { type: 'string' },
        skip: { type: 'string' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
const list = (s: string | undefined) => {
  const names = (s ?? '').split(',').filter(Boolean);
  for (const n of names) if (!BLOCKS.includes(n)) fail(`unknown block ${n} (blocks: ${BLOCKS.join(', ')})`);
  return names;
};
const only = list(flags.only);
const skip = list(flags.skip);
const chosen = BLOCKS.filter((b) => (only.length === 0 || only.includes(b)) && !skip.includes(b));
if (chosen.length === 0) fail('--only/--skip leave no block to measure');
if (flags.write && !flags.fpga) fail('--write records the tables with Fmax: add --fpga');

const fpga = flags.fpga === true;
const seeds = fpga ? [1, 2, 3] : undefined;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const measured = (loadBefore: string): Measured => ({
  day: new Date().toISOString().slice(0, 10),
  machine,
  load: `${loadBefore} before / ${load()} after`,
  fpga,
});

const blocks: Record<string, BlockRecord> = {};
for (const { block, proof, uses } of HAND_WRITTEN) {
  if (!chosen.includes(block)) continue;
  const before = load();
  const gen = generated(block);
  const hand = handWritten(here, block, uses);
  const eq = await proveBlock(gen, hand, proof);
  if (eq.verdict !== 'equivalent')
    fail(`hand_${block} is ${eq.verdict}, not equivalent to the generated ${block}\n${eq.detail}`);
  const [g, h] = [await measure(gen, seeds), await measure(hand, seeds)];
  blocks[block] = { ...measured(before), proof: eq.detail, eDSL: g, hand: h };
  console.log(
    `${block}: eDSL ${JSON.stringify(g)} hand ${JSON.stringify(h)} (equivalent${eq.cached ? ', proof cached' : ''}: ${eq.detail})`,
  );
}

let shapes: (Measured & { rows: ShapeRecord[] }) | undefined;
if (chosen.includes('vti_fault_prio')) {
  const before = load();
  const rows: ShapeRecord[] = [];
  for (const s of SHAPES) {
    const figures = await measure(shape(s.options), seeds);
    const isDefault =
      s.options.structure === DEFAULT_FAULT_PRIO_STRUCTURE &&
      (s.options.structure !== 'hybrid' || s.options.hybridGroup === DEFAULT_HYBRID_GROUP);
    rows.push({ name: s.name, isDefault, figures });
    console.log(`fault_prio ${s.name}: ${JSON.stringify(figures)}`);
  }
  shapes = { ...measured(before), rows };
}

const resultsFile = `${here}/results.json`;
const recorded = readResults(resultsFile);
const results = {
  blocks: Object.fromEntries(
    BLOCKS.flatMap((b) => {
      const r = blocks[b] ?? recorded.blocks[b];
      return r ? [[b, r]] : [];
    }),
  ),
  ...((shapes ?? recorded.shapes) ? { shapes: shapes ?? recorded.shapes } : {}),
};
const text = renderResults(results, BLOCKS);
console.log(text);
if (flags.write) {
  const file = `${here}/README.md`;
  const marker = /(<!-- generated: bench\/rtl\/run.ts -->\n)[\s\S]*?(<!-- \/generated -->)/;
  const readme = readFileSync(file, 'utf8');
  if (!marker.test(readme)) fail(`${file} has no <!-- generated: bench/rtl/run.ts --> block`);
  writeResults(resultsFile, results);
  writeFileAtomic(
    file,
    readme.replace(marker, (_m, a: string, b: string) => a + text + b),
  );
}
