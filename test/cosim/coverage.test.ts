// Functional coverage: the reachable-bin space follows the spec's rules (checked on classes
// whose bins are easy to count by hand), a directed program hits exactly the bins of its
// cases, and fixed-seed random programs cover every pair of the core's faults that can be
// pending together, most class × cpl × vm × outcome bins, and every PSR transition the
// default profile can produce (any hole left is a rare epc promotion).
import { describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { ICLASS } from '../../arch/iclass.js';
import { Coverage, reachableOutcome } from '../../sim/cosim/lockstep/coverage.js';
import { factoryFor, runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';
import { createEngine } from '../../sim/engine.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';
import { item } from './items.js';

const modes = Array.from({ length: 8 }, (_, i) => ({ cpl: i >> 1, vm: i & 1 }));
const OUTS = [
  'completed',
  'illegal_op',
  'priv_op',
  'reg_nat',
  'reserved_reg_field',
  'unimpl_data_addr',
  'virtualization',
  'break_inst',
  'unimpl_inst_addr_trap',
];
const reachable = (cls: keyof typeof ICLASS) =>
  modes.flatMap(({ cpl, vm }) =>
    OUTS.filter((o) => reachableOutcome(ICLASS[cls].code, cpl, vm, o, RANDOM_GEN)).map((o) => `${cpl}${vm}${o}`),
  );

describe('reachable outcome bins (architecture.md §3, §6)', () => {
  it('BREAK: a Break Instruction fault in all 8 modes, never completes', () => {
    expect(reachable('BREAK').sort()).toEqual(modes.map(({ cpl, vm }) => `${cpl}${vm}break_inst`).sort());
  });
  it('SSM: cpl 0 vm 0 completes or Reserved Field; cpl 0 vm 1 Reserved Field or Virtualization; cpl > 0 Privileged Operation', () => {
    expect(reachable('SSM').sort()).toEqual(
      [
        '00completed',
        '00reserved_reg_field',
        '01reserved_reg_field',
        '01virtualization',
        ...[1, 2, 3].flatMap((c) => [`${c}0priv_op`, `${c}1priv_op`]),
      ].sort(),
    );
  });
  it('VMSW (VT on): at cpl 0 completes or Virtualization at either vm; above it Privileged Operation', () => {
    expect(reachable('VMSW').sort()).toEqual(
      [
        '00completed',
        '00virtualization',
        '01completed',
        '01virtualization',
        ...[1, 2, 3].flatMap((c) => [`${c}0priv_op`, `${c}1priv_op`]),
      ].sort(),
    );
  });
  it('THASH_TTAG: Virtualization at vm 1 at any cpl, completes at vm 0', () => {
    expect(reachable('THASH_TTAG').sort()).toEqual(
      [0, 1, 2, 3].flatMap((c) => [`${c}0completed`, `${c}1virtualization`]).sort(),
    );
  });
});

describe('coverage of lockstep runs', () => {
  it('a directed program hits the bins of its cases', async () => {
    const items = [
      item('ssm 0x4000', 'M', { cpl: 3 }),
      item('ssm 0x10000', 'M', { vm: 1 }),
      item('vmsw.0', 'B', { vm: 1 }, { page: 'ar7' }),
      item('mov psr.l = r2', 'M', { vm: 1 }, { r2: 'nat', natValue: 1n << 16n }),
    ];
    const cov = new Coverage(RANDOM_GEN);
    const engine = await createEngine('builtin', vtiDesign('vti_core', RANDOM_GEN));
    try {
      const r = await runLockstep(factoryFor(buildRandomProgram(renderProgram(items)).elf, RANDOM_GEN), {
        engine: 'builtin',
        gen: RANDOM_GEN,
        engineInstance: engine,
        onBatch: (b) => cov.add(b),
      });
      expect(r.mismatch).toBeUndefined();
    } finally {
      await engine.close();
    }
    const s = cov.summary();
    const hit = (name: string) => !s.outcomes.holes.includes(name);
    expect(hit('SSM cpl3 vm0 priv_op')).toBe(true);
    expect(hit('SSM cpl0 vm1 reserved_reg_field')).toBe(true);
    expect(hit('VMSW cpl0 vm1 completed')).toBe(true);
    expect(hit('MOV_TO_PSR_L cpl0 vm1 reg_nat')).toBe(true);
    expect(hit('SSM cpl0 vm1 virtualization')).toBe(false);
    // mov psr.l with a NaT source holding reserved bits at vm 1: three of the core's faults at once.
    expect(s.pairs.holes).not.toContain('reg_nat+reserved_reg_field');
    expect(s.pairs.holes).not.toContain('reg_nat+virtualization');
    expect(s.pairs.holes).not.toContain('reserved_reg_field+virtualization');
    expect(s.modelDisagreements).toBe(0);
  });

  it('fixed-seed random programs: all fault pairs, most outcome bins, every reachable PSR transition kind', async () => {
    const cov = new Coverage(RANDOM_GEN);
    const name = verilatorAvailable() ? 'verilator' : 'builtin';
    const engine = await createEngine(name, vtiDesign('vti_core', RANDOM_GEN));
    let n = 0;
    try {
      for (const seed of [11, 12, 13, 14]) {
        const elf = buildRandomProgram(renderProgram(randomItems(seed, 500))).elf;
        const r = await runLockstep(factoryFor(elf, RANDOM_GEN), {
          engine: name,
          gen: RANDOM_GEN,
          engineInstance: engine,
          onBatch: (b) => cov.add(b),
        });
        expect(r.mismatch).toBeUndefined();
        n += r.instructions;
      }
    } finally {
      await engine.close();
    }
    const s = cov.summary();
    expect(n).toBeGreaterThan(100_000);
    expect(s.pairs.holes).toEqual([]);
    expect(s.outcomes.pct).toBeGreaterThan(90);
    // The default profile sets PSR.ss/tb/lp in modes and rfi targets: their transitions are hit.
    const trapBits = ['lp', 'tb', 'ss'].flatMap((f) => [`psr.${f} 0->1`, `psr.${f} 1->0`]);
    for (const b of trapBits) expect(s.psr.holes).not.toContain(b);
    // Any hole left is a promotion by epc (cpl a -> b < a without an interruption), rare but reachable.
    for (const h of s.psr.holes) expect(h).toMatch(/^psr\.cpl ([1-3])->([0-2])$/);
    expect(s.modelDisagreements).toBe(0);
  });
});
