// RTL code coverage: the coverage.dat reader on hand-written records, then Verilator
// --coverage for real on counter40 with a workload whose reach is known from the Verilog:
//   always @(posedge clk) if (rst) count <= 0; else if (load) count <= load_val; else if (en) count <= count + 1;
// The workload is reset, then 3 cycles of en (load never set): the rst and en arms run,
// the load arm and the final implicit else (no rst, load or en) never do; count goes
// 0,1,2,3, so count[0] changes 3 times (rising and falling: covered), count[1] once (only
// rose: uncovered at the toggle threshold of 2), count[39] and load_val never change.
// Verilator 5.006 gives the rst and load arms line points ('elsif') and the last if its
// two branch points ('if', 'else').
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildInfo, buildVerilatorModel } from '../../../sim/verilator/index.js';
import {
  annotateSources,
  coverageTableRows,
  formatCoverageDat,
  formatUncovered,
  mergeCoverage,
  parseCoverageDat,
  summarizeCoverage,
  type CoveragePoint,
} from '../../../sim/verilator/coverage.js';
import { counter40, fixtureText } from '../../fixtures/verilog/index.js';
import { columnOf } from './helpers.js';

const rec = (kv: Record<string, string | number>, count: number) =>
  `C '${Object.entries(kv)
    .map(([k, v]) => `\x01${k}\x02${v}`)
    .join('')}' ${count}`;

const SAMPLE =
  [
    '# SystemC::Coverage-3',
    rec({ f: 'src/m.v', l: 5, n: 3, page: 'v_line/m', o: 'block', S: '5-6', h: 'top.m' }, 4),
    rec({ f: 'src/m.v', l: 7, n: 9, page: 'v_branch/m', o: 'if', S: '7-8', h: 'top.m' }, 0),
    rec({ f: 'src/m.v', l: 7, n: 10, page: 'v_branch/m', o: 'else', h: 'top.m' }, 2),
    rec({ f: 'src/m.v', l: 2, n: 20, page: 'v_toggle/m', o: 'x[0]', h: 'top.m' }, 1),
    rec({ f: 'src/m.v', l: 2, n: 20, page: 'v_toggle/m', o: 'x[1]', h: 'top.m' }, 2),
    rec({ f: 'src/sub.v', l: 3, n: 8, page: 'v_toggle/sub', o: 'y', h: 'top.m.u0,top.m.u1' }, 0),
  ].join('\n') + '\n';

describe('coverage.dat reader', () => {
  it('reads every record with its kind, module, place and count', () => {
    const ps = parseCoverageDat(SAMPLE);
    expect(ps).toHaveLength(6);
    expect(ps[0]).toMatchObject({
      file: 'm.v',
      line: 5,
      column: 3,
      kind: 'line',
      module: 'm',
      name: 'block',
      lines: '5-6',
      hier: 'top.m',
      count: 4,
    });
    expect(ps.map((p) => p.kind)).toEqual(['line', 'branch', 'branch', 'toggle', 'toggle', 'toggle']);
    expect(ps[5]).toMatchObject({ module: 'sub', hier: 'top.m.u0,top.m.u1', count: 0 });
  });
  it('tallies per module and kind; toggles need two changes', () => {
    const s = summarizeCoverage(parseCoverageDat(SAMPLE));
    expect(s.modules).toEqual(['m', 'sub']);
    expect(s.kinds).toEqual(['line', 'branch', 'toggle']);
    expect(s.cells.m).toEqual({
      line: { covered: 1, total: 1, pct: 100 },
      branch: { covered: 1, total: 2, pct: 50 },
      toggle: { covered: 1, total: 2, pct: 50 },
    });
    expect(s.cells.sub).toEqual({ toggle: { covered: 0, total: 1, pct: 0 } });
    expect(s.total).toMatchObject({ covered: 3, total: 6 });
    expect(s.uncovered.map((p) => `${p.file}:${p.line} ${p.kind} ${p.name}`)).toEqual([
      'm.v:2 toggle x[0]',
      'm.v:7 branch if',
      'sub.v:3 toggle y',
    ]);
    const { head, rows } = coverageTableRows(s);
    expect(head).toEqual(['module', 'line', 'branch', 'toggle', 'all']);
    expect(rows.at(-1)).toEqual(['all', '1/1 100.0 %', '1/2 50.0 %', '1/3 33.3 %', '3/6 50.0 %']);
    expect(rows[1]).toEqual(['sub', '-', '-', '0/1 0.0 %', '0/1 0.0 %']);
  });
  it('merges runs by point, writes Verilator format back', () => {
    const a = parseCoverageDat(SAMPLE);
    const m = mergeCoverage([a, a]);
    expect(m.map((p) => p.count)).toEqual([8, 0, 4, 2, 4, 0]);
    expect(parseCoverageDat(formatCoverageDat(m))).toEqual(m);
  });
  it('rejects what is not coverage.dat, naming the file and line', () => {
    expect(() => parseCoverageDat('hello\n', 'x.dat')).toThrow(/x\.dat: not a Verilator coverage file/);
    expect(() => parseCoverageDat('# SystemC::Coverage-3\nC oops\n', 'x.dat')).toThrow(
      /x\.dat:2: not a coverage record/,
    );
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture has no line with '${needle}'`);
  return i + 1;
}

async function runCounter(cycles: { rst: number; en: number }[], dat: string): Promise<CoveragePoint[]> {
  const m = await buildVerilatorModel(counter40(), { coverage: true });
  try {
    await m.stepBatch(
      {
        rst: columnOf(
          1,
          cycles.map((c) => BigInt(c.rst)),
        ),
        en: columnOf(
          1,
          cycles.map((c) => BigInt(c.en)),
        ),
      },
      cycles.length,
    );
    await m.writeCoverage(dat);
  } finally {
    await m.close();
  }
  return parseCoverageDat(readFileSync(dat, 'utf8'), dat);
}

describe('Verilator --coverage on counter40', () => {
  const text = fixtureText('counter40.v');
  const RST = lineOf(text, 'if (rst)'),
    LOAD = lineOf(text, 'else if (load)'),
    EN = lineOf(text, 'else if (en)');
  const WORKLOAD = [
    { rst: 1, en: 0 },
    { rst: 0, en: 1 },
    { rst: 0, en: 1 },
    { rst: 0, en: 1 },
  ];

  it('is a separate cache entry; a model without it refuses writeCoverage', async () => {
    const plain = await buildVerilatorModel(counter40());
    const cov = await buildVerilatorModel(counter40(), { coverage: true });
    try {
      expect(buildInfo(cov)!.key).not.toBe(buildInfo(plain)!.key);
      await expect(plain.writeCoverage(join(tmpdir(), 'never.dat'))).rejects.toThrow(
        "writeCoverage: model 'counter40' was built without coverage; build it with { coverage: true }",
      );
    } finally {
      await plain.close();
      await cov.close();
    }
  });

  it('counts what the workload reached and reports the rest uncovered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vti-cov-'));
    dirs.push(dir);
    const ps = await runCounter(WORKLOAD, join(dir, 'a.dat'));
    const at = (kind: string, line: number, name: string) => {
      const p = ps.find((q) => q.kind === kind && q.line === line && q.name === name);
      if (!p)
        throw new Error(
          `no ${kind} point '${name}' at line ${line}: ${ps
            .filter((q) => q.line === line)
            .map((q) => `${q.kind} ${q.name}`)
            .join(', ')}`,
        );
      return p;
    };
    const toggle = (name: string) => ps.find((q) => q.kind === 'toggle' && q.name === name)!;
    expect(ps.every((p) => p.file === 'counter40.v' && p.module === 'counter40')).toBe(true);
    // The reset arm ran once, the load arm never, the en arm 3 times, its else never.
    expect(at('line', RST, 'elsif').count).toBe(1);
    expect(at('line', LOAD, 'elsif').count).toBe(0);
    expect(at('branch', EN, 'if').count).toBe(3);
    expect(at('branch', EN, 'else').count).toBe(0);
    expect(toggle('en').count).toBe(1); // 0 at creation, then 1: only rose
    expect(toggle('count[0]').count).toBe(3);
    expect(toggle('count[1]').count).toBe(1);
    expect(toggle('count[39]').count).toBe(0);
    expect(toggle('load').count).toBe(0);
    expect(toggle('rst').count).toBe(2); // 0 at creation, 1, 0

    const s = summarizeCoverage(ps);
    const un = new Set(s.uncovered.map((p) => `${p.kind} ${p.line} ${p.name}`));
    expect(un.has(`line ${LOAD} elsif`)).toBe(true);
    expect(un.has(`branch ${EN} else`)).toBe(true);
    expect(un.has(`line ${RST} elsif`)).toBe(false);
    expect(un.has(`branch ${EN} if`)).toBe(false);
    expect(un.has(`toggle ${toggle('en').line} en`)).toBe(true);
    expect(s.uncovered.some((p) => p.kind === 'toggle' && p.name === 'count[1]')).toBe(true);
    expect(s.uncovered.some((p) => p.kind === 'toggle' && p.name === 'count[0]')).toBe(false);
    expect(s.uncovered.some((p) => p.name === 'load_val[7]')).toBe(true);
    // Totals are consistent: cells add up to the kinds, covered + uncovered = all points.
    expect(s.total.total).toBe(ps.length);
    expect(s.total.covered + s.uncovered.length).toBe(ps.length);
    for (const k of s.kinds) expect(s.byKind[k]!.total).toBe(ps.filter((p) => p.kind === k).length);
    expect(s.kinds).toEqual(['line', 'branch', 'toggle']);
    // 1 + 1 + 1 + 1 + 40 + 40 + 1 toggle bits: clk, rst, en, load, load_val, count, wrap.
    expect(s.byKind.toggle!.total).toBe(85);
    const listing = formatUncovered(s, { 'counter40.v': text });
    expect(listing).toContain(`counter40.v:${LOAD}:`);
    expect(listing).toContain('    | else if (load) count <= load_val;');
    const ann = annotateSources(ps, { 'counter40.v': text })['counter40.v']!.split('\n');
    expect(ann[LOAD - 1]).toMatch(/^%\d+\/\d+ +else if \(load\)/);
  });

  it('merges two runs exactly as verilator_coverage does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vti-cov-'));
    dirs.push(dir);
    const a = await runCounter(WORKLOAD, join(dir, 'a.dat'));
    const b = await runCounter(
      [
        { rst: 0, en: 0 },
        { rst: 0, en: 0 },
      ],
      join(dir, 'b.dat'),
    );
    const ours = mergeCoverage([a, b]);
    expect(ours.find((p) => p.kind === 'toggle' && p.name === 'rst')!.count).toBe(2);
    execFileSync('verilator_coverage', ['--write', join(dir, 'm.dat'), join(dir, 'a.dat'), join(dir, 'b.dat')], {
      stdio: 'pipe',
    });
    const theirs = parseCoverageDat(readFileSync(join(dir, 'm.dat'), 'utf8'));
    const id = (p: CoveragePoint) => `${p.kind} ${p.file}:${p.line}:${p.column} ${p.name}`;
    const toMap = (ps: CoveragePoint[]) => new Map(ps.map((p) => [id(p), p.count]));
    expect(toMap(ours)).toEqual(toMap(theirs));
    // verilator_coverage also reads what we write.
    writeFileSync(join(dir, 'ours.dat'), formatCoverageDat(ours));
    execFileSync('verilator_coverage', ['--write', join(dir, 'r.dat'), join(dir, 'ours.dat')], { stdio: 'pipe' });
    expect(toMap(parseCoverageDat(readFileSync(join(dir, 'r.dat'), 'utf8')))).toEqual(toMap(ours));
  });
});
