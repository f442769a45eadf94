// One point of the style × size sweep: generate a design style at N inputs and run every gate
// the project's generated RTL must pass — Verilator -Wall (default and 1364-2005), iverilog
// -g2005 -Wall (sim/lint) and the Yosys gate (formal/gate.ts). Used by the CI sweep test
// (test/gen/style-sweep.test.ts) and the big sweep (bench/gen/sweep.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yosysGate } from '../../formal/gate.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { elaborate } from '../../hdl/dsl/index.js';
import { lintVerilog } from '../../sim/lint/index.js';
import type { GateReply } from './sweep-gate.js';
import { STYLE_DESIGNS, type Style } from './styles.js';

export const SWEEP_TOOLS = ['verilator', 'verilator-1364-2005', 'iverilog', 'yosys'] as const;
export type SweepTool = (typeof SWEEP_TOOLS)[number];

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
  /** Per tool: '' when it accepted the output, else its first messages (or that it timed out). */
  readonly tools: Readonly<Record<SweepTool, string>>;
  /** Per tool: its wall time in ms (the lint tools run concurrently, so they share the CPUs). */
  readonly toolMs: Readonly<Record<SweepTool, number>>;
  /** The tools stopped at the time limit: neither clean nor rejected. */
  readonly timedOut: readonly SweepTool[];
  /** CPU time of the Yosys gate's process (WASM compile included), when it ran in a child. */
  readonly yosysCpuMs?: number;
}

export interface SweepOptions {
  /**
   * Stop a tool still running after this many ms (each lint tool, and the Yosys gate, which then
   * runs in a child process — bench/gen/sweep-gate.ts). Without it, Yosys runs in this process.
   */
  readonly timeoutMs?: number;
}

export async function sweepPoint(style: Style, n: number, opts: SweepOptions = {}): Promise<SweepPoint> {
  const t0 = performance.now();
  const spec = moduleSpec(elaborate(STYLE_DESIGNS[style].make(n)).design);
  const genMs = performance.now() - t0;
  const text = Object.values(spec.files).join('\n');
  let maxLine = 0;
  for (const line of text.split('\n')) maxLine = Math.max(maxLine, line.length);
  const t1 = performance.now();
  const lint = await lintVerilog(spec, opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {});
  const lintMs = performance.now() - t1;
  const tools = { verilator: '', 'verilator-1364-2005': '', iverilog: '', yosys: '' };
  for (const m of lint.messages)
    tools[m.tool] ||= `${m.file ? `${m.file}:${m.line ?? ''}: ` : ''}${m.message}`.slice(0, 300);
  const toolMs = { verilator: 0, 'verilator-1364-2005': 0, iverilog: 0, yosys: 0 };
  const timedOut: SweepTool[] = [];
  for (const r of lint.runs) {
    toolMs[r.tool] = r.ms;
    if (r.timedOut) timedOut.push(r.tool);
  }
  const t2 = performance.now();
  const gate = opts.timeoutMs
    ? await gateInChild(spec.files, spec.top, opts.timeoutMs)
    : await yosysGate(spec.files, spec.top);
  const yosysMs = performance.now() - t2;
  toolMs.yosys = yosysMs;
  if (gate === 'timeout') {
    timedOut.push('yosys');
    tools.yosys = `timed out after ${opts.timeoutMs} ms (killed)`;
  } else if (!gate.ok)
    tools.yosys = gate.problems
      .map((p) => p.message)
      .join(' | ')
      .slice(0, 300);
  const yosysCpuMs = gate !== 'timeout' && 'cpuMs' in gate ? { yosysCpuMs: gate.cpuMs } : {};
  return {
    style,
    n,
    genMs,
    verilogKB: text.length / 1024,
    maxLine,
    lintMs,
    yosysMs,
    tools,
    toolMs,
    timedOut,
    ...yosysCpuMs,
  };
}

const GATE_SCRIPT = fileURLToPath(new URL('./sweep-gate.ts', import.meta.url));

/** The Yosys gate in a child process (same Node flags: tsx's loader), killed after `timeoutMs`. */
async function gateInChild(
  files: Readonly<Record<string, string>>,
  top: string,
  timeoutMs: number,
): Promise<GateReply | 'timeout'> {
  const dir = mkdtempSync(join(tmpdir(), 'vti-sweep-'));
  try {
    const input = join(dir, 'point.json');
    writeFileSync(input, JSON.stringify({ files, top }));
    const args = [...process.execArgv, GATE_SCRIPT, input];
    return await new Promise((resolve, reject) => {
      const opts = {
        timeout: timeoutMs,
        killSignal: 'SIGKILL' as const,
        maxBuffer: 16 << 20,
        encoding: 'utf8' as const,
      };
      execFile(process.execPath, args, opts, (err, stdout, stderr) => {
        if (err?.killed) return resolve('timeout');
        if (err)
          return reject(new Error(`yosys gate process failed: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as GateReply);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
