// The diagnostic parsers on captured tool output (Verilator 5.006, Icarus 11), incl.
// the context lines both tools interleave.
import { describe, expect, it } from 'vitest';
import { formatLintMessage, parseIverilog, parseVerilator } from '../../../sim/lint/index.js';

describe('parseVerilator', () => {
  it('keeps located first lines and drops context, hints and the summary', () => {
    const out = [
      "%Warning-WIDTH: w.v:6:12: Operator ASSIGNW expects 8 bits on the Assign RHS, but Assign RHS's SEL generates 10 bits.",
      '                        : ... In instance w',
      '    6 |   assign r = a[9:0];',
      '      |            ^',
      '                ... For warning description see https://verilator.org/warn/WIDTH?v=5.006',
      "%Warning-IMPLICIT: w.v:7:10: Signal definition not found, creating implicitly: 'zz'",
      "%Error: e.v:2:14: Can't find definition of variable: 'b'",
      "%Error: Cannot find file containing module: 'foo'",
      '%Error: Exiting due to 1 error(s)',
      '%Error: Cannot continue',
    ].join('\n');
    expect(parseVerilator(out, 'verilator')).toEqual([
      {
        tool: 'verilator',
        file: 'w.v',
        line: 6,
        column: 12,
        severity: 'warning',
        code: 'WIDTH',
        message: "Operator ASSIGNW expects 8 bits on the Assign RHS, but Assign RHS's SEL generates 10 bits.",
      },
      {
        tool: 'verilator',
        file: 'w.v',
        line: 7,
        column: 10,
        severity: 'warning',
        code: 'IMPLICIT',
        message: "Signal definition not found, creating implicitly: 'zz'",
      },
      {
        tool: 'verilator',
        file: 'e.v',
        line: 2,
        column: 14,
        severity: 'error',
        code: null,
        message: "Can't find definition of variable: 'b'",
      },
      {
        tool: 'verilator',
        file: null,
        line: null,
        column: null,
        severity: 'error',
        code: null,
        message: "Cannot find file containing module: 'foo'",
      },
    ]);
  });
});

describe('parseIverilog', () => {
  it('reads error/warning/syntax lines and appends detail lines', () => {
    const out = [
      "w.v:7: warning: implicit definition of wire 'zz'.",
      'w.v:5: warning: Port 1 (x) of sub expects 8 bits, got 4.',
      'w.v:5:        : Padding 4 high bits of the port.',
      'e.v:3: error: Unknown module type: foo',
      'e.v:9: syntax error',
      'e.v:12: sorry: constant user functions are not supported.',
      'error: Unable to find the root module "x" in the Verilog source.',
      "     : Perhaps ``-s x'' is incorrect?",
      '2 error(s) during elaboration.',
      '*** These modules were missing:',
      '        foo referenced 1 times.',
      'I give up.',
    ].join('\n');
    const ms = parseIverilog(out);
    expect(ms.map((m) => [m.file, m.line, m.severity, m.message])).toEqual([
      ['w.v', 7, 'warning', "implicit definition of wire 'zz'."],
      ['w.v', 5, 'warning', 'Port 1 (x) of sub expects 8 bits, got 4. (Padding 4 high bits of the port.)'],
      ['e.v', 3, 'error', 'Unknown module type: foo'],
      ['e.v', 9, 'error', 'syntax error'],
      ['e.v', 12, 'error', 'unsupported: constant user functions are not supported.'],
      [
        null,
        null,
        'error',
        'Unable to find the root module "x" in the Verilog source. (Perhaps ``-s x\'\' is incorrect?)',
      ],
    ]);
    expect(formatLintMessage(ms[0]!)).toBe("w.v:7: warning (iverilog): implicit definition of wire 'zz'.");
  });
});
