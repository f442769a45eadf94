// One point of the style × size sweep: generate a design style at N inputs and run every gate
// the project's generated RTL must pass — Verilator -Wall (default and 1364-2005), iverilog
// -g2005 -Wall (sim/lint) and the Yosys gate (formal/gate.ts). Used by the CI sweep test
// (test/gen/style-sweep.test.ts) and the big sweep (bench/gen/sweep.ts).
import { yosysGate } from '../../formal/gate.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { lintVerilog } from '../../sim/lint/index.js';
import { STYLE_DESIGNS, type Style } from './styles.js';

export interface SweepPoint {
  readonly style: Style;
  readonly n: number;
  /** Generation (build + check + emit) time in ms. */
  readonly genMs: number;
  readonly verilogKB: number;
  /** Longest line of the output in characters. */
  readonly maxLine: number;
  /** Wall time of the three lint runs (run concurrently) and of the Yosys gate, in ms. */
  readonly lintMs: number;
  readonly yosysMs: number;
  /** Per tool: '' when it accepted the output, else its first messages. */
  readonly tools: Readonly<Record<'verilator' | 'verilator-1364-2005' | 'iverilog' | 'yosys', string>>;
}

export async function sweepPoint(style: Style, n: number): Promise<SweepPoint> {
  const t0 = performance.now();
  const spec = moduleSpec(elaborate(STYLE_DESIGNS[style].make(n)).design);
  const genMs = performance.now() - t0;
  const text = Object.values(spec.files).join('\n');
  let maxLine = 0;
  for (const line of text.split('\n')) maxLine = Math.max(maxLine, line.length);
  const t1 = performance.now();
  const lint = await lintVerilog(spec);
  const lintMs = performance.now() - t1;
  const tools = { verilator: '', 'verilator-1364-2005': '', iverilog: '', yosys: '' };
  for (const m of lint.messages) tools[m.tool] ||= `${m.file ?? ''}:${m.line ?? ''}: ${m.message}`.slice(0, 300);
  const t2 = performance.now();
  const gate = await yosysGate(spec.files, spec.top);
  const yosysMs = performance.now() - t2;
  if (!gate.ok)
    tools.yosys = gate.problems
      .map((p) => p.message)
      .join(' | ')
      .slice(0, 300);
  return { style, n, genMs, verilogKB: text.length / 1024, maxLine, lintMs, yosysMs, tools };
}
