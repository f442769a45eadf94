// RTL code coverage of the lockstep runs (`vti cosim --core --rtl-coverage`): vti_core and
// its submodules verilated with --coverage, one model per design configuration accumulating
// the counters of every program run on it; its coverage.dat is read point by point
// (sim/verilator/coverage.ts) into a module × kind table, the uncovered list and annotated
// sources under out/cosim/rtl-coverage/<configuration>/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VtiGenOptions } from '../../../gen/vti.js';
import {
  annotateSources, coverageTableRows, formatCoverageDat, formatUncovered, parseCoverageDat, summarizeCoverage,
  type CodeCoverageSummary, type CoveragePoint,
} from '../../verilator/coverage.js';
import { OUT_DIR } from './report.js';

export const RTL_COVERAGE_DIR = join(OUT_DIR, 'rtl-coverage');

export interface RtlCoverageGroup {
  /** The design configuration, e.g. `vt-on_va60_pa62_gs1`. */
  readonly label: string;
  readonly gen: VtiGenOptions;
  /** Programs run on this model. */
  readonly programs: readonly string[];
  readonly summary: CodeCoverageSummary;
  /** What was written: coverage.dat (Verilator's format), uncovered.txt, summary.json, annotated/. */
  readonly dir: string;
  readonly files: { readonly dat: string; readonly uncovered: string; readonly summary: string; readonly annotated: string };
}

export function configLabel(g: VtiGenOptions): string {
  return `vt-${g.vt ? 'on' : 'off'}_va${g.implVaMsb}_pa${g.implPaMsb}_gs${g.guestShrink}`;
}

/**
 * Reads the coverage.dat a model wrote (`dat`) and writes the report files next to it:
 * uncovered.txt (with source lines), summary.json (tallies and uncovered points),
 * annotated/<file> (sources with per-line counts).
 */
export function reportRtlCoverage(dat: string, o: { label: string; gen: VtiGenOptions; programs: readonly string[]; sources: Readonly<Record<string, string>> }): RtlCoverageGroup {
  const points = parseCoverageDat(readFileSync(dat, 'utf8'), dat);
  return writeGroup(points, dat, o);
}

function writeGroup(points: readonly CoveragePoint[], dat: string, o: { label: string; gen: VtiGenOptions; programs: readonly string[]; sources: Readonly<Record<string, string>> }): RtlCoverageGroup {
  const dir = resolve(dat, '..');
  const summary = summarizeCoverage(points);
  const files = { dat, uncovered: join(dir, 'uncovered.txt'), summary: join(dir, 'summary.json'), annotated: join(dir, 'annotated') };
  writeFileSync(files.uncovered, `# ${o.label}: ${o.programs.join(', ')}\n` + formatUncovered(summary, o.sources));
  const { uncovered, ...tallies } = summary;
  writeFileSync(files.summary, JSON.stringify({
    label: o.label, gen: o.gen, programs: o.programs, ...tallies,
    uncovered: uncovered.map((p) => ({ file: p.file, line: p.line, column: p.column, kind: p.kind, module: p.module, name: p.name, count: p.count, hier: p.hier })),
  }, null, 1) + '\n');
  mkdirSync(files.annotated, { recursive: true });
  for (const [f, text] of Object.entries(annotateSources(points, o.sources))) writeFileSync(join(files.annotated, f), text);
  return { label: o.label, gen: o.gen, programs: o.programs, summary, dir, files };
}

/** Writes points (e.g. merged from several runs) as coverage.dat under `dir` and reports them. */
export function reportRtlCoveragePoints(points: readonly CoveragePoint[], dir: string, o: { label: string; gen: VtiGenOptions; programs: readonly string[]; sources: Readonly<Record<string, string>> }): RtlCoverageGroup {
  mkdirSync(dir, { recursive: true });
  const dat = join(dir, 'coverage.dat');
  writeFileSync(dat, formatCoverageDat(points));
  return writeGroup(points, dat, o);
}
