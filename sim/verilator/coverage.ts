// Verilator code coverage (`--coverage`) read in a structured way: the coverage.dat format
// itself (SystemC::Coverage-3, one `C '<key/value record>' <count>` line per point), not the
// human-readable annotation. Records are `\x01key\x02value` pairs (keys: verilated_cov_key.h):
//   f file, l line, n column, page `v_<kind>/<module>`, o comment (the toggled signal bit, or
//   block/if/else/case/elsif for line coverage), S lines the block spans, h hierarchy
//   (instances of one module are combined into one count, hierarchies joined by ',').
// Verilator 5.006 emits line (`v_line`), branch (`v_branch`: both arms of every if) and
// toggle (`v_toggle`: one counter per signal bit, counting every change) points; expression
// coverage arrived only in later Verilator versions.

export interface CoveragePoint {
  /** Source file as verilated, without the build's `src/` prefix (e.g. `vti_core.v`). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `line`, `branch`, `toggle`, `user`, or the page prefix of another kind. */
  readonly kind: string;
  /** The module the point belongs to (from the page). */
  readonly module: string;
  /** The comment: a signal bit (`psr[33]`) for toggles, `block`/`if`/`else`/`case`/... otherwise. */
  readonly name: string;
  /** Instance path(s), comma-separated when several instances were combined. */
  readonly hier: string;
  /** Lines a line/branch point stands for (`197-200`), '' for toggles. */
  readonly lines: string;
  readonly count: number;
  /** Identity across files: every key/value pair except the hierarchy. */
  readonly key: string;
}

const KINDS: Record<string, string> = { v_line: 'line', v_branch: 'branch', v_toggle: 'toggle', v_user: 'user' };
/** Kinds in the order tables show them. */
export const KIND_ORDER = ['line', 'branch', 'toggle', 'user'] as const;

function stripSrc(f: string): string {
  return f.replace(/^(\.\/)?src\//, '');
}

/** Parses coverage.dat text. `source` names the file in error messages. */
export function parseCoverageDat(text: string, source = 'coverage.dat'): CoveragePoint[] {
  const lines = text.split('\n');
  if (!/^# SystemC::Coverage-3\s*$/.test(lines[0] ?? '')) {
    throw new Error(
      `${source}: not a Verilator coverage file (first line '${(lines[0] ?? '').slice(0, 40)}', expected '# SystemC::Coverage-3')`,
    );
  }
  const points: CoveragePoint[] = [];
  lines.forEach((ln, i) => {
    if (ln === '' || ln.startsWith('#')) return;
    const m = /^C '(.*)' (\d+)$/.exec(ln);
    if (!m) throw new Error(`${source}:${i + 1}: not a coverage record: ${JSON.stringify(ln.slice(0, 80))}`);
    const kv = new Map<string, string>();
    const keyParts: string[] = [];
    for (const pair of m[1]!.split('\x01')) {
      if (pair === '') continue;
      const sep = pair.indexOf('\x02');
      if (sep < 0) throw new Error(`${source}:${i + 1}: key '${pair}' has no value`);
      const k = pair.slice(0, sep),
        v = pair.slice(sep + 1);
      kv.set(k, v);
      if (k !== 'h') keyParts.push(pair);
    }
    const page = kv.get('page') ?? '';
    const slash = page.indexOf('/');
    const prefix = slash < 0 ? page : page.slice(0, slash);
    const f = kv.get('f');
    if (f === undefined || !page) throw new Error(`${source}:${i + 1}: record without file or page`);
    points.push({
      file: stripSrc(f),
      line: Number(kv.get('l') ?? 0),
      column: Number(kv.get('n') ?? 0),
      kind: KINDS[prefix] ?? prefix,
      module: slash < 0 ? '' : page.slice(slash + 1),
      name: kv.get('o') ?? '',
      hier: kv.get('h') ?? '',
      lines: kv.get('S') ?? '',
      count: Number(m[2]),
      key: keyParts.join('\x01'),
    });
  });
  return points;
}

/** Sums the counts of the same point over several runs (files); hierarchies are joined. */
export function mergeCoverage(runs: readonly (readonly CoveragePoint[])[]): CoveragePoint[] {
  const by = new Map<string, CoveragePoint>();
  for (const run of runs) {
    for (const p of run) {
      const q = by.get(p.key);
      if (!q) {
        by.set(p.key, p);
        continue;
      }
      const hier = q.hier.split(',').includes(p.hier) || !p.hier ? q.hier : q.hier ? `${q.hier},${p.hier}` : p.hier;
      by.set(p.key, { ...q, count: q.count + p.count, hier });
    }
  }
  return [...by.values()];
}

/** Points back in Verilator's format (verilator_coverage reads it; `--write-info` gives lcov). */
export function formatCoverageDat(points: readonly CoveragePoint[]): string {
  const rec = (p: CoveragePoint) => `C '\x01${p.key}${p.hier ? `\x01h\x02${p.hier}` : ''}' ${p.count}`;
  return ['# SystemC::Coverage-3', ...points.map(rec)].join('\n') + '\n';
}

/**
 * Hits a point needs to count as covered. Line and branch: 1. Toggle: 2, because
 * Verilator counts every change of a bit from its initial 0, so a bit tied to 1 (or one
 * that only ever rose) shows 1; two changes mean it was seen rising and falling.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, number>> = { line: 1, branch: 1, toggle: 2, user: 1 };

export function threshold(kind: string, t: Readonly<Record<string, number>> = DEFAULT_THRESHOLDS): number {
  return t[kind] ?? 1;
}

export interface Tally {
  readonly covered: number;
  readonly total: number;
  readonly pct: number;
}

export interface CodeCoverageSummary {
  readonly modules: readonly string[];
  readonly kinds: readonly string[];
  /** cells[module][kind]; a module without points of a kind has no entry. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, Tally>>>>;
  readonly byKind: Readonly<Record<string, Tally>>;
  readonly byModule: Readonly<Record<string, Tally>>;
  readonly total: Tally;
  readonly thresholds: Readonly<Record<string, number>>;
  /** Points below their threshold, sorted by file, line, column, kind, name. */
  readonly uncovered: readonly CoveragePoint[];
}

const tally = (covered: number, total: number): Tally => ({
  covered,
  total,
  pct: total ? (100 * covered) / total : 100,
});

/** Per-module and per-kind covered/total, and the uncovered points. */
export function summarizeCoverage(
  points: readonly CoveragePoint[],
  thresholds: Readonly<Record<string, number>> = DEFAULT_THRESHOLDS,
): CodeCoverageSummary {
  const counts = new Map<string, [number, number]>();
  const add = (k: string, hit: boolean) => {
    const c = counts.get(k) ?? [0, 0];
    c[0] += hit ? 1 : 0;
    c[1] += 1;
    counts.set(k, c);
  };
  const modules = new Set<string>(),
    kinds = new Set<string>();
  const uncovered: CoveragePoint[] = [];
  for (const p of points) {
    const hit = p.count >= threshold(p.kind, thresholds);
    modules.add(p.module);
    kinds.add(p.kind);
    add(`${p.module}\0${p.kind}`, hit);
    add(`${p.module}\0`, hit);
    add(`\0${p.kind}`, hit);
    add('\0', hit);
    if (!hit) uncovered.push(p);
  }
  const get = (k: string) => {
    const c = counts.get(k) ?? [0, 0];
    return tally(c[0], c[1]);
  };
  const kindList = [
    ...KIND_ORDER.filter((k) => kinds.has(k)),
    ...[...kinds].filter((k) => !(KIND_ORDER as readonly string[]).includes(k)).sort(),
  ];
  const moduleList = [...modules].sort();
  const cells: Record<string, Record<string, Tally>> = {};
  for (const m of moduleList) {
    cells[m] = {};
    for (const k of kindList) if (counts.has(`${m}\0${k}`)) cells[m]![k] = get(`${m}\0${k}`);
  }
  uncovered.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  return {
    modules: moduleList,
    kinds: kindList,
    cells,
    byKind: Object.fromEntries(kindList.map((k) => [k, get(`\0${k}`)])),
    byModule: Object.fromEntries(moduleList.map((m) => [m, get(`${m}\0`)])),
    total: get('\0'),
    thresholds: { ...thresholds },
    uncovered,
  };
}

const cell = (t: Tally | undefined) => (t ? `${t.covered}/${t.total} ${t.pct.toFixed(1)} %` : '-');

/** A module's tally once the uncovered points proven unreachable are set aside. */
export interface ReachableTally {
  readonly covered: number;
  readonly total: number;
  /** Uncovered points proven unreachable (formal/unreachable.ts). */
  readonly unreachable: number;
  /** covered / (total - unreachable), in %. */
  readonly pct: number;
}

/** Per module, and `all`: covered/total with the points whose keys are in `unreachable` taken out of the total. */
export function reachableTallies(
  s: CodeCoverageSummary,
  unreachable: ReadonlySet<string>,
): Record<string, ReachableTally> {
  const un = new Map<string, number>();
  for (const p of s.uncovered) if (unreachable.has(p.key)) un.set(p.module, (un.get(p.module) ?? 0) + 1);
  const t = (x: Tally, u: number): ReachableTally => ({
    covered: x.covered,
    total: x.total,
    unreachable: u,
    pct: x.total - u ? (100 * x.covered) / (x.total - u) : 100,
  });
  const out: Record<string, ReachableTally> = {};
  for (const m of s.modules) out[m] = t(s.byModule[m]!, un.get(m) ?? 0);
  out.all = t(
    s.total,
    [...un.values()].reduce((a, b) => a + b, 0),
  );
  return out;
}

/**
 * Rows of the module × kind table (last row: all modules); header first. With `reachable`
 * (reachableTallies), two more columns: the points proven unreachable, and the coverage of
 * the rest (covered / (total - unreachable)).
 */
export function coverageTableRows(
  s: CodeCoverageSummary,
  reachable?: Readonly<Record<string, ReachableTally>>,
): { head: string[]; rows: string[][] } {
  const head = ['module', ...s.kinds, 'all', ...(reachable ? ['unreachable', 'reachable covered'] : [])];
  const extra = (m: string) => {
    const r = reachable?.[m];
    return r
      ? [String(r.unreachable), `${r.covered}/${r.total - r.unreachable} ${r.pct.toFixed(1)} %`]
      : reachable
        ? ['-', '-']
        : [];
  };
  const rows = s.modules.map((m) => [
    m,
    ...s.kinds.map((k) => cell(s.cells[m]?.[k])),
    cell(s.byModule[m]),
    ...extra(m),
  ]);
  rows.push(['all', ...s.kinds.map((k) => cell(s.byKind[k])), cell(s.total), ...extra('all')]);
  return { head, rows };
}

/**
 * The uncovered points, one a line: `file:line:col kind module name count hier`, each
 * followed by the source line when `files` (file name → Verilog text) is given; with
 * `verdict`, its text for the point ends the line (`unreachable (proven: ...)`, `hole`).
 */
export function formatUncovered(
  s: CodeCoverageSummary,
  files: Readonly<Record<string, string>> = {},
  verdict?: (p: CoveragePoint) => string,
): string {
  const src = new Map(Object.entries(files).map(([f, t]) => [f, t.split('\n')]));
  const out: string[] = [
    `# uncovered code-coverage points (${s.uncovered.length} of ${s.total.total}); covered means count >= ` +
      Object.entries(s.thresholds)
        .map(([k, v]) => `${v} (${k})`)
        .join(', '),
    `# file:line:column  kind  module  name  count  hierarchy${verdict ? '  verdict (unreachable = proven, hole = reachable or not proven)' : ''}`,
  ];
  for (const p of s.uncovered) {
    out.push(
      `${p.file}:${p.line}:${p.column}  ${p.kind}  ${p.module}  ${p.name}${p.lines ? ` (lines ${p.lines})` : ''}  ${p.count}  ${p.hier}${verdict ? `  ${verdict(p)}` : ''}`,
    );
    const text = src.get(p.file)?.[p.line - 1];
    if (text !== undefined) out.push(`    | ${text.trim()}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Each Verilog file with its coverage in the left margin: per line the points on it as
 * `covered/total` (all kinds), `%` marking lines with an uncovered point, then the source.
 * The uncovered points' names follow the line, so the file reads without the list.
 */
export function annotateSources(
  points: readonly CoveragePoint[],
  files: Readonly<Record<string, string>>,
  thresholds: Readonly<Record<string, number>> = DEFAULT_THRESHOLDS,
): Record<string, string> {
  const res: Record<string, string> = {};
  for (const [f, text] of Object.entries(files)) {
    const at = new Map<number, CoveragePoint[]>();
    for (const p of points) if (p.file === f) at.set(p.line, [...(at.get(p.line) ?? []), p]);
    res[f] = text
      .split('\n')
      .map((ln, i) => {
        const ps = at.get(i + 1);
        if (!ps) return `${' '.repeat(12)}${ln}`;
        const miss = ps.filter((p) => p.count < threshold(p.kind, thresholds));
        const margin = `${miss.length ? '%' : ' '}${ps.length - miss.length}/${ps.length}`.padEnd(10);
        const names = miss.length
          ? `    // uncovered: ${miss
              .slice(0, 6)
              .map((p) => `${p.kind} ${p.name}`)
              .join(', ')}${miss.length > 6 ? `, ... (+${miss.length - 6})` : ''}`
          : '';
        return `${margin}  ${ln}${names}`;
      })
      .join('\n');
  }
  return res;
}
