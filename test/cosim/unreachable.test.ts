// Unreachability analysis of uncovered RTL toggle points (`vti cosim --rtl-coverage
// --prove-unreachable`, formal/unreachable.ts): real block co-simulations on the Verilator
// --coverage build, then Yosys sat on the generated Verilog. Constant-by-construction bits
// are proven (vti_vmsw illegal_op with VT-i: combinational; vti_psr reserved bit psr[0]:
// temporal induction from reset), and a reachable bit that a too-short run never toggled
// (vti_fault_prio valid after 1 random vector) must stay a hole: its proof finds inputs.
import { afterAll, describe, expect, it } from 'vitest';
import { budget } from '../budget.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from '../../cli/args.js';
import { UserError } from '../../cli/errors.js';
import { command, formatRtlCoverage } from '../../cli/commands/cosim.js';
import { cosimBlock } from '../../sim/cosim/blocks.js';
import { parseToggleName } from '../../formal/unreachable.js';
import { instancePaths } from '../../sim/cosim/rtl-coverage.js';

const run = (args: string[]) => command.run(parseArgs('cosim', args, command.flags));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vti-unr-'));
  dirs.push(d);
  return d;
};

describe('--prove-unreachable flag and name mapping', () => {
  it('needs --rtl-coverage', async () => {
    const msg =
      '--prove-unreachable needs --rtl-coverage (it classifies the uncovered RTL code-coverage points); allowed: --rtl-coverage --prove-unreachable, with or without --core';
    await expect(run(['--prove-unreachable'])).rejects.toThrow(new UserError(msg));
    await expect(run(['--core', '--prove-unreachable'])).rejects.toThrow(new UserError(msg));
    await expect(
      cosimBlock('vti_vmsw', { engine: 'verilator', vectors: 10, seed: 1, proveUnreachable: true }),
    ).rejects.toThrow(/needs rtlCoverageDir/);
  });
  it('maps Verilator names and hierarchies to flattened wires', () => {
    expect(parseToggleName('psr[33]')).toEqual({ base: 'psr', bit: 33 });
    expect(parseToggleName('illegal_op')).toEqual({ base: 'illegal_op' });
    expect(parseToggleName('mem[1][2]')).toBeNull();
    expect(instancePaths('vti_psr.vti_psr', 'vti_psr')).toEqual([[]]);
    expect(instancePaths('vti_core.vti_core.u_psr', 'vti_core')).toEqual([['u_psr']]);
  });
});

describe('unreachability of uncovered toggle points', () => {
  it('vti_vmsw: illegal_op proven constant 0 for all inputs', { timeout: budget(120_000) }, async () => {
    const r = await cosimBlock('vti_vmsw', {
      engine: 'verilator',
      vectors: 5000,
      seed: 1,
      rtlCoverageDir: tmp(),
      proveUnreachable: true,
    });
    const g = r.rtlCoverage!;
    const p = g.summary.uncovered.find((q) => q.name === 'illegal_op')!;
    expect(g.unreachable!.byKey.get(p.key)).toMatchObject({ verdict: 'unreachable', value: 0 });
    expect(g.unreachable!.sequential).toBe(false);
    expect(g.unreachable!.tallies.vti_vmsw).toEqual({ covered: 17, total: 18, unreachable: 1, pct: 100 });
    expect(readFileSync(g.files.uncovered, 'utf8')).toMatch(
      /toggle {2}vti_vmsw {2}illegal_op {2}0 {2}\S+ {2}unreachable \(proven: illegal_op = 0, constant for all inputs \(sat\)\)/,
    );
    expect(formatRtlCoverage([g])).toMatch(/\nvti_vmsw +17\/18 94\.4 % +17\/18 94\.4 % +1 +17\/17 100\.0 %\n/);
    const json = JSON.parse(readFileSync(g.files.summary, 'utf8')) as {
      reachable: Record<string, { unreachable: number }>;
      uncovered: { name: string; verdict: string }[];
    };
    expect(json.reachable.all!.unreachable).toBe(1);
    expect(json.uncovered).toEqual([expect.objectContaining({ name: 'illegal_op', verdict: 'unreachable' })]);
  });

  it('vti_psr: the reserved bits (psr[0], ...) proven constant from reset by induction', {
    timeout: budget(120_000),
  }, async () => {
    const r = await cosimBlock('vti_psr', {
      engine: 'verilator',
      vectors: 10,
      seed: 1,
      rtlCoverageDir: tmp(),
      proveUnreachable: true,
    });
    const g = r.rtlCoverage!,
      u = g.unreachable!;
    expect(u.sequential).toBe(true);
    const psr0 = g.summary.uncovered.find((q) => q.name === 'psr[0]')!;
    const v = u.byKey.get(psr0.key)!;
    expect(v).toMatchObject({ verdict: 'unreachable', value: 0 });
    expect(v.verdict === 'unreachable' && v.proof).toMatch(/constant from reset, temporal induction k = \d/);
    // A defined field bit (psr[1] = be) is toggled by the directed set: not in the list.
    expect(g.summary.uncovered.some((q) => q.name === 'psr[1]')).toBe(false);
    expect(readFileSync(g.files.uncovered, 'utf8')).toMatch(
      /toggle {2}vti_psr {2}psr\[0\] {2}0 {2}\S+ {2}unreachable \(proven: psr\[0\] = 0, constant from reset/,
    );
  });

  it('vti_fault_prio after 1 random vector: the untoggled but reachable valid stays a hole', {
    timeout: budget(120_000),
  }, async () => {
    const r = await cosimBlock('vti_fault_prio', {
      engine: 'verilator',
      vectors: 1,
      seed: 1,
      rtlCoverageDir: tmp(),
      proveUnreachable: true,
    });
    const g = r.rtlCoverage!,
      u = g.unreachable!;
    const valid = g.summary.uncovered.find((q) => q.name === 'valid');
    expect(valid).toBeDefined();
    expect(u.byKey.get(valid!.key)).toEqual({ verdict: 'hole', why: 'reachable: sat found inputs that change it' });
    // The vector offset's low byte (vectors are multiples of 0x100) is still proven.
    const off0 = g.summary.uncovered.find((q) => q.name === 'iva_offset[0]')!;
    expect(u.byKey.get(off0.key)?.verdict).toBe('unreachable');
    const a = u.tallies.all!;
    expect(a.unreachable).toBe(g.summary.uncovered.length - 1);
    expect(a.pct).toBeLessThan(100);
    expect(readFileSync(g.files.uncovered, 'utf8')).toMatch(
      /toggle {2}vti_fault_prio {2}valid {2}1 {2}\S+ {2}hole \(reachable: sat found inputs that change it\)/,
    );
  });
});
