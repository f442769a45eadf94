// Every VT-i block against an idiomatic hand-written Verilog version (bench/rtl/hand_*.v), and
// vti_fault_prio's selection shapes against each other (issue 18, item 3). Each hand-written
// block is first proven equivalent to the generated one (Yosys; by induction from reset for
// vti_psr, by induction over name-matched state for vti_core: equiv-matched.ts), then both
// are synthesized with the project's flow (`vti gen --stats` figures) and, with --fpga,
// placed and routed out of context on the HX8K (nextpnr-ice40, median of 3 seeds).
//   nice -n 10 npx tsx bench/rtl/run.ts [--fpga] [--write]
// --write puts the tables, the date and the load into bench/rtl/README.md.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { DEFAULT_FAULT_PRIO_STRUCTURE, DEFAULT_HYBRID_GROUP } from '../../hdl/vti/fault-prio.js';
import { generated, HAND_WRITTEN, handWritten } from './blocks.js';
import { proveMatchedState } from './equiv-matched.js';
import { SHAPES, shape } from './fault-prio.js';
import { type Figures, measure } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const fpga = process.argv.includes('--fpga');
const seeds = fpga ? [1, 2, 3] : undefined;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadBefore = load();

const cols = (f: Figures) => [
  f.cells,
  f.depth,
  f.luts,
  f.ffs,
  f.lutDepth,
  ...(fpga ? [f.fmaxMHz?.toFixed(1) ?? '–'] : []),
];
const FIG_HEAD = ['cells', 'depth', 'LUT4', 'DFF', 'LUT depth', ...(fpga ? ['Fmax HX8K (MHz)'] : [])];
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const blockRows: (string | number)[][] = [];
for (const { block, proof, uses } of HAND_WRITTEN) {
  const gen = generated(block);
  const hand = handWritten(here, block, uses);
  const eq =
    proof === 'matched'
      ? await proveMatchedState(gen, hand)
      : await proveEquivalent({
          gold: { files: gen.files, top: gen.top },
          gate: { files: hand.files, top: hand.top },
          sequential: proof === 'induction',
        }).then((r) => ({ verdict: r.verdict, detail: r.table ?? r.method }));
  if (eq.verdict !== 'equivalent')
    throw new Error(
      `bench/rtl: hand_${block} is ${eq.verdict}, not equivalent to the generated ${block}\n${eq.detail}`,
    );
  const [g, h] = [await measure(gen, seeds), await measure(hand, seeds)];
  const within = g.cells <= h.cells && g.luts <= h.luts ? 'yes' : 'NO';
  for (const [who, f] of [
    ['eDSL', g],
    ['hand-written', h],
  ] as const)
    blockRows.push([block, who, ...cols(f), who === 'eDSL' ? within : '']);
  console.log(`${block}: eDSL ${JSON.stringify(g)} hand ${JSON.stringify(h)} (equivalent: ${eq.detail})`);
}

const shapeRows: (string | number)[][] = [];
for (const s of SHAPES) {
  const f = await measure(shape(s.options), seeds);
  const isDefault =
    s.options.structure === DEFAULT_FAULT_PRIO_STRUCTURE &&
    (s.options.structure !== 'hybrid' || s.options.hybridGroup === DEFAULT_HYBRID_GROUP);
  shapeRows.push([`${s.name}${isDefault ? ' (default)' : ''}`, ...cols(f), f.luts * f.lutDepth]);
  console.log(`fault_prio ${s.name}: ${JSON.stringify(f)}`);
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const text = [
  `Measured by \`nice -n 10 npx tsx bench/rtl/run.ts${fpga ? ' --fpga' : ''} --write\` on ${new Date().toISOString().slice(0, 10)}, ${machine}, load average ${loadBefore} before / ${load()} after; Yosys (@yowasp/yosys) generic \`synth\` and \`synth_ice40\`${fpga ? ', nextpnr-ice40 out of context (registered boundary, median of 3 seeds)' : ''}. Every hand-written block was first proven equivalent to the generated one.`,
  '',
  table(['block', 'version', ...FIG_HEAD, 'eDSL ≤ hand (cells, LUT4)'], blockRows),
  '',
  "vti_fault_prio's winner selection (hdl/vti/fault-prio-structure.ts), default 56-row table:",
  '',
  table(['shape', ...FIG_HEAD, 'LUT4 × LUT depth'], shapeRows),
  '',
].join('\n');
console.log(text);
if (process.argv.includes('--write')) {
  const file = `${here}/README.md`;
  const block = /(<!-- generated: bench\/rtl\/run.ts -->\n)[\s\S]*?(<!-- \/generated -->)/;
  const readme = readFileSync(file, 'utf8');
  if (!block.test(readme)) throw new Error(`${file} has no <!-- generated: bench/rtl/run.ts --> block`);
  writeFileAtomic(
    file,
    readme.replace(block, (_m, a: string, b: string) => a + text + b),
  );
}
