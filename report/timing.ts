// The report's timing section: every generated module placed and routed out of context on the
// iCE40 HX8K (formal/fpga-timing.ts: registered boundary, Yosys synth_ice40, nextpnr-ice40,
// median of the seeds), its Fmax and its critical path in the TypeScript source's names — the
// figures of `vti gen --stats --fpga ice40-hx8k`. Place and route is slow and deterministic for
// a given netlist, seed and tool version, so results come from the one P&R cache that
// `vti gen --fpga` fills too (formal/fpga-timing-cache.ts: same key, same entries). Without
// nextpnr-ice40 (CI installs it) the section is skipped and says why.
import type { Cache } from '../cache/content-cache.js';
import type { FpgaTarget, FpgaTiming } from '../formal/fpga-timing.js';
import type { Generated } from '../gen/vti.js';
import type { Step } from '../pipeline/step.js';

/** The section's id (`vti report --skip fpga`). */
export const FPGA_STEP_ID = 'fpga';
export const REPORT_FPGA_TARGET: FpgaTarget = 'ice40-hx8k';
export const REPORT_FPGA_SEEDS = [1, 2, 3] as const;

/** Per module: its timing, or why there is none. */
export interface TimingReport {
  readonly module: string;
  readonly timing?: FpgaTiming;
  readonly cached?: boolean;
  readonly error?: string;
}

/** One module's timing through the P&R cache (`cache`: formal/fpga-timing-cache.ts fpgaTimingCache). */
export async function moduleTiming(
  g: Generated,
  name: string,
  cache: Cache,
): Promise<{ timing: FpgaTiming; cached: boolean }> {
  const { cachedFpgaTiming, moduleFiles } = await import('../formal/fpga-timing-cache.js');
  const dut = g.design.modules.find((m) => m.name === name);
  if (!dut) throw new Error(`module ${name} is not in the generated design`);
  const r = await cachedFpgaTiming(
    moduleFiles(g.design, g.files, name),
    dut,
    REPORT_FPGA_TARGET,
    REPORT_FPGA_SEEDS,
    cache,
  );
  return { timing: r.timing, cached: r.hit };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The timing section (skippable as `fpga`), over `modules` (default: all five), through the P&R `cache`. */
export function fpgaStep(g: Generated, cache: Cache, modules?: readonly string[]): Step<readonly TimingReport[]> {
  return {
    id: FPGA_STEP_ID,
    title: `timing: out-of-context Fmax on iCE40 ${REPORT_FPGA_TARGET.slice(6).toUpperCase()} (nextpnr-ice40)`,
    async run({ say }) {
      const { nextpnrVersion } = await import('../formal/fpga-timing.js');
      const nextpnr = nextpnrVersion();
      if (!nextpnr)
        return {
          status: 'skipped',
          detail: 'nextpnr-ice40 is not installed (Debian: apt-get install nextpnr-ice40)',
          data: [],
        };
      const { VTI_MODULES } = await import('../gen/vti.js');
      const rows: TimingReport[] = [];
      for (const name of modules ?? VTI_MODULES) {
        try {
          const { timing, cached } = await moduleTiming(g, name, cache);
          rows.push({ module: name, timing, cached });
          say(`${name}: ${timing.fmaxMHz.toFixed(1)} MHz${cached ? ' (cached)' : ''}`);
        } catch (e) {
          rows.push({ module: name, error: message(e) });
          say(`${name}: ${message(e).split('\n')[0]}`);
        }
      }
      const bad = rows.filter((r) => r.error).length;
      const worst = rows.flatMap((r) => (r.timing ? [r.timing] : [])).sort((a, b) => a.fmaxMHz - b.fmaxMHz)[0];
      return {
        status: bad ? 'FAIL' : 'pass',
        detail: `${rows.length} modules, ${bad} problems${worst ? `; slowest ${worst.top} ${worst.fmaxMHz.toFixed(1)} MHz` : ''}`,
        data: rows,
      };
    },
  };
}
