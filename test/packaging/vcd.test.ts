// VCD output opens in GTKWave: the VCDs the project writes (the built-in simulator's dump of
// vti_core, directly and through `vti sim --vcd` on both engines, the formal counterexample VCD) pass a strict header/value-change reader, and
// GTKWave's own reader converts them (vcd2fst, Debian package gtkwave; required in CI).
import { spawnSync } from 'node:child_process';
import { budget } from '../budget.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { createSimulator } from '../../sim/jssim/sim.js';
import { cexToVcd, type CexStep } from '../../formal/cex.js';
import { SEQUENCES } from '../../report/sequences.js';
import { portsOf } from '../../gen/verilog/index.js';
import { checkVcd } from './vcd-check.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vti-vcd-'));
const haveGtkwave = spawnSync('vcd2fst', ['--help'], { encoding: 'utf8' }).error === undefined;

function coreVcd(): string {
  const design = vtiDesign('vti_core');
  const top = design.modules.find((m) => m.name === 'vti_core')!;
  const seq = SEQUENCES[0]!;
  const cols: Record<string, Uint32Array> = {};
  for (const p of portsOf(top).filter((q) => q.dir === 'input' && q.name !== 'clk')) {
    const nw = Math.ceil(p.width / 32),
      c = new Uint32Array(seq.events.length * nw);
    seq.events.forEach((e, i) => {
      let v = BigInt(e[p.name] ?? 0);
      for (let k = 0; k < nw; k++) {
        c[i * nw + k] = Number(v & 0xffffffffn);
        v >>= 32n;
      }
    });
    cols[p.name] = c;
  }
  const sim = createSimulator(design);
  const file = join(dir, 'core.vcd');
  sim.vcd(file);
  sim.stepBatch(cols, seq.events.length);
  sim.close();
  return file;
}

function cexVcd(): string {
  const v = (width: number, n: number) => ({ width, bin: n.toString(2).padStart(width, '0'), hex: n.toString(16) });
  const steps: CexStep[] = [1, 2, 3].map((k) => ({
    step: k,
    compared: k > 1,
    inputs: { rst: v(1, k === 1 ? 1 : 0), a: v(8, k * 3) },
    gold: { y: v(4, k) },
    gate: { y: v(4, k === 3 ? 9 : k) },
    mismatches: k === 3 ? ['y'] : [],
  }));
  const file = join(dir, 'cex.vcd');
  writeFileSync(file, cexToVcd(steps, 'vti_demo'));
  return file;
}

/** The user-facing path: `vti sim --vcd FILE` (random stimulus) on the given engine. */
function cliVcd(engine: 'builtin' | 'verilator'): () => string {
  return () => {
    const file = join(dir, `sim-${engine}.vcd`);
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/main.ts',
        'sim',
        '--module',
        'vti_core',
        '--cycles',
        '20',
        '--engine',
        engine,
        '--vcd',
        file,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`vti sim --engine ${engine} --vcd exited ${r.status}: ${r.stderr}`);
    return file;
  };
}

const cases: [string, () => string][] = [
  ['built-in simulator dump of vti_core', coreVcd],
  ['vti sim --vcd (built-in engine)', cliVcd('builtin')],
  ...(verilatorAvailable() ? [['vti sim --vcd (Verilator)', cliVcd('verilator')] as [string, () => string]] : []),
  ['formal counterexample', cexVcd],
];

describe.each(cases)('VCD: %s', (_what, make) => {
  let file = '';
  beforeAll(() => {
    file = make();
  }, budget(600_000));
  it('has a valid header and value changes', () => {
    const info = checkVcd(readFileSync(file, 'utf8'));
    expect(info.problems).toEqual([]);
    expect(info.changes).toBeGreaterThan(0);
    expect(info.lastTime).toBeGreaterThan(0);
  });
  it.skipIf(!haveGtkwave && !process.env.CI)(
    'is read by GTKWave (vcd2fst, then fst2vcd gives the same signals)',
    () => {
      expect(haveGtkwave, 'vcd2fst not found: apt-get install -y --no-install-recommends gtkwave (.ci/run does)').toBe(
        true,
      );
      const fst = file.replace(/\.vcd$/, '.fst');
      const a = spawnSync('vcd2fst', [file, fst], { encoding: 'utf8' });
      expect(a.status, a.stderr + a.stdout).toBe(0);
      const b = spawnSync('fst2vcd', [fst], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(b.status, b.stderr).toBe(0);
      const back = checkVcd(b.stdout);
      const names = (m: typeof back.vars) =>
        [...new Set([...m.values()].map((x) => x.path.split('.').pop()!.replace(/\[.*$/, '')))].sort();
      expect(names(back.vars)).toEqual(names(checkVcd(readFileSync(file, 'utf8')).vars));
    },
  );
});

describe('the VCD reader rejects what GTKWave would choke on', () => {
  it('names the problems', () => {
    const bad =
      '$timescale 3ns $end\n$scope module t $end\n$var wire 0 ! a $end\n$enddefinitions $end\n#5\nb101 !\n#2\n1"\n';
    const p = checkVcd(bad).problems.join('\n');
    expect(p).toMatch(/bad \$timescale/);
    expect(p).toMatch(/bad size/);
    expect(p).toMatch(/not closed/);
    expect(p).toMatch(/time goes back/);
    expect(p).toMatch(/undeclared id '"'/);
  });
});
