// Random differential testing of the model against HP's Ski: generates random bare-metal
// system programs (tools/ski/random/generate.ts), runs each on Ski and on the model one
// instruction at a time, and prints the first divergence of each program and the totals.
// Usage (from the repository root):
//   SKI=/path/to/bski npx tsx tools/ski/random.ts --seed S [--count N] [--items K] [--max-steps M] [--every K]
// --every K (default 200): compare the whole state every K steps and at the halt, and step by
// step only up to a checkpoint that differs (random/checkpoints.ts); --every 1: every step.
// --record: the programs that agree are recorded step by step as test/fixtures/ski/random/
// random-<seed>.json (test/tools/ski-random.test.ts re-checks the model against them).
// Programs are seeds S, S+1, ..., S+N-1; each is built under out/ski-random.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Divergence, firstDivergence, formatDivergence } from './compare.js';
import { runModel } from './model-run.js';
import { SKI_PROGRAMS_DIR } from './paths.js';
import { buildRandomProgram } from './random/build.js';
import { makeRandomFixture, randomFixtureText, randomProgramName } from './random/fixtures.js';
import { generateProgram, RANDOM_CONFIG } from './random/generate.js';
import { type RunEnd, runSki } from './ski-run.js';
import {
  firstCheckpointDifference,
  modelCheckpoints,
  modelWindow,
  skiCheckpoints,
  skiWindow,
} from './random/checkpoints.js';

const USAGE =
  'usage: SKI=/path/to/bski npx tsx tools/ski/random.ts --seed S [--count N] [--items K] [--max-steps M] [--every K] [--record]';

function positive(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a non-negative integer, not '${v}'`);
  return Number(v);
}

/**
 * Compares one program: at checkpoints every `every` steps (every = 1: the whole state after
 * each step); when a checkpoint differs, step by step up to it for the first divergence.
 * `compared` counts the steps that agreed.
 */
function compareProgram(
  skiPath: string,
  elf: string,
  every: number,
  maxSteps: number,
): { compared: number; divergence: Divergence | null; end: RunEnd } {
  if (every > 1) {
    const model = modelCheckpoints(elf, every, maxSteps, RANDOM_CONFIG);
    const c = firstCheckpointDifference(skiCheckpoints(skiPath, elf, every, maxSteps, RANDOM_CONFIG), model);
    if (!c) return { compared: model.steps ?? 0, divergence: null, end: model.end };
    // Step by step through the window before the first differing checkpoint.
    const from = c.index * every;
    const to = Math.min(maxSteps, from + every);
    const ski = { steps: skiWindow(skiPath, elf, from, to, RANDOM_CONFIG), end: 'limit' as RunEnd };
    const mod = { steps: modelWindow(elf, from, to, RANDOM_CONFIG), end: 'limit' as RunEnd };
    const d = firstDivergence(ski, mod);
    if (d) return { compared: from + d.step - 1, divergence: { ...d, step: from + d.step }, end: model.end };
    return {
      compared: from,
      divergence: {
        step: from + 1,
        at: 'checkpoint window',
        what: c.what,
        ski: 'differs at the checkpoint',
        model: 'steps agree',
      },
      end: model.end,
    };
  }
  const reference = runSki(skiPath, elf, maxSteps, RANDOM_CONFIG);
  const d = firstDivergence(reference, runModel(elf, maxSteps, RANDOM_CONFIG));
  return { compared: d ? d.step - 1 : reference.steps.length, divergence: d, end: reference.end };
}

/** Records the program's Ski run step by step as test/fixtures/ski/random/random-<seed>.json. */
function recordFixture(ski: string, elf: string, seed: number, items: number, maxSteps: number, dir: string): void {
  const run = runSki(ski, elf, maxSteps, RANDOM_CONFIG);
  const text = randomFixtureText(makeRandomFixture(SKI_PROGRAMS_DIR, seed, items, maxSteps, run));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${randomProgramName(seed)}.json`);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  process.stdout.write(`recorded ${path} (${run.steps.length} steps)\n`);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      items: { type: 'string' },
      'max-steps': { type: 'string' },
      every: { type: 'string' },
      record: { type: 'boolean' },
    },
  });
  const ski = process.env.SKI;
  if (!ski) throw new Error(`SKI is not set (${USAGE})`);
  if (values.seed === undefined) throw new Error(`--seed is required (${USAGE})`);
  const seed = positive('seed', values.seed, 0);
  const count = positive('count', values.count, 1);
  const items = positive('items', values.items, 150);
  const maxSteps = positive('max-steps', values['max-steps'], 20_000);
  const every = Math.max(1, positive('every', values.every, 200));
  const outDir = resolve('out', 'ski-random');
  const fixturesDir = resolve('test', 'fixtures', 'ski', 'random');
  let compared = 0;
  let diverged = 0;
  const started = Date.now();
  for (let s = seed; s < seed + count; s++) {
    const name = randomProgramName(s);
    const elf = buildRandomProgram(name, generateProgram(s, items), SKI_PROGRAMS_DIR, outDir);
    const d = compareProgram(ski, elf, every, maxSteps);
    compared += d.compared;
    if (d.divergence) {
      diverged++;
      process.stdout.write(`${formatDivergence(name, d.divergence)}\n`);
    } else if (d.end !== 'halted') process.stdout.write(`${name}: agrees but ended with ${d.end}\n`);
    else if (values.record) recordFixture(ski, elf, s, items, maxSteps, fixturesDir);
    if ((s - seed + 1) % 10 === 0)
      process.stderr.write(`after ${s - seed + 1} programs: ${compared} steps compared, ${diverged} diverged\n`);
  }
  const secs = (Date.now() - started) / 1000;
  process.stdout.write(
    `${count} programs (seeds ${seed}..${seed + count - 1}, ${items} items): ${compared} steps compared, ${diverged} diverged, ${secs.toFixed(1)} s\n`,
  );
  return diverged ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`random: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
