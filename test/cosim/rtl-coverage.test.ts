// RTL code coverage of the core lockstep (`vti cosim --core --rtl-coverage`): a short random
// program on the Verilator --coverage build of vti_core, read back from coverage.dat; and of a
// block co-simulation (`vti cosim --block NAME --rtl-coverage`).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { budget } from '../budget.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from '../../cli/args.js';
import { UserError } from '../../cli/errors.js';
import { command, formatRtlCoverage } from '../../cli/commands/cosim.js';
import { runCoreCosim } from '../../sim/cosim/lockstep/index.js';
import { cosimBlock } from '../../sim/cosim/blocks.js';
import { VTI_MODULES } from '../../gen/vti.js';
import { parseCoverageDat } from '../../sim/verilator/coverage.js';

const run = (args: string[]) => command.run(parseArgs('cosim', args, command.flags));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('vti cosim --rtl-coverage flag', () => {
  it('excludes --mutants', async () => {
    await expect(run(['--rtl-coverage', '--mutants', '10'])).rejects.toThrow(
      new UserError(
        '--rtl-coverage and --mutants exclude each other (mutants are scored by killing, not by code coverage)',
      ),
    );
  });
  it('needs the verilator engine', async () => {
    await expect(run(['--core', '--rtl-coverage', '--engine', 'builtin'])).rejects.toThrow(
      /--rtl-coverage needs the verilator engine/,
    );
    await expect(runCoreCosim({ engine: 'builtin', random: 1, items: 5, rtlCoverage: true })).rejects.toThrow(
      /needs the verilator engine/,
    );
    await expect(run(['--block', 'vti_vmsw', '--rtl-coverage', '--engine', 'builtin'])).rejects.toThrow(
      /--rtl-coverage needs the verilator engine/,
    );
  });
});

describe('RTL code coverage of a lockstep run', () => {
  it('covers what one random program reaches, reports the unreachable as uncovered', {
    timeout: budget(300_000),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vti-rtlcov-'));
    dirs.push(dir);
    const res = await runCoreCosim({
      engine: 'verilator',
      random: 1,
      items: 60,
      seed: 3,
      reports: false,
      rtlCoverage: { dir },
    });
    expect(res.mismatches).toBe(0);
    const [g, ...more] = res.rtlCoverage!;
    expect(more).toEqual([]);
    expect(g!.label).toBe('vt-on_va57_pa47_gs1');
    expect(g!.programs).toEqual(['random-seed3']);
    const s = g!.summary;
    expect([...s.modules].sort()).toEqual([...VTI_MODULES].sort());
    expect(s.kinds).toEqual(['line', 'branch', 'toggle']);
    // Read back from the file the model wrote: the same points.
    const points = parseCoverageDat(readFileSync(g!.files.dat, 'utf8'));
    expect(s.total.total).toBe(points.length);
    expect(s.total.covered + s.uncovered.length).toBe(points.length);
    expect(Object.values(s.byModule).reduce((a, t) => a + t.total, 0)).toBe(points.length);
    const find = (module: string, kind: string, name: string) =>
      points.find((p) => p.module === module && p.kind === kind && p.name === name)!;
    // The clock toggles every cycle and the reset arm of the core ran.
    expect(find('vti_core', 'toggle', 'clk').count).toBeGreaterThan(100);
    expect(points.some((p) => p.module === 'vti_core' && p.kind === 'line' && p.count > 0)).toBe(true);
    // Cannot be hit: vmsw's illegal_op is `valid & ~1'b1` with VT-i implemented, and the
    // random programs make no PAL feature call, so vm_disabled is never driven. ext_int is
    // driven by the model's pending external interrupt (the timer the programs arm): toggled.
    expect(find('vti_vmsw', 'toggle', 'illegal_op').count).toBe(0);
    expect(find('vti_core', 'toggle', 'vm_disabled').count).toBe(0);
    expect(find('vti_core', 'toggle', 'ext_int').count).toBeGreaterThanOrEqual(2);
    const un = new Set(s.uncovered.map((p) => `${p.module} ${p.kind} ${p.name}`));
    expect(un.has('vti_vmsw toggle illegal_op')).toBe(true);
    expect(un.has('vti_core toggle vm_disabled')).toBe(true);
    expect(un.has('vti_core toggle ext_int')).toBe(false);
    expect(un.has('vti_core toggle clk')).toBe(false);
    for (const f of [g!.files.uncovered, g!.files.summary, join(g!.files.annotated, 'vti_core.v')])
      expect(existsSync(f)).toBe(true);
    expect(readFileSync(g!.files.uncovered, 'utf8')).toMatch(
      /vti_vmsw\.v:\d+:\d+ {2}toggle {2}vti_vmsw {2}illegal_op {2}0 /,
    );
    const json = JSON.parse(readFileSync(g!.files.summary, 'utf8')) as {
      total: { total: number };
      uncovered: unknown[];
    };
    expect(json.total.total).toBe(points.length);
    expect(json.uncovered).toHaveLength(s.uncovered.length);
    const table = formatRtlCoverage(res.rtlCoverage!);
    expect(table).toMatch(/\nvti_vmsw +- +- +\d+\/18 [\d.]+ % +\d+\/18 [\d.]+ %\n/);
    expect(table).toMatch(/\nall +\d+\/\d+ [\d.]+ % +\d+\/\d+ [\d.]+ % +\d+\/\d+ [\d.]+ % +\d+\/\d+ [\d.]+ %\n/);
  });
});

describe('RTL code coverage of a block co-simulation', () => {
  it('vti_vmsw: the exhaustive set toggles every signal but illegal_op (constant 0 with VT-i)', {
    timeout: budget(300_000),
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vti-rtlcov-block-'));
    dirs.push(dir);
    const r = await cosimBlock('vti_vmsw', { engine: 'verilator', vectors: 5000, seed: 1, rtlCoverageDir: dir });
    expect(r.mismatches).toBe(0);
    const s = r.rtlCoverage!.summary;
    expect([...s.modules]).toEqual(['vti_vmsw']);
    expect(s.uncovered.map((p) => `${p.kind} ${p.name} ${p.count}`)).toEqual(['toggle illegal_op 0']);
    expect(s.total.covered).toBe(s.total.total - 1);
    expect(parseCoverageDat(readFileSync(join(dir, 'coverage.dat'), 'utf8'))).toHaveLength(s.total.total);
  });
});
