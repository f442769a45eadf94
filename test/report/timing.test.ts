// The report's timing section (report/timing.ts): modules placed and routed on the HX8K by
// nextpnr-ice40 (CI installs it), Fmax and the critical path named by the TypeScript lines, the
// result cached by content, shown on the page; without nextpnr-ice40 the section is skipped
// and says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fpgaTimingCache } from '../../formal/fpga-timing-cache.js';
import { DEFAULT_CONFIG, generateVti } from '../../gen/vti.js';
import { dataOf, runSteps, summaryOf } from '../../pipeline/step.js';
import { renderHtml } from '../../report/page.js';
import { fpgaStep, REPORT_FPGA_SEEDS } from '../../report/timing.js';
import type { ReportData } from '../../report/types.js';
import { budget } from '../budget.js';

const dir = mkdtempSync(join(tmpdir(), 'vti-report-fpga-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const g = generateVti(DEFAULT_CONFIG);
const options = { gen: DEFAULT_CONFIG, engine: 'builtin', seed: 1, vectors: 1 } as never;
const step = () =>
  fpgaStep(
    g,
    fpgaTimingCache(dir, () => {}),
    ['vti_vmsw', 'vti_addr_check'],
  );

function page(results: Awaited<ReturnType<typeof runSteps>>, timing: ReportData['timing']): string {
  const d: ReportData = {
    generatedAt: '2026-12-07T00:00:00Z',
    versions: {},
    options: { out: dir, vectors: 1, seed: 1, engine: 'builtin', iterations: 1, flushCycles: 1 },
    manifest: g.manifest,
    modules: [],
    sections: results.map(summaryOf),
    ...(timing ? { timing } : {}),
  };
  return renderHtml(d, 1);
}

describe('report: Fmax on the iCE40 HX8K', () => {
  it('places and routes each module, names the critical path in TypeScript, shows it and caches it', {
    timeout: budget(180_000),
  }, async () => {
    const s = step();
    const [r] = await runSteps([s], options);
    expect(r!.status, r!.error).toBe('pass');
    const rows = dataOf([r!], s)!;
    expect(rows.map((x) => x.module)).toEqual(['vti_vmsw', 'vti_addr_check']);
    for (const row of rows) {
      const t = row.timing!;
      expect(row.cached).toBe(false);
      expect(t.seeds.map((x) => x.seed)).toEqual([...REPORT_FPGA_SEEDS]);
      // A few LUT levels between registers: far above a board clock, below the LUT's own limit.
      expect(t.fmaxMHz).toBeGreaterThan(50);
      expect(t.fmaxMHz).toBeLessThan(1000);
      expect(t.criticalPath.length).toBeGreaterThan(1);
    }
    const vmsw = rows[0]!.timing!;
    expect(vmsw.criticalPath.some((p) => /^hdl\/vti\/vmsw\.ts:\d+$/.test(p.source ?? ''))).toBe(true);
    expect(r!.detail).toMatch(/^2 modules, 0 problems; slowest vti_\w+ \d+\.\d MHz$/);

    const html = page([r!], rows);
    expect(html).toContain('<section id="fpga"><h2>Timing on the iCE40 HX8K</h2>');
    expect(html).toContain(`<td class="num">${vmsw.fmaxMHz.toFixed(1)}</td>`);
    expect(html).toContain(`critical path of vti_vmsw: ${vmsw.fmaxMHz.toFixed(1)} MHz`);
    const src = vmsw.criticalPath.find((p) => p.source?.startsWith('hdl/'))!;
    expect(html).toContain(`<td><code>${src.net}</code></td><td><code>${src.source}</code></td>`);

    // The second run takes the figures from the cache, unchanged.
    const again = step();
    const [r2] = await runSteps([again], options);
    const cached = dataOf([r2!], again)!;
    expect(cached.map((x) => x.cached)).toEqual([true, true]);
    expect(cached.map((x) => x.timing)).toEqual(rows.map((x) => x.timing));
  });

  it('without nextpnr-ice40 on the PATH the section is skipped and says why', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // a folder with no nextpnr-ice40
    try {
      const s = step();
      const [r] = await runSteps([s], options);
      expect([r!.status, r!.detail]).toEqual([
        'skipped',
        'nextpnr-ice40 is not installed (Debian: apt-get install nextpnr-ice40)',
      ]);
      const html = page([r!], undefined);
      expect(html).toContain('<b>skipped</b>: nextpnr-ice40 is not installed');
    } finally {
      process.env.PATH = path;
    }
  });
});
