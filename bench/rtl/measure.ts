// One design's figures for the bench/rtl tables: Yosys `synth` cells and depth, `synth_ice40`
// LUT4 / DFF / LUT depth (formal/stats.ts, the figures of `vti gen --stats`), and optionally the
// out-of-context Fmax on the HX8K (formal/fpga-timing.ts, nextpnr-ice40, median of the seeds),
// through the P&R cache that `vti gen --fpga` and the report use (formal/fpga-timing-cache.ts).
import { cachedFpgaTiming } from '../../formal/fpga-timing-cache.js';
import { synthStats } from '../../formal/stats.js';
import type { IRModule } from '../../hdl/ir/types.js';

export interface Figures {
  readonly cells: number;
  readonly depth: number;
  readonly luts: number;
  readonly ffs: number;
  readonly lutDepth: number;
  readonly fmaxMHz?: number;
}

/** A design as Verilog text (the files it needs); `ir` (an eDSL module) is what fpgaTiming wraps with registers. */
export interface Design {
  readonly files: Readonly<Record<string, string>>;
  readonly top: string;
  readonly ir: IRModule;
}

export async function measure(d: Design, seeds: readonly number[] | undefined): Promise<Figures> {
  const s = await synthStats(d.files, d.top);
  const base = {
    cells: s.generic.cells,
    depth: s.generic.depth,
    luts: s.ice40.luts,
    ffs: s.ice40.ffs,
    lutDepth: s.ice40.depth,
  };
  if (!seeds) return base;
  const { timing } = await cachedFpgaTiming(d.files, d.ir, 'ice40-hx8k', seeds);
  return { ...base, fmaxMHz: timing.fmaxMHz };
}
