// Public API of the HDL lint gate.
export {
  lintVerilog,
  assertLintClean,
  formatLintResult,
  type LintOptions,
  type LintResult,
  type LintRun,
} from './lint.js';
export { formatLintMessage, parseIverilog, parseVerilator, type LintMessage, type LintTool } from './parse.js';
