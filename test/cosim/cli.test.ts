// `vti cosim --core`: the command itself (not cli/main.ts), its flags, JSON and summary.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../cli/args.js';
import { UserError } from '../../cli/errors.js';
import { command, formatBlockResults, runBlockCosim } from '../../cli/commands/cosim.js';
import { buildProgram } from '../../programs/build.js';

const run = (args: string[]) => command.run(parseArgs('cosim', args, command.flags));

async function captured(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { code: await run(args), out };
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('vti cosim --core', () => {
  it('rejects --program together with --random', async () => {
    await expect(run(['--core', '--program', 'x.elf', '--random', '2', '--engine', 'builtin'])).rejects.toThrow(
      new UserError('--program and --random exclude each other'),
    );
  });
  it('names a missing ELF', async () => {
    await expect(run(['--core', '--program', 'no/such.elf', '--engine', 'builtin'])).rejects.toThrow(
      new UserError("--program: no such file 'no/such.elf'"),
    );
  });
  it('runs one ELF in lockstep and reports it as JSON', async () => {
    const { code, out } = await captured([
      '--core',
      '--program',
      buildProgram('paravirt'),
      '--engine',
      'builtin',
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      engine: string;
      mismatches: number;
      instructions: number;
      runs: { name: string; halted: boolean }[];
      coverage: { pct: number };
      exclusions: { id: string }[];
    };
    expect(r.engine).toBe('builtin');
    expect(r.mismatches).toBe(0);
    expect(r.runs).toEqual([expect.objectContaining({ name: 'paravirt', halted: true })]);
    expect(r.instructions).toBeGreaterThan(1000);
    expect(r.coverage.pct).toBeGreaterThan(0);
    expect(r.exclusions).toEqual([]);
  });
  it('prints a one-screen summary for random programs', async () => {
    const { code, out } = await captured([
      '--core',
      '--random',
      '1',
      '--items',
      '60',
      '--seed',
      '3',
      '--engine',
      'builtin',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^vti_core lockstep against the golden model \(engine builtin\)\n/);
    expect(out).toMatch(/\nrandom-seed3 +[\d,]+ +yes +-\n/);
    expect(out).toMatch(/instructions compared [\d,]+, mismatches 0, throughput [\d.]+ M instructions\/s/);
    expect(out).toMatch(/\ncoverage [\d.]+ %: class x cpl x vm x outcome \d+\/\d+/);
    expect(out.split('\n').length).toBeLessThan(25);
  });
  it('keeps the block mode and its exported functions', async () => {
    const res = await runBlockCosim(['vti_vmsw'], 'builtin', 100, 1);
    expect(res[0]!.mismatches).toBe(0);
    expect(formatBlockResults(res)).toContain('vti_vmsw');
  });
});
