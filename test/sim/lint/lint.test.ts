// The HDL lint gate on the fixtures: a clean module passes all three tool runs; the
// dirty one yields Verilator's UNUSED-group and WIDTH warnings at their lines; a
// syntax error is located by iverilog.
import { describe, expect, it } from 'vitest';
import { assertLintClean, lintVerilog } from '../../../sim/lint/index.js';
import { adder64, addrCheck, counter40, lintDirty, syntaxError, wide70 } from '../../fixtures/verilog/index.js';

describe('lintVerilog', () => {
  it('passes the clean fixtures with every tool', async () => {
    for (const spec of [adder64(), wide70(), counter40(), addrCheck()]) {
      const r = await lintVerilog(spec);
      expect(r.messages, spec.top).toEqual([]);
      expect(r.clean).toBe(true);
      expect(r.runs.map((x) => [x.tool, x.exitCode])).toEqual([
        ['verilator', 0],
        ['verilator-1364-2005', 0],
        ['iverilog', 0],
      ]);
    }
    await expect(assertLintClean(adder64())).resolves.toBeUndefined();
  });

  it('reports the unused input and the truncating assign with file:line', async () => {
    const r = await lintVerilog(lintDirty());
    expect(r.clean).toBe(false);
    for (const tool of ['verilator', 'verilator-1364-2005'] as const) {
      const got = r.messages.filter((m) => m.tool === tool).map((m) => [m.code, m.file, m.line, m.column, m.severity]);
      // lint_dirty.v line 7 is `assign y = a;` (8 bits into 4); line 4 declares `spare`,
      // which is never read; line 3 declares `a`, whose bits 7:4 are then unused too.
      expect(got).toContainEqual(['WIDTH', 'lint_dirty.v', 7, 12, 'warning']);
      expect(got).toContainEqual(['UNUSEDSIGNAL', 'lint_dirty.v', 4, 23, 'warning']);
      expect(got).toContainEqual(['UNUSEDSIGNAL', 'lint_dirty.v', 3, 23, 'warning']);
    }
    const spare = r.messages.find((m) => m.line === 4)!;
    expect(spare.message).toBe("Signal is not used: 'spare'");
  });

  it('locates a syntax error with iverilog (and Verilator)', async () => {
    const r = await lintVerilog(syntaxError());
    const iv = r.messages.filter((m) => m.tool === 'iverilog');
    expect(iv).toContainEqual({
      tool: 'iverilog',
      file: 'syntax_error.v',
      line: 8,
      column: null,
      severity: 'error',
      code: null,
      message: 'syntax error',
    });
    const vl = r.messages.find((m) => m.tool === 'verilator')!;
    expect([vl.file, vl.line, vl.severity]).toEqual(['syntax_error.v', 8, 'error']);
    expect(r.runs.find((x) => x.tool === 'iverilog')!.exitCode).not.toBe(0);
  });

  it('assertLintClean throws one readable line per message', async () => {
    const err = await assertLintClean(lintDirty()).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const lines = err!.message.split('\n');
    expect(lines[0]).toBe("lint failed for module 'lint_dirty' (6 messages):");
    expect(lines).toContain("  lint_dirty.v:4:23: warning UNUSEDSIGNAL (verilator): Signal is not used: 'spare'");
    expect(lines).toContain(
      "  lint_dirty.v:7:12: warning WIDTH (verilator-1364-2005): Operator ASSIGNW expects 4 bits on the Assign RHS, but Assign RHS's VARREF 'a' generates 8 bits.",
    );
  });

  it('checks a multi-file design with the top selected', async () => {
    const spec = {
      top: 'outer',
      files: {
        'outer.v':
          'module outer (\n    input  wire [7:0] a,\n    output wire [7:0] y\n);\n  inner u_inner (.x(a), .y(y));\nendmodule\n',
        'inner.v':
          'module inner (\n    input  wire [7:0] x,\n    output wire [7:0] y\n);\n  assign y = ~x;\nendmodule\n',
      },
      ports: [
        { name: 'a', dir: 'input' as const, width: 8 },
        { name: 'y', dir: 'output' as const, width: 8 },
      ],
    };
    expect((await lintVerilog(spec)).messages).toEqual([]);
  });

  it('reports a top module that is not in the files', async () => {
    const r = await lintVerilog({ ...adder64(), top: 'nosuch' });
    expect(r.clean).toBe(false);
    expect(r.messages).toContainEqual({
      tool: 'iverilog',
      file: null,
      line: null,
      column: null,
      severity: 'error',
      code: null,
      message: 'Unable to find the root module "nosuch" in the Verilog source. (Perhaps ``-s nosuch\'\' is incorrect?)',
    });
    expect(r.messages.some((m) => m.tool === 'verilator' && m.severity === 'error')).toBe(true);
  });

  it('reports missing tools with the install hint', async () => {
    await expect(lintVerilog(adder64(), { verilator: '/nonexistent/verilator' })).rejects.toThrow(
      'Verilator not found: install it with `apt-get install verilator`, or use --engine builtin',
    );
    await expect(lintVerilog(adder64(), { iverilog: '/nonexistent/iverilog' })).rejects.toThrow(
      'Icarus Verilog (iverilog) not found: install it with `apt-get install iverilog`, or use --engine builtin',
    );
  });
});
