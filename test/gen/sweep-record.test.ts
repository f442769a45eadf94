// bench/gen/sweep-record.ts reads bench/gen/sweep.ts's output back (so the README's 65536 table
// is the script's own figures): both the one-line format of earlier runs and the per-tool one.
import { describe, expect, it } from 'vitest';
import { parseSweepLog, sweepTable } from '../../bench/gen/sweep-record.js';

const ONE_LINE =
  'tree         n= 65536  gen  22748 ms    3911 KB  longest line   5409  all 4 tools clean  (lint 459.0 s, yosys 155.4 s, all 637.4 s)\n';
const PER_TOOL = `prefix       n= 65536  gen    900 ms    5530 KB  longest line   4200  TIMED OUT (yosys)  (all 1900.2 s)
    verilator            clean    1.2 s wall
    verilator-1364-2005  clean    1.8 s wall
    iverilog             clean    0.3 s wall
    yosys                TIMEOUT  1800.0 s wall  timed out after 1800000 ms (killed)
mux-chain    n= 65536  gen   2004 ms    1841 KB  longest line    726  all 4 tools clean  (lint 31.8 s, yosys 206.2 s, all 239.9 s)
    verilator            clean    31.8 s wall
    verilator-1364-2005  clean    30.1 s wall
    iverilog             clean    4.0 s wall
    yosys                clean    206.2 s wall, 120.5 s CPU
`;

describe('sweep log → README table', () => {
  it('reads both formats; without lint/yosys in the summary they come from the tool lines', () => {
    const points = parseSweepLog(ONE_LINE + PER_TOOL);
    expect(points).toEqual([
      {
        style: 'tree',
        n: 65536,
        genMs: 22748,
        kb: 3911,
        longestLine: 5409,
        verdict: 'all 4 tools clean',
        lintS: 459,
        yosysS: 155.4,
        allS: 637.4,
      },
      {
        style: 'prefix',
        n: 65536,
        genMs: 900,
        kb: 5530,
        longestLine: 4200,
        verdict: 'TIMED OUT (yosys)',
        lintS: 1.8,
        yosysS: 1800,
        allS: 1900.2,
      },
      {
        style: 'mux-chain',
        n: 65536,
        genMs: 2004,
        kb: 1841,
        longestLine: 726,
        verdict: 'all 4 tools clean',
        lintS: 31.8,
        yosysS: 206.2,
        allS: 239.9,
        yosysCpuS: 120.5,
      },
    ]);
  });
  it('one row per point in style order, a timeout shown as such', () => {
    const table = sweepTable(parseSweepLog(ONE_LINE + PER_TOOL), ['prefix', 'tree', 'mux-chain']).split('\n');
    expect(table.slice(2)).toEqual([
      '| prefix | 65536 | 900 ms | 5.4 MB | 4200 | TIMED OUT (yosys) | 2 s | 1800 s | 1900 s |',
      '| tree | 65536 | 22748 ms | 3.8 MB | 5409 | all clean | 459 s | 155 s | 637 s |',
      '| mux-chain | 65536 | 2004 ms | 1.8 MB | 726 | all clean | 32 s | 206 s (121 s CPU) | 240 s |',
    ]);
  });
});
