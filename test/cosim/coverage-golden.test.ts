// Coverage accumulation is pinned: three fixed-seed random programs (seeds 1000-1002, 200 items)
// in lockstep with the built-in engine must give exactly the bins, raw counts, environment
// pairs and summary that the straightforward implementation gave before the lockstep
// speed-ups (golden/coverage-random-seed1000.json, written by commit 0063e98's code). A change
// to the random item generator, the emulator or the coverage space changes it legitimately:
// regenerate the file then, from code whose coverage is trusted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vtiDesign } from '../../gen/vti.js';
import { Coverage } from '../../sim/cosim/core/coverage.js';
import { factoryFor, runLockstep } from '../../sim/cosim/core/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';
import { createEngine } from '../../sim/engine.js';

const golden = JSON.parse(readFileSync(new URL('./golden/coverage-random-seed1000.json', import.meta.url), 'utf8'));

describe('coverage golden (fixed seeds)', () => {
  it('random seeds 1000-1002: same instructions, bins, raw counts and summary as the reference', async () => {
    const cov = new Coverage(RANDOM_GEN);
    const engine = await createEngine('builtin', vtiDesign('vti_core', RANDOM_GEN));
    let instructions = 0;
    try {
      for (const seed of [1000, 1001, 1002]) {
        const r = await runLockstep(factoryFor(buildRandomProgram(renderProgram(randomItems(seed, 200))).elf, RANDOM_GEN),
          { engine: 'builtin', gen: RANDOM_GEN, engineInstance: engine, onBatch: (b) => cov.add(b) });
        expect(r.mismatch).toBeUndefined();
        instructions += r.instructions;
      }
    } finally { await engine.close(); }
    expect(instructions).toBe(golden.instructions);
    expect(Array.from(cov.outcome)).toEqual(golden.outcome);
    expect(Array.from(cov.pair)).toEqual(golden.pair);
    expect(Array.from(cov.psr)).toEqual(golden.psr);
    expect(Object.fromEntries([...cov.envPairs].sort())).toEqual(golden.envPairs);
    expect(JSON.parse(JSON.stringify(cov.summary()))).toEqual(golden.summary);
  }, 120_000);
});
