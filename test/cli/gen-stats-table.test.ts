// `vti gen --stats` table with and without --fpga: the Fmax column is each module's own
// figure (matched by module name, not by row order), '–' where a module has none, and a line
// under the table says how it was measured (one seed or the median of several).
import { describe, expect, it } from 'vitest';
import { formatStats } from '../../cli/commands/gen.js';
import type { FpgaTiming } from '../../formal/fpga-timing.js';

const row = (module: string, luts: number) => ({
  module,
  cells: 10,
  depth: 2,
  luts,
  carries: 0,
  ffs: 1,
  iceDepth: 1,
  ms: 5,
});
const timing = (top: string, fmaxMHz: number, seeds: number[]): FpgaTiming => ({
  top,
  target: 'ice40-hx8k',
  fmaxMHz,
  seeds: seeds.map((seed) => ({ seed, fmaxMHz })),
  criticalPath: [],
  lcUsed: 1,
  lcAvailable: 7680,
  ms: 1,
});

describe('vti gen --stats table', () => {
  const rows = [row('a_mod', 3), row('b_mod', 4), row('c_mod', 5)];

  it('has no Fmax column without timing', () => {
    const t = formatStats(rows);
    expect(t).not.toContain('Fmax');
    expect(t.trimEnd().split('\n')).toHaveLength(5);
  });

  it('puts each module its own Fmax, a dash where none, and the seed in the caption', () => {
    const t = formatStats(rows, [timing('c_mod', 61.25, [1]), timing('a_mod', 140, [1])]);
    const lines = t.trimEnd().split('\n');
    expect(lines[0]).toMatch(/\| Fmax HX8K \(MHz\) \|$/);
    expect(lines.find((l) => l.startsWith('| a_mod'))).toMatch(/\| +140\.0 \|$/);
    expect(lines.find((l) => l.startsWith('| b_mod'))).toMatch(/\| +– \|$/);
    expect(lines.find((l) => l.startsWith('| c_mod'))).toMatch(/\| +61\.3 \|$/);
    expect(lines.at(-1)).toContain('one seed (1)');
  });

  it('says median of the seeds when there are several', () => {
    const t = formatStats(rows, [timing('a_mod', 100, [1, 2, 3])]);
    expect(t.trimEnd().split('\n').at(-1)).toContain('median of seeds 1, 2, 3');
  });
});
