// The model against recorded Ski runs of random programs (tools/ski/random.ts --record): each
// program is regenerated from its seed, built, run on the model step by step and compared
// with its fixture, so CI re-checks the random differential result without Ski.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { firstDivergence, formatDivergence } from '../../tools/ski/compare.js';
import { fixtureRun } from '../../tools/ski/fixture.js';
import { runModel } from '../../tools/ski/model-run.js';
import { SKI_PROGRAMS_DIR } from '../../tools/ski/paths.js';
import { buildRandomProgram } from '../../tools/ski/random/build.js';
import { randomSourceHash, readRandomFixtures } from '../../tools/ski/random/fixtures.js';
import { generateProgram, RANDOM_CONFIG } from '../../tools/ski/random/generate.js';
import { invalidFrameMarker } from '../../model/exec/reserved-values.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/ski/random/', import.meta.url));
const fixtures = readRandomFixtures(FIXTURES);
const outDir = mkdtempSync(join(tmpdir(), 'vti-ski-random-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the model against recorded Ski runs of random programs', () => {
  it('has at least 5 recorded programs', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of fixtures) {
    it(`${f.program} (${f.items} items)`, () => {
      const asm = generateProgram(f.seed, f.items);
      expect(f.sourceHash, `${f.program}: the generator changed since recording; re-record it`).toBe(
        randomSourceHash(SKI_PROGRAMS_DIR, asm),
      );
      expect(f.end).toBe('halted');
      const elf = buildRandomProgram(f.program, asm, SKI_PROGRAMS_DIR, outDir);
      const d = firstDivergence(fixtureRun(f), runModel(elf, f.maxSteps, RANDOM_CONFIG));
      expect(d && formatDivergence(f.program, d)).toBeNull();
    });
  }
});

describe('the random program generator', () => {
  it('gives the same program for the same seed and a different one for another', () => {
    expect(generateProgram(7, 40)).toBe(generateProgram(7, 40));
    expect(generateProgram(7, 40)).not.toBe(generateProgram(8, 40));
  });
});

describe('reserved frame markers (IFS with v = 1, PFS)', () => {
  // CFM fields: sof 6:0, sol 13:7, sor 17:14 (in groups of 8), rrb.gr 24:18, rrb.fr 31:25, rrb.pr 37:32.
  const cfm = (f: { sof?: number; sol?: number; sor?: number; gr?: number; fr?: number; pr?: number }) =>
    BigInt(f.sof ?? 0) |
    (BigInt(f.sol ?? 0) << 7n) |
    (BigInt(f.sor ?? 0) << 14n) |
    (BigInt(f.gr ?? 0) << 18n) |
    (BigInt(f.fr ?? 0) << 25n) |
    (BigInt(f.pr ?? 0) << 32n);
  it('accepts what alloc can make', () => {
    expect(invalidFrameMarker(cfm({}))).toBe(false);
    expect(invalidFrameMarker(cfm({ sof: 96, sol: 96, sor: 12, gr: 95, fr: 95, pr: 47 }))).toBe(false);
  });
  it('rejects a frame over 96 registers, locals or rotating part over the frame, rotation bases out of range', () => {
    expect(invalidFrameMarker(cfm({ sof: 97 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ sof: 8, sol: 9 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ sof: 8, sor: 2 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ sof: 16, sor: 1, gr: 8 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ sof: 16, gr: 1 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ fr: 96 }))).toBe(true);
    expect(invalidFrameMarker(cfm({ pr: 48 }))).toBe(true);
  });
});
