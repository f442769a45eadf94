// `npm run test:quick`: the edit loop's subset (under a minute on an idle 2-core machine):
// every test file except the heavy ones, found by what they use — Verilator builds, Yosys
// (formal, synthesis, mutants), the core lockstep, Slurm, the whole pipeline or report, npm pack, a
// browser, tsc. Decided from each file's text at start-up, so a new heavy test is left out
// without a list to keep. `npm test` stays the full suite that CI runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const HEAVY =
  /verilator|yosys|yowasp|formal\/|'formal'|lockstep|runCoreCosim|--core|mutant|randslots|slurm|buildReport|main\(\['(all|report)'|npm pack|playwright|\btsc\b/i;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

export const heavyTests = testFiles('test').filter((f) => HEAVY.test(readFileSync(f, 'utf8')));

export default mergeConfig(base, defineConfig({ test: { exclude: heavyTests } }));
