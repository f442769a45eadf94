// The HDL lint gate: every generated module must pass `verilator --lint-only -Wall`
// (default language and Verilog-2005) and `iverilog -g2005 -Wall` without a message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runWithTimeout } from '../verilator/exec.js';
import { type ModuleSpec, validateSpec } from '../verilator/spec.js';
import { requireTool } from '../verilator/tools.js';
import { formatLintMessage, type LintMessage, type LintTool, parseIverilog, parseVerilator } from './parse.js';

export interface LintOptions {
  /** verilator binary (default 'verilator'). */
  verilator?: string;
  /** iverilog binary (default 'iverilog'). */
  iverilog?: string;
  /** Kill a tool still running after this many ms and report it as timed out (never as clean). */
  timeoutMs?: number;
}

export interface LintRun {
  tool: LintTool;
  args: string[];
  exitCode: number;
  /** stderr + stdout of the tool. */
  output: string;
  /** Wall time of the run in ms. */
  ms: number;
  /** Killed after LintOptions.timeoutMs. */
  timedOut?: true;
}

export interface LintResult {
  top: string;
  /** True when no tool printed a message and all exited 0. */
  clean: boolean;
  messages: LintMessage[];
  runs: LintRun[];
}

/** Lint `spec` with the three tool configurations (run concurrently, ~0.1 s each). */
export async function lintVerilog(spec: ModuleSpec, opts: LintOptions = {}): Promise<LintResult> {
  validateSpec(spec, 'lintVerilog');
  const verilator = opts.verilator ?? 'verilator';
  const iverilog = opts.iverilog ?? 'iverilog';
  requireTool('verilator', verilator);
  requireTool('iverilog', iverilog);
  const dir = mkdtempSync(join(tmpdir(), 'vti-lint-'));
  try {
    const files = Object.keys(spec.files).sort();
    for (const f of files) writeFileSync(join(dir, f), spec.files[f]!);
    // Relative file names, cwd = dir: the tools then report the spec's own file names.
    const configs: { tool: LintTool; bin: string; args: string[] }[] = [
      { tool: 'verilator', bin: verilator, args: ['--lint-only', '-Wall', '--top-module', spec.top, ...files] },
      {
        tool: 'verilator-1364-2005',
        bin: verilator,
        args: ['--lint-only', '-Wall', '--language', '1364-2005', '--top-module', spec.top, ...files],
      },
      {
        tool: 'iverilog',
        bin: iverilog,
        args: ['-g2005', '-Wall', '-o', join(dir, 'a.out'), '-s', spec.top, ...files],
      },
    ];
    const runs = await Promise.all(
      configs.map(async (c): Promise<LintRun> => {
        const t0 = performance.now();
        const r = opts.timeoutMs
          ? await runWithTimeout(c.bin, c.args, dir, opts.timeoutMs)
          : { ...(await run(c.bin, c.args, dir)), timedOut: false };
        const ms = performance.now() - t0;
        const output = r.stderr + r.stdout;
        return {
          tool: c.tool,
          args: c.args,
          exitCode: r.code,
          output,
          ms,
          ...(r.timedOut ? { timedOut: true as const } : {}),
        };
      }),
    );
    const messages: LintMessage[] = [];
    for (const r of runs) {
      if (r.timedOut) {
        const message = `timed out after ${opts.timeoutMs} ms (killed)`;
        messages.push({ tool: r.tool, file: null, line: null, column: null, severity: 'error', code: null, message });
        continue;
      }
      const ms = r.tool === 'iverilog' ? parseIverilog(r.output) : parseVerilator(r.output, r.tool);
      if (ms.length === 0 && r.exitCode !== 0) {
        // Never let a failing tool pass silently because its output was not understood.
        const text = r.output.trim().split('\n').slice(0, 5).join(' | ');
        ms.push({
          tool: r.tool,
          file: null,
          line: null,
          column: null,
          severity: 'error',
          code: null,
          message: `exited with code ${r.exitCode}: ${text}`,
        });
      }
      messages.push(...ms);
    }
    return { top: spec.top, clean: messages.length === 0, messages, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Multi-line report of a lint result (empty string when clean). */
export function formatLintResult(r: LintResult): string {
  if (r.clean) return '';
  const n = r.messages.length;
  return [
    `lint failed for module '${r.top}' (${n} message${n === 1 ? '' : 's'}):`,
    ...r.messages.map((m) => `  ${formatLintMessage(m)}`),
  ].join('\n');
}

/** Throw a readable error listing every message unless `spec` lints clean. */
export async function assertLintClean(spec: ModuleSpec, opts: LintOptions = {}): Promise<void> {
  const r = await lintVerilog(spec, opts);
  if (!r.clean) throw new Error(formatLintResult(r));
}
