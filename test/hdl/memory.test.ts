// m.memory: the checks (port widths, depth, multiple writers), the Verilog (an array Yosys
// infers as a memory; lint-clean), and the register file's property proven by Yosys.
import { describe, expect, it } from 'vitest';
import { proveAsserts } from '../../formal/edsl-properties.js';
import { yosys } from '../../formal/yosys.js';
import { emitDesign, moduleSpec } from '../../gen/verilog/index.js';
import { defineModule, elaborate, HdlError } from '../../hdl/dsl/index.js';
import { regfile } from '../../hdl/examples/regfile.js';
import { lintVerilog } from '../../sim/lint/index.js';

const design = elaborate(regfile()).design;

describe('memory checks', () => {
  it('reports address and data widths that do not fit the memory, and a depth that is not a power of two', () => {
    const bad = defineModule('mem_bad', (m) => {
      const mem = m.memory('mem', { depth: 16, width: 8 });
      mem.write(m.input('wa', 3), m.input('wd', 9));
      m.output('q', 8).set(mem.read(m.input('ra', 5)));
      m.memory('odd', { depth: 12, width: 8 });
    });
    expect(bad.problems.map((p) => p.message)).toEqual([
      "memory 'mem': write address is 3 bits, 16 words need 4",
      "memory 'mem': write data is 9 bits, words are 8",
      "memory 'mem': read address is 5 bits, 16 words need 4",
      "memory 'odd': depth 12 must be a power of two ≥ 2",
    ]);
  });

  it('reports a memory with two write ports (multiple writers)', () => {
    const two = defineModule('mem_two', (m) => {
      const mem = m.memory('mem', { depth: 4, width: 8 });
      mem.write(m.input('a0', 2), m.input('d0', 8));
      mem.write(m.input('a1', 2), m.input('d1', 8));
      m.output('q', 8).set(mem.read(m.input('ra', 2)));
    });
    expect(() => elaborate(two)).toThrow(HdlError);
    try {
      elaborate(two);
    } catch (e) {
      expect((e as HdlError).diagnostics.map((d) => d.message)).toEqual([
        "memory 'mem' has 2 write ports (multiple writers); merge them into one with a mux",
      ]);
    }
  });
});

describe('memory in Verilog and Yosys', () => {
  it('is lint-clean in Verilator (both modes) and iverilog', async () => {
    const r = await lintVerilog(moduleSpec(design));
    expect(r.messages).toEqual([]);
  });

  it('Yosys infers one memory of 16 × 32 bits with one write and three read ports', async () => {
    const files = emitDesign(design);
    const r = await yosys(
      'read_verilog regfile.v\nhierarchy -top regfile\nproc\nmemory -nomap\nopt_clean\nselect -list t:$mem_v2\ndump t:$mem_v2',
      files,
    );
    const dump = r.stdout;
    expect(dump).toMatch(/parameter \\SIZE 16\b/);
    expect(dump).toMatch(/parameter \\WIDTH 32\b/);
    expect(dump).toMatch(/parameter \\WR_PORTS 1\b/);
    expect(dump).toMatch(/parameter \\RD_PORTS 3\b/);
  }, 120_000);

  it('the register file property (a read returns the word written the cycle before) is proven', async () => {
    expect((await proveAsserts(design)).verdict).toBe('proven');
  }, 300_000);
});
