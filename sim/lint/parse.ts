// Parsers for the diagnostics of Verilator and Icarus Verilog, turning their text
// into structured messages. Both tools print extra context lines (source excerpts,
// "... In instance", hints, summaries); only the located first line of each
// diagnostic is kept, and iverilog's "file:line:   : detail" lines are appended to
// the message they belong to.

export type LintTool = 'verilator' | 'verilator-1364-2005' | 'iverilog';

export interface LintMessage {
  tool: LintTool;
  /** File name as given in the spec (null for messages without a location). */
  file: string | null;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
  /** Verilator's warning code (WIDTH, UNUSEDSIGNAL, ...), null otherwise. */
  code: string | null;
  message: string;
}

// %Warning-WIDTH: a.v:7:12: msg      %Error: a.v:8:1: msg      %Error: msg
const VERILATOR_LINE = /^%(Warning|Error)(?:-([A-Z0-9_]+))?:\s*(?:([^:\s][^:]*?):(\d+):(?:(\d+):)?\s)?\s*(.*)$/;
const VERILATOR_SUMMARY = /^(Exiting due to \d+|Cannot continue|Command Failed)/;

export function parseVerilator(output: string, tool: LintTool): LintMessage[] {
  const out: LintMessage[] = [];
  for (const raw of output.split('\n')) {
    const m = VERILATOR_LINE.exec(raw.trimEnd());
    if (!m) continue; // context lines: source excerpt, carets, "... In instance", hints
    const [, kind, code, file, line, col, msg] = m;
    if (!file && VERILATOR_SUMMARY.test(msg!)) continue;
    out.push({
      tool,
      file: file ?? null,
      line: line ? Number(line) : null,
      column: col ? Number(col) : null,
      severity: kind === 'Error' ? 'error' : 'warning',
      code: code ?? null,
      message: msg!.trim(),
    });
  }
  return out;
}

// a.v:8: syntax error     a.v:5: warning: msg     a.v:3: error: msg     a.v:5:     : detail
const IVERILOG_LINE = /^([^:\s][^:]*?):(\d+):\s*(.*)$/;

export function parseIverilog(output: string): LintMessage[] {
  const out: LintMessage[] = [];
  for (const raw of output.split('\n')) {
    const detail = /^\s+:\s*(.*)$/.exec(raw);
    if (detail) {
      const prev = out[out.length - 1];
      if (prev && detail[1]!.trim()) prev.message += ` (${detail[1]!.trim()})`;
      continue;
    }
    const bare = /^(error|warning):\s*(.*)$/i.exec(raw.trim());
    if (bare) {
      // Unlocated, e.g. "error: Unable to find the root module "x" in the Verilog source."
      const severity = bare[1]!.toLowerCase() === 'warning' ? 'warning' : 'error';
      out.push({
        tool: 'iverilog',
        file: null,
        line: null,
        column: null,
        severity,
        code: null,
        message: bare[2]!.trim(),
      });
      continue;
    }
    const m = IVERILOG_LINE.exec(raw.trimEnd());
    if (!m) continue; // "I give up.", "N error(s) during elaboration.", missing-module lists
    const [, file, line, rest] = m;
    const text = rest!.trim();
    if (text.startsWith(':')) {
      // Continuation of the previous diagnostic (same tool output, indented detail).
      const prev = out[out.length - 1];
      if (prev) prev.message += ` (${text.slice(1).trim()})`;
      continue;
    }
    let severity: LintMessage['severity'] = 'error';
    let message = text;
    const k = /^(error|warning|sorry):\s*(.*)$/i.exec(text);
    if (k) {
      severity = k[1]!.toLowerCase() === 'warning' ? 'warning' : 'error';
      message = k[1]!.toLowerCase() === 'sorry' ? `unsupported: ${k[2]}` : k[2]!;
    }
    out.push({ tool: 'iverilog', file: file!, line: Number(line), column: null, severity, code: null, message });
  }
  return out;
}

/** One line per message: "file:line:col: severity CODE (tool): message". */
export function formatLintMessage(m: LintMessage): string {
  const loc = m.file ? `${m.file}:${m.line ?? '?'}${m.column !== null ? `:${m.column}` : ''}: ` : '';
  return `${loc}${m.severity}${m.code ? ` ${m.code}` : ''} (${m.tool}): ${m.message}`;
}
