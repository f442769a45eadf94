// Recorded Ski runs of some random programs (test/fixtures/ski/random/random-<seed>.json), so
// that CI re-checks the model against them without Ski: the program is regenerated from its
// seed and item count, and the fixture's source hash says whether it is still the same program.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSteps, type FixtureStep } from '../fixture.js';
import type { RunResult } from '../ski-run.js';
import { generateProgram } from './generate.js';

export interface RandomFixture {
  program: string;
  seed: number;
  items: number;
  /** sha256 of the generated source, the shared includes and the linker script. */
  sourceHash: string;
  maxSteps: number;
  end: RunResult['end'];
  steps: FixtureStep[];
}

export const randomProgramName = (seed: number) => `random-${seed}`;

/** What a random fixture was recorded from: the generated text, lib/*.inc and programs.ld. */
export function randomSourceHash(programsDir: string, asm: string): string {
  const h = createHash('sha256').update(asm);
  h.update(readFileSync(join(programsDir, 'programs.ld')));
  const lib = join(programsDir, 'lib');
  if (existsSync(lib))
    for (const f of readdirSync(lib).sort()) {
      h.update(f + '\0');
      h.update(readFileSync(join(lib, f)));
    }
  return h.digest('hex');
}

export function makeRandomFixture(
  programsDir: string,
  seed: number,
  items: number,
  maxSteps: number,
  ski: RunResult,
): RandomFixture {
  return {
    program: randomProgramName(seed),
    seed,
    items,
    sourceHash: randomSourceHash(programsDir, generateProgram(seed, items)),
    maxSteps,
    end: ski.end,
    steps: encodeSteps(ski.steps),
  };
}

/** One step per line, so that a re-recording diffs by step. */
export function randomFixtureText(f: RandomFixture): string {
  const { steps, ...head } = f;
  const lines = steps.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "steps": [\n${lines}\n  ]\n}\n`;
}

export function readRandomFixtures(dir: string): RandomFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RandomFixture);
}
