// The recorded bench/rtl figures (results.json next to this file) and the README tables made
// from them. Each block's row is recorded on its own, with the day and the load of its run, so
// a run can re-measure some blocks (`run.ts --only`, `--skip`) and keep the others' rows —
// vti_core's proof and place and route take the longest.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import type { Figures } from './measure.js';

export interface Measured {
  /** Day (YYYY-MM-DD), machine and load average before / after the run that measured it. */
  readonly day: string;
  readonly machine: string;
  readonly load: string;
  /** Fmax measured (--fpga). */
  readonly fpga: boolean;
}

export interface BlockRecord extends Measured {
  /** How the hand-written version was proven equivalent (the proof's summary). */
  readonly proof: string;
  readonly eDSL: Figures;
  readonly hand: Figures;
}

export interface ShapeRecord {
  readonly name: string;
  readonly isDefault: boolean;
  readonly figures: Figures;
}

export interface Results {
  /** Per block, in the order of blocks.ts HAND_WRITTEN. */
  readonly blocks: Readonly<Record<string, BlockRecord>>;
  readonly shapes?: Measured & { readonly rows: readonly ShapeRecord[] };
}

export function readResults(file: string): Results {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { blocks: {} };
    throw new Error(`bench/rtl: ${file} is not a results file (${(e as Error).message.split('\n')[0]})`);
  }
}

export function writeResults(file: string, r: Results): void {
  writeFileAtomic(file, `${JSON.stringify(r, null, 2)}\n`);
}

const FIG_HEAD = ['cells', 'depth', 'LUT4', 'DFF', 'LUT depth', 'Fmax HX8K (MHz)'];
const cols = (f: Figures) => [f.cells, f.depth, f.luts, f.ffs, f.lutDepth, f.fmaxMHz?.toFixed(1) ?? '–'];
const when = (m: Measured) => `${m.day}, load ${m.load.split(' ')[0]}`;

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The README text: both tables, each row with the day it was measured. */
export function renderResults(r: Results, order: readonly string[]): string {
  const blockRows: (string | number)[][] = [];
  for (const block of order) {
    const b = r.blocks[block];
    if (!b) continue;
    const within = b.eDSL.cells <= b.hand.cells && b.eDSL.luts <= b.hand.luts ? 'yes' : 'NO';
    blockRows.push([block, 'eDSL', ...cols(b.eDSL), within, when(b)]);
    blockRows.push([block, 'hand-written', ...cols(b.hand), '', '']);
  }
  const machines = [...new Set([...Object.values(r.blocks), ...(r.shapes ? [r.shapes] : [])].map((m) => m.machine))];
  const lines = [
    `Measured by \`nice -n 10 npx tsx bench/rtl/run.ts --fpga --write\` (a row per block, on the day in its row; load average at the start of its run) on ${machines.join(', ') || '–'}; Yosys (@yowasp/yosys) generic \`synth\` and \`synth_ice40\`, nextpnr-ice40 out of context (registered boundary, median of 3 seeds). Every hand-written block was first proven equivalent to the generated one.`,
    '',
    table(['block', 'version', ...FIG_HEAD, 'eDSL ≤ hand (cells, LUT4)', 'measured'], blockRows),
    '',
  ];
  if (r.shapes) {
    lines.push(
      `vti_fault_prio's winner selection (hdl/vti/fault-prio-structure.ts), default 56-row table (measured ${when(r.shapes)}):`,
      '',
      table(
        ['shape', ...FIG_HEAD, 'LUT4 × LUT depth'],
        r.shapes.rows.map((s) => [
          `${s.name}${s.isDefault ? ' (default)' : ''}`,
          ...cols(s.figures),
          s.figures.luts * s.figures.lutDepth,
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
