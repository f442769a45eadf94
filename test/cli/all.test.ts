// `vti all` (the README's main job, `npm start`) end to end: every step of the pipeline passes,
// with --out given as a path relative to the working directory, as `npm start` passes it.
// (A relative --out once made the lockstep step fail: the assembler runs in programs/.)
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join('out', 'test-all');

describe('vti all', () => {
  it('passes every step with a relative --out (builtin engine, small workload)', () => {
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', 'all', '--out', OUT, '--vectors', '2000', '--engine', 'builtin', '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
    );
    const summary = JSON.parse(r.stdout) as {
      results: { step: string; status: string; detail: string }[];
      failed: number;
    };
    const notPassed = summary.results
      .filter((s) => s.status !== 'pass')
      .map((s) => `${s.step}: ${s.status} ${s.detail}`);
    expect(notPassed).toEqual([]);
    expect(summary.results.map((s) => s.step)).toHaveLength(7);
    expect(r.status).toBe(0);
    expect(existsSync(join(ROOT, OUT, 'rtl', 'vti_core.v'))).toBe(true);
    expect(existsSync(join(ROOT, OUT, 'programs', 'vtvmm.elf'))).toBe(true);
  }, 300_000);
});
