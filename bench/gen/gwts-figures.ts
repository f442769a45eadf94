// The recorded side-by-side figures of bench/gen (vti-hdl and gateware-ts, same run) kept in
// bench/gen/gateware-ts.json, and their table in bench/gen/README.md between the markers
// `<!-- gwts-figures -->` and `<!-- /gwts-figures -->` (generated, never typed by hand).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { fittedExponent } from './fit.js';

export interface GwtsFigures {
  readonly date: string;
  readonly machine: string;
  readonly command: string;
  /** Per style and size: generation time in ms of gateware-ts. */
  readonly styles: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The same for vti-hdl, measured in the same run. */
  readonly ours: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * vti-hdl again with source-location capture off (setLocationCapture(false)), same run: the
   * generator's own cost without the per-node stack capture (absent in older records).
   */
  readonly oursLocOff?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per style: where gateware-ts failed (its message), if it did. */
  readonly failed?: Readonly<Record<string, string>>;
}

const FILE = 'gateware-ts.json';
const OPEN = '<!-- gwts-figures -->';
const CLOSE = '<!-- /gwts-figures -->';

export function readGwtsFigures(dir: string): GwtsFigures | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as GwtsFigures;
  } catch {
    return undefined;
  }
}

export function writeGwtsFigures(dir: string, f: GwtsFigures): void {
  writeFileAtomic(join(dir, FILE), `${JSON.stringify(f, null, 2)}\n`);
}

const exponent = (byN: Readonly<Record<string, number>>) => {
  const pts = Object.entries(byN).map(([n, ms]) => ({ n: Number(n), ms }));
  return pts.length > 1 ? fittedExponent(pts).toFixed(2) : '–';
};

/** `readme` with the text between the markers replaced by the table of `f`. */
export function renderGwtsTable(readme: string, f: GwtsFigures): string {
  const start = readme.indexOf(OPEN),
    end = readme.indexOf(CLOSE);
  if (start < 0 || end < start) throw new Error(`bench/gen/README.md lacks the ${OPEN} … ${CLOSE} markers`);
  const rows = [
    `Measured ${f.date} on ${f.machine}: \`${f.command}\`. Generation = build + check + emit`,
    '(vti-hdl) or construct + toVerilog (gateware-ts), in CPU ms of the process (both in one process, one at a time), up to 2000 inputs the mean per run of a batch of ⌈4096 / N⌉ runs, best of 7 batches after 3 untimed ones (steady state, and no clock read inside a run); best of 3 runs up to 20000, one run above.',
    '',
    '| style | N | vti-hdl ms | gateware-ts ms | ratio | vti-hdl ms, locations off | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const cell = (ms: number | undefined) => (ms === undefined ? '–' : ms.toFixed(1));
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '–' : (a / b).toFixed(2);
  for (const [style, ours] of Object.entries(f.ours)) {
    const theirs = f.styles[style] ?? {};
    const off = f.oursLocOff?.[style] ?? {};
    for (const [n, ms] of Object.entries(ours)) {
      const g = theirs[n];
      rows.push(
        `| ${style} | ${n} | ${ms.toFixed(1)} | ${g === undefined ? (f.failed?.[style] ?? 'not run (previous size over budget)') : g.toFixed(1)} | ${ratio(ms, g)} | ${cell(off[n])} | ${ratio(off[n], g)} |`,
      );
    }
  }
  rows.push('', '| style | vti-hdl exponent | locations off | gateware-ts exponent |', '|---|---:|---:|---:|');
  for (const [style, ours] of Object.entries(f.ours))
    rows.push(
      `| ${style} | ${exponent(ours)} | ${exponent(f.oursLocOff?.[style] ?? {})} | ${exponent(f.styles[style] ?? {})} |`,
    );
  return `${readme.slice(0, start + OPEN.length)}\n${rows.join('\n')}\n${readme.slice(end)}`;
}
