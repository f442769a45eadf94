// Deeply nested statements: up to the limit the Verilog is parsed by iverilog; beyond it the
// design error names the limit and the line (no stack overflow in elaborate, however deep the
// user's recursion); and callerLoc leaves Error.prepareStackTrace as it found it even when
// capturing the caller overflows the stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineModule, elaborate, HdlError } from '../../hdl/dsl/index.js';
import { callerLoc } from '../../hdl/dsl/loc.js';
import { MAX_STATEMENT_NESTING } from '../../hdl/dsl/module.js';
import { emitDesign } from '../../gen/verilog/index.js';

const work = mkdtempSync(join(tmpdir(), 'vti-deep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `depth` nested whens, the innermost assigning y = a. */
function nested(depth: number) {
  return defineModule('deep', (m) => {
    const a = m.input('a', 16);
    const y = m.output('y', 16);
    y.set(0);
    const level = (k: number): void => {
      if (k === depth) y.set(a);
      else m.when(a.bit(k % 16), () => level(k + 1));
    };
    level(0);
  });
}

describe('deeply nested when', () => {
  it(`${MAX_STATEMENT_NESTING} levels: Verilog that iverilog parses`, () => {
    const file = join(work, 'deep.v');
    writeFileSync(file, Object.values(emitDesign(elaborate(nested(MAX_STATEMENT_NESTING)).design)).join('\n'));
    const r = spawnSync('iverilog', ['-o', join(work, 'deep.vvp'), file], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it.each([MAX_STATEMENT_NESTING + 1, 1000, 2500, 20000])('%i levels: one design error naming the limit', (depth) => {
    const before = Error.prepareStackTrace;
    let thrown: unknown;
    try {
      elaborate(nested(depth));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HdlError);
    const errors = (thrown as HdlError).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([
      `statements nested more than ${MAX_STATEMENT_NESTING} levels deep (when/elsewhen/otherwise/switch cases): flatten the logic (mux, switchOn, anyOf)`,
    ]);
    expect(errors[0]!.loc.file).toMatch(/deep-nesting\.test\.ts$/);
    expect(Error.prepareStackTrace).toBe(before);
  });
});

describe('callerLoc', () => {
  it('restores Error.prepareStackTrace after a stack overflow while capturing', () => {
    const before = Error.prepareStackTrace;
    let overflows = 0,
      replaced = 0;
    // Recurse until the stack is full, then call callerLoc at every depth on the way back:
    // the deepest calls overflow inside the capture (with the hook replaced). No assertion
    // runs down there (it would overflow too): the counts are checked afterwards.
    const down = (k: number): void => {
      try {
        down(k + 1);
      } catch {}
      try {
        callerLoc();
      } catch {
        overflows++;
      }
      if (Error.prepareStackTrace !== before) replaced++;
    };
    down(0);
    expect(overflows).toBeGreaterThan(0);
    expect(replaced).toBe(0);
    expect(Error.prepareStackTrace).toBe(before);
    expect(typeof new Error('after').stack).toBe('string');
  });
});
