// The one P&R cache (formal/fpga-timing-cache.ts) that `vti gen --fpga`, the report and
// bench/rtl share: a second call with the same Verilog, module, target, seeds and tool versions
// is a hit with the same figures; a change to any of them is a miss; a module's key covers only
// the Verilog it needs; the report's timing section reads the entries `vti gen` wrote.
// nextpnr-ice40 is installed by CI.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../cache/content-cache.js';
import { cachedFpgaTiming, fpgaTimingCache, fpgaTimingKey, moduleFiles } from '../../formal/fpga-timing-cache.js';
import { DEFAULT_CONFIG, generateVti } from '../../gen/vti.js';
import { moduleTiming, REPORT_FPGA_SEEDS } from '../../report/timing.js';
import { budget } from '../budget.js';

const dir = mkdtempSync(join(tmpdir(), 'vti-pnr-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const g = generateVti(DEFAULT_CONFIG);
const addr = g.design.modules.find((m) => m.name === 'vti_addr_check')!;
const addrFiles = moduleFiles(g.design, g.files, 'vti_addr_check');
const tools = { nextpnr: 'nextpnr-ice40 -- Next Generation Place and Route (Version 0.4)', yosys: '0.55' };

describe('the P&R cache', () => {
  it('a module needs its own Verilog and its instances’, nothing else', () => {
    expect(Object.keys(addrFiles)).toEqual(['vti_addr_check.v']);
    expect(Object.keys(moduleFiles(g.design, g.files, 'vti_core')).sort()).toEqual([
      'vti_addr_check.v',
      'vti_core.v',
      'vti_fault_prio.v',
      'vti_psr.v',
      'vti_vmsw.v',
    ]);
    expect(() => moduleFiles(g.design, g.files, 'vti_nothing')).toThrow('module vti_nothing is not in the design');
  });

  it('the key changes with each thing the result depends on, and only with those', () => {
    const base = keyOf(fpgaTimingKey(addrFiles, 'vti_addr_check', 'ice40-hx8k', [1, 2, 3], tools));
    const other = (k: string[]) => expect(keyOf(k)).not.toBe(base);
    other(
      fpgaTimingKey(
        { 'vti_addr_check.v': `${addrFiles['vti_addr_check.v']} ` },
        'vti_addr_check',
        'ice40-hx8k',
        [1, 2, 3],
        tools,
      ),
    );
    other(fpgaTimingKey(addrFiles, 'vti_vmsw', 'ice40-hx8k', [1, 2, 3], tools));
    other(fpgaTimingKey(addrFiles, 'vti_addr_check', 'ice40-up5k', [1, 2, 3], tools));
    other(fpgaTimingKey(addrFiles, 'vti_addr_check', 'ice40-hx8k', [1, 2], tools));
    other(fpgaTimingKey(addrFiles, 'vti_addr_check', 'ice40-hx8k', [1, 2, 3], { ...tools, nextpnr: 'Version 0.5' }));
    other(fpgaTimingKey(addrFiles, 'vti_addr_check', 'ice40-hx8k', [1, 2, 3], { ...tools, yosys: '0.56' }));
    // Files that are not Verilog (the FuseSoC core file) and the order of the files do not count.
    const same = fpgaTimingKey({ 'x.core': 'CAPI=2', ...addrFiles }, 'vti_addr_check', 'ice40-hx8k', [1, 2, 3], tools);
    expect(keyOf(same)).toBe(base);
    // A change in vti_core does not touch vti_vmsw's key: its files leave vti_core.v out.
    const edited = { ...g.files, 'vti_core.v': `${g.files['vti_core.v']}\n// edited\n` };
    expect(moduleFiles(g.design, edited, 'vti_vmsw')).toEqual(moduleFiles(g.design, g.files, 'vti_vmsw'));
  });

  it('a second call hits, a changed input misses, and the report reads what vti gen wrote', {
    timeout: budget(300_000),
  }, async () => {
    const cache = fpgaTimingCache(dir, () => {});
    const first = await cachedFpgaTiming(addrFiles, addr, 'ice40-hx8k', [1], cache);
    expect(first.hit).toBe(false);
    expect(first.timing.top).toBe('vti_addr_check');
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toHaveLength(1);
    const again = await cachedFpgaTiming(addrFiles, addr, 'ice40-hx8k', [1], cache);
    expect(again).toEqual({ timing: first.timing, hit: true });
    // Changed Verilog (a comment: same netlist, other text) and changed seeds: recomputed.
    const commented = { 'vti_addr_check.v': `${addrFiles['vti_addr_check.v']}// changed\n` };
    expect((await cachedFpgaTiming(commented, addr, 'ice40-hx8k', [1], cache)).hit).toBe(false);
    expect((await cachedFpgaTiming(addrFiles, addr, 'ice40-hx8k', [2], cache)).hit).toBe(false);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toHaveLength(3);
    // What `vti gen --fpga` (collectTiming: moduleFiles + cachedFpgaTiming) stored, the report's
    // timing section finds: one cache, one key.
    const gen = await cachedFpgaTiming(addrFiles, addr, 'ice40-hx8k', REPORT_FPGA_SEEDS, cache);
    expect(gen.hit).toBe(false);
    expect(
      await moduleTiming(
        g,
        'vti_addr_check',
        fpgaTimingCache(dir, () => {}),
      ),
    ).toEqual({
      timing: gen.timing,
      cached: true,
    });
  });
});
