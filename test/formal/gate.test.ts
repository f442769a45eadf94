// The Yosys lint gate (formal/gate.ts) and the runner's error reporting (formal/yosys.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertYosysGate, formatProblem, yosysGate } from '../../formal/gate.js';
import { proveEquivalent } from '../../formal/equiv.js';
import { mutants } from '../../formal/yosys-mutants.js';
import { splitScript, yosys, YosysError } from '../../formal/yosys.js';

const REFS = ['ref_vti_psr', 'ref_vti_vmsw', 'ref_vti_addr_check', 'ref_vti_fault_prio'];
const ref = (n: string) => ({ [`${n}.v`]: readFileSync(new URL(`../../formal/ref/${n}.v`, import.meta.url), 'utf8') });

describe('yosysGate', () => {
  for (const n of REFS) {
    it(`passes on ${n}`, async () => {
      const r = await yosysGate(ref(n), n);
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }

  it('locates a syntax error', async () => {
    const r = await yosysGate({ 'bad.v': 'module bad(input a, output y);\n  assign y = a &;\nendmodule\n' }, 'bad');
    expect(r.ok).toBe(false);
    expect(r.problems.map(formatProblem)).toEqual(["bad.v:2: [read] syntax error, unexpected ';'"]);
  });

  it('locates an undriven output through its src attribute', async () => {
    const r = await yosysGate({ 'u.v': 'module u(input a, output y, output z);\n  assign y = a;\nendmodule\n' }, 'u');
    expect(r.problems.map(formatProblem)).toEqual(['u.v:1.36-1.37: [check] Wire u.\\z is used but has no driver.']);
  });

  it('reports a missing submodule from hierarchy -check', async () => {
    const r = await yosysGate({ 'h.v': 'module h(input a, output y);\n  sub s(.a(a), .y(y));\nendmodule\n' }, 'h');
    expect(r.problems.map(formatProblem)).toEqual([
      "[hierarchy] Module `\\sub' referenced in module `\\h' in cell `\\s' is not part of the design.",
    ]);
  });

  it('rejects an inferred latch with its location', async () => {
    const r = await yosysGate(
      { 'l.v': 'module l(input a, b, output reg y);\n  always @(*) if (a) y = b;\nendmodule\n' },
      'l',
    );
    expect(r.problems).toHaveLength(1);
    expect(formatProblem(r.problems[0]!)).toMatch(
      /^l\.v:2\.3-2\.28: \[latch\] latch inferred in module l \(\$dlatch .*\): a signal is not assigned on every path$/,
    );
  });

  it('reports a latch in a submodule and an undriven wire of the top together, each located', async () => {
    // The latch comes from the RTLIL dump of the first run, the wire's place from the netlist
    // of the second (written only because `check` failed).
    const r = await yosysGate(
      {
        'top.v': 'module top(input a, b, output y, output z);\n  sub s(.a(a), .b(b), .y(y));\nendmodule\n',
        'sub.v': 'module sub(input a, b, output reg y);\n  always @(*) if (a) y = b;\nendmodule\n',
      },
      'top',
    );
    expect(r.problems.map(formatProblem).map((p) => p.replace(/\(\$dlatch [^)]*\)/, '($dlatch …)'))).toEqual([
      'top.v:1.41-1.42: [check] Wire top.\\z is used but has no driver.',
      'sub.v:2.3-2.28: [latch] latch inferred in module sub ($dlatch …): a signal is not assigned on every path',
    ]);
  });

  it('a design with no latch writes no netlist', async () => {
    // The gate's cost must not grow with a netlist file (the WASM file system copies a whole
    // file on every write): a clean run writes only the latch dump, empty here.
    const g = await yosysGate({ 'a.v': 'module a(input x, output y); assign y = ~x; endmodule\n' }, 'a');
    expect(g.ok).toBe(true);
    expect(g.log).not.toContain('Executing JSON backend');
  });

  it('assertYosysGate throws a GateError listing the problems', async () => {
    await expect(
      assertYosysGate({ 'bad.v': 'module bad(input a, output y);\n  assign y = a &;\nendmodule\n' }, 'bad'),
    ).rejects.toThrow("yosys gate failed for 'bad':\n  bad.v:2: [read] syntax error, unexpected ';'");
  });
});

describe('yosys runner', () => {
  it('names the failing command and its error', async () => {
    const err = await yosys('read_verilog a.v\nhierarchy -top nope', { 'a.v': 'module a; endmodule\n' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(YosysError);
    const y = err as YosysError;
    expect(y.command).toBe('hierarchy -top nope');
    expect(y.commandIndex).toBe(2);
    expect(y.message.split('\n')[0]).toBe("yosys failed in command 2 `hierarchy -top nope`: Module `nope' not found!");
    expect(y.logTail).toContain('Executing HIERARCHY pass');
  });

  it('returns written files and the log, and splits scripts on ; and newlines', async () => {
    const r = await yosys('read_verilog a.v; hierarchy -top a # comment\nwrite_json out/a.json', {
      'a.v': 'module a(input x, output y); assign y = ~x; endmodule\n',
    });
    expect(Object.keys(r.files)).toEqual(['out/a.json']);
    expect(JSON.parse(r.files['out/a.json']!).modules.a.ports.y.direction).toBe('output');
    expect(r.stdout).toContain('Executing JSON backend');
    expect(splitScript('a; b\n# c\n d # e')).toEqual(['a', 'b', 'd']);
  });

  it('runs concurrent calls one at a time, each with its own files and log', async () => {
    const mk = (i: number) => `module m${i}(input [${i}:0] x, output [${i}:0] y); assign y = ~x; endmodule\n`;
    const rs = await Promise.all(
      [1, 2, 3, 4].map((i) => yosys(`read_verilog m.v; hierarchy -top m${i}; write_json o.json`, { 'm.v': mk(i) })),
    );
    rs.forEach((r, k) => {
      const m = JSON.parse(r.files['o.json']!).modules[`m${k + 1}`];
      expect(m.ports.x.bits).toHaveLength(k + 2);
      expect(r.stdout).toContain(`Top module:  \\m${k + 1}`);
      expect(r.stdout).not.toContain(`m${((k + 1) % 4) + 1}`);
    });
  });

  it('rejects bad arguments before starting Yosys, with exact messages', async () => {
    await expect(yosysGate({ 'notes.txt': 'x' }, 't')).rejects.toThrow("yosysGate('t'): no .v files given");
    await expect(yosysGate({ 't.v': 'module t; endmodule' }, 't; hierarchy')).rejects.toThrow(
      "yosysGate: top 't; hierarchy' is not a Verilog identifier",
    );
    const a = { files: { 'a.v': 'module a; endmodule' }, top: 'a' };
    await expect(proveEquivalent({ gold: a, gate: { files: {}, top: 'b' } })).rejects.toThrow(
      "design 'b': no .v files given",
    );
    await expect(proveEquivalent({ gold: { ...a, params: { 'X;Y': 1 } }, gate: a })).rejects.toThrow(
      "parameter 'X;Y' is not a plain Verilog identifier",
    );
    await expect(mutants(a.files, 'a', 3, -1)).rejects.toThrow('mutants: seed must be a non-negative integer, got -1');
  });
});
