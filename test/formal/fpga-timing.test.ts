// `vti gen --stats --fpga`: out-of-context place and route of a generated module with
// nextpnr-ice40 (CI installs it), Fmax and the critical path from its JSON report, the path's
// nets named by the TypeScript lines that wrote them.
import { describe, expect, it } from 'vitest';
import { fpgaTiming } from '../../formal/fpga-timing.js';
import { generateVti } from '../../gen/vti.js';

describe('fpgaTiming', () => {
  it('places and routes vti_vmsw on the HX8K and names its critical path in the TypeScript source', async () => {
    const g = generateVti();
    const vmsw = g.design.modules.find((m) => m.name === 'vti_vmsw')!;
    const t = await fpgaTiming(g.files, vmsw, 'ice40-hx8k', [1]);
    expect(t.top).toBe('vti_vmsw');
    expect(t.seeds.map((s) => s.seed)).toEqual([1]);
    // A few LUT levels between registers: far above the 12 MHz board clock, below the LUT's own limit.
    expect(t.fmaxMHz).toBeGreaterThan(50);
    expect(t.fmaxMHz).toBeLessThan(1000);
    expect(t.lcAvailable).toBe(7680);
    expect(t.lcUsed).toBeGreaterThan(0);
    // The path starts at a boundary register that feeds an input port of the module…
    expect(t.criticalPath[0]!.source).toMatch(/^input \w+/);
    // …runs through logic written in hdl/vti/vmsw.ts, and its arrival times only grow.
    expect(t.criticalPath.some((s) => /^hdl\/vti\/vmsw\.ts:\d+$/.test(s.source ?? ''))).toBe(true);
    const arrivals = t.criticalPath.map((s) => s.arrivalNs);
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    expect(1000 / arrivals.at(-1)!).toBeGreaterThanOrEqual(t.fmaxMHz * 0.9);
  }, 300_000);
});
