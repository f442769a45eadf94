// RTL code coverage of the co-simulation runs (`vti cosim [--core] --rtl-coverage`): the
// design verilated with --coverage (vti_core with its submodules: one model per design
// configuration accumulating the counters of every program run on it; or one block over all
// its vectors); its coverage.dat is read point by point
// (sim/verilator/coverage.ts) into a module × kind table, the uncovered list and annotated
// sources under <outDir>/cosim/rtl-coverage/<configuration>/ (sim/cosim/dirs.ts).
import { readFileSync } from 'node:fs';
import { writeFileAtomic, writeFilesAtomic } from '../../cache/atomic-write.js';
import { dirname, join } from 'node:path';
import type { VtiConfig } from '../../gen/vti.js';
import {
  annotateSources,
  formatUncovered,
  parseCoverageDat,
  reachableTallies,
  summarizeCoverage,
  type CodeCoverageSummary,
  type CoveragePoint,
  type ReachableTally,
} from '../verilator/coverage.js';
import { proveTogglesUnreachable, type Reachability, type UnreachableOptions } from '../../formal/unreachable.js';

export interface RtlCoverageGroup {
  /** The design configuration, e.g. `vt-on_va60_pa62_gs1`. */
  readonly label: string;
  readonly gen: VtiConfig;
  /** Programs run on this model. */
  readonly programs: readonly string[];
  readonly summary: CodeCoverageSummary;
  /** What was written: coverage.dat (Verilator's format), uncovered.txt, summary.json, annotated/. */
  readonly dir: string;
  readonly files: {
    readonly dat: string;
    readonly uncovered: string;
    readonly summary: string;
    readonly annotated: string;
  };
  /** With proveRtlCoverage: the uncovered points classified as proven unreachable or holes. */
  readonly unreachable?: RtlUnreachable;
}

export interface RtlUnreachable {
  /** Verdict per uncovered point (by CoveragePoint.key); line/branch points are not analysed (holes). */
  readonly byKey: ReadonlyMap<string, Reachability>;
  /** Per module and `all`: covered, total, proven unreachable, covered / (total - unreachable). */
  readonly tallies: Readonly<Record<string, ReachableTally>>;
  readonly top: string;
  readonly sequential: boolean;
  readonly seconds: number;
  readonly yosysRuns: number;
  readonly satCalls: number;
}

interface GroupInfo {
  label: string;
  gen: VtiConfig;
  programs: readonly string[];
  sources: Readonly<Record<string, string>>;
}

export function configLabel(g: VtiConfig): string {
  return `vt-${g.vmImplemented ? 'on' : 'off'}_va${g.implVaMsb}_pa${g.implPaMsb}_gs${g.guestShrink}`;
}

/**
 * Reads the coverage.dat a model wrote (`dat`) and writes the report files next to it:
 * uncovered.txt (with source lines), summary.json (tallies and uncovered points),
 * annotated/<file> (sources with per-line counts).
 */
export function reportRtlCoverage(dat: string, o: GroupInfo): RtlCoverageGroup {
  const points = parseCoverageDat(readFileSync(dat, 'utf8'), dat);
  return writeGroup(points, dat, o);
}

const verdictText = (r: Reachability | undefined): string =>
  !r ? 'hole' : r.verdict === 'unreachable' ? `unreachable (proven: ${r.proof})` : `hole (${r.why})`;

function writeGroup(
  points: readonly CoveragePoint[],
  dat: string,
  o: GroupInfo,
  un?: Omit<RtlUnreachable, 'tallies'>,
): RtlCoverageGroup {
  const dir = dirname(dat);
  const summary = summarizeCoverage(points);
  const files = {
    dat,
    uncovered: join(dir, 'uncovered.txt'),
    summary: join(dir, 'summary.json'),
    annotated: join(dir, 'annotated'),
  };
  const unreachable: RtlUnreachable | undefined = un && {
    ...un,
    tallies: reachableTallies(
      summary,
      new Set([...un.byKey].filter(([, r]) => r.verdict === 'unreachable').map(([k]) => k)),
    ),
  };
  const head = unreachable
    ? `# unreachability (${unreachable.top}, ${unreachable.sequential ? 'temporal induction from reset' : 'combinational sat'}): ` +
      `${unreachable.tallies.all!.unreachable} uncovered point(s) proven unreachable, ` +
      `reachable coverage ${unreachable.tallies.all!.covered}/${unreachable.tallies.all!.total - unreachable.tallies.all!.unreachable}; ` +
      'only toggle points are analysed, line and branch points stay holes\n'
    : '';
  writeFileAtomic(
    files.uncovered,
    `# ${o.label}: ${o.programs.join(', ')}\n` +
      head +
      formatUncovered(summary, o.sources, unreachable ? (p) => verdictText(unreachable.byKey.get(p.key)) : undefined),
  );
  const { uncovered, ...tallies } = summary;
  writeFileAtomic(
    files.summary,
    JSON.stringify(
      {
        label: o.label,
        gen: o.gen,
        programs: o.programs,
        ...tallies,
        ...(unreachable
          ? {
              reachable: unreachable.tallies,
              unreachability: {
                top: unreachable.top,
                sequential: unreachable.sequential,
                seconds: unreachable.seconds,
                yosysRuns: unreachable.yosysRuns,
                satCalls: unreachable.satCalls,
              },
            }
          : {}),
        uncovered: uncovered.map((p) => {
          const r = unreachable?.byKey.get(p.key);
          return {
            file: p.file,
            line: p.line,
            column: p.column,
            kind: p.kind,
            module: p.module,
            name: p.name,
            count: p.count,
            hier: p.hier,
            ...(unreachable
              ? {
                  verdict: r?.verdict ?? 'hole',
                  ...(r?.verdict === 'unreachable' ? { proof: r.proof } : r ? { why: r.why } : { why: 'not analysed' }),
                }
              : {}),
          };
        }),
      },
      null,
      1,
    ) + '\n',
  );
  writeFilesAtomic(files.annotated, annotateSources(points, o.sources));
  return {
    label: o.label,
    gen: o.gen,
    programs: o.programs,
    summary,
    dir,
    files,
    ...(unreachable ? { unreachable } : {}),
  };
}

/**
 * Instance paths of a point within `top`: Verilator's hierarchy `vti_core.vti_core.u_psr`
 * (model name, top instance, submodules) → ['u_psr']; several instances are comma-joined.
 */
export function instancePaths(hier: string, top: string): string[][] {
  return hier
    .split(',')
    .filter(Boolean)
    .map((h) => {
      const c = h.split('.');
      if (c[0] === top && c[1] === top) return c.slice(2);
      if (c[0] === top) return c.slice(1);
      return c;
    });
}

/**
 * Unreachability analysis of a reported group: every uncovered toggle point is proved
 * constant (formal/unreachable.ts) in the flattened `top` design (`files`: its Verilog);
 * uncovered.txt and summary.json are rewritten with the verdicts and the reachable coverage.
 */
export async function proveRtlCoverage(
  g: RtlCoverageGroup,
  d: { files: Readonly<Record<string, string>>; top: string },
  o: UnreachableOptions = {},
): Promise<RtlCoverageGroup> {
  const points = parseCoverageDat(readFileSync(g.files.dat, 'utf8'), g.files.dat);
  const toggles = g.summary.uncovered.filter((p) => p.kind === 'toggle');
  const t0 = performance.now();
  const r = await proveTogglesUnreachable(
    d.files,
    d.top,
    toggles.map((p) => ({ key: p.key, name: p.name, count: p.count, instances: instancePaths(p.hier, d.top) })),
    o,
  );
  const byKey = new Map<string, Reachability>(r.byKey);
  for (const p of g.summary.uncovered)
    if (!byKey.has(p.key)) byKey.set(p.key, { verdict: 'hole', why: `${p.kind} point: not analysed` });
  return writeGroup(
    points,
    g.files.dat,
    { label: g.label, gen: g.gen, programs: g.programs, sources: d.files },
    {
      byKey,
      top: d.top,
      sequential: r.sequential,
      seconds: (performance.now() - t0) / 1000,
      yosysRuns: r.runs,
      satCalls: r.satCalls,
    },
  );
}
