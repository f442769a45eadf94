// The testbench API (sim/testbench.ts) on both engines, with the register-file example
// (hdl/examples/regfile.ts, an m.memory): writes, asynchronous and synchronous reads,
// read-during-write, power-on contents; and a failing expect (cycle, port, values, line, VCD).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elaborate } from '../../hdl/dsl/index.js';
import { counter } from '../../hdl/examples/counter.js';
import { regfile } from '../../hdl/examples/regfile.js';
import { ENGINES } from '../../sim/engine.js';
import { testbench, TestbenchFailure } from '../../sim/testbench.js';

const design = elaborate(regfile()).design;

describe.each(ENGINES)('testbench on the %s engine', (engine) => {
  it('runs the register file: power-on contents, write, async and sync reads, read-during-write', async () => {
    const tb = await testbench(design, { engine });
    try {
      tb.poke('rst', 1);
      await tb.step();
      tb.poke('rst', 0);
      tb.poke('ra', 3);
      tb.poke('rb', 2);
      await tb.expect('qa', 3); // power-on contents
      await tb.expect('qb', 2);
      // Write 0xdeadbeef to word 3 while reading it: the sync port loads the old word.
      tb.poke('we', 1);
      tb.poke('wa', 3);
      tb.poke('wd', 0xdeadbeef);
      await tb.expect('qa', 3); // async read before the edge: old word
      await tb.step();
      await tb.expect('qs', 3); // sync read at the writing edge: old word
      await tb.expect('qa', 0xdeadbeef); // async read after the edge: new word
      tb.poke('we', 0);
      await tb.step();
      await tb.expect('qs', 0xdeadbeef);
      // Fill every word, read them back through both async ports.
      tb.poke('we', 1);
      for (let i = 0; i < 16; i++) {
        tb.poke('wa', i);
        tb.poke('wd', ((i * 0x01010101) ^ 0xa5a5a5a5) >>> 0);
        await tb.step();
      }
      tb.poke('we', 0);
      for (let i = 0; i < 16; i++) {
        tb.poke('ra', i);
        tb.poke('rb', 15 - i);
        await tb.expect('qa', ((i * 0x01010101) ^ 0xa5a5a5a5) >>> 0);
        await tb.expect('qb', (((15 - i) * 0x01010101) ^ 0xa5a5a5a5) >>> 0);
      }
      expect(tb.cycle).toBe(19);
    } finally {
      await tb.close();
    }
  }, 300_000);

  it('a failing expect names the cycle, the port, both values and this line, and writes a VCD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vti-tb-'));
    const tb = await testbench(design, { engine, vcdDir: dir });
    try {
      tb.poke('ra', 1);
      await tb.step(2);
      const err = await tb.expect('qa', 7).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(TestbenchFailure);
      const f = err as TestbenchFailure;
      expect(f.cycle).toBe(2);
      expect(f.message).toMatch(
        /^cycle 2: 'qa' is 0x1, expected 0x7 \(test\/sim\/testbench\.test\.ts:\d+\); waveform .+\.vcd$/,
      );
      expect(existsSync(f.vcd!)).toBe(true);
      expect(readFileSync(f.vcd!, 'utf8')).toContain('$var');
    } finally {
      await tb.close();
    }
  }, 300_000);
});

describe('the README example', () => {
  // The same lines as README.md "Testing your own design" (checked below), on both engines.
  const lines = [
    "tb.poke('rst', 1);",
    'await tb.step();',
    "tb.poke('rst', 0);",
    "tb.poke('en', 1);",
    'await tb.step(3);',
    "await tb.expect('count', 3);",
  ];
  it('the README shows these lines', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const l of lines) expect(readme).toContain(l);
  });
  it.each(ENGINES)(
    'runs on the %s engine',
    async (engine) => {
      const tb = await testbench(elaborate(counter()).design, { engine });
      tb.poke('rst', 1);
      await tb.step();
      tb.poke('rst', 0);
      tb.poke('en', 1);
      await tb.step(3);
      await tb.expect('count', 3);
      await tb.close();
    },
    300_000,
  );
});

describe('testbench input errors', () => {
  it('poking an output or an unknown port is a one-line error', async () => {
    const tb = await testbench(design);
    expect(() => tb.poke('qa', 1)).toThrow("poke: 'qa' is not an input of 'regfile' (we, wa, wd, ra, rb, rst)");
    expect(() => tb.poke('wa', 16)).toThrow("poke: 16 does not fit 'wa' (4 bits)");
    await tb.close();
  });
});
