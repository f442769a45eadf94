// Random differential testing of the model against HP's Ski: generates random bare-metal
// system programs (tools/ski/random/generate.ts), runs each on Ski and on the model one
// instruction at a time, and prints the first divergence of each program and the totals.
// Usage (from the repository root):
//   SKI=/path/to/bski npx tsx tools/ski/random.ts --seed S [--count N] [--items K] [--max-steps M]
// Programs are seeds S, S+1, ..., S+N-1; each is built under out/ski-random.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { firstDivergence, formatDivergence } from './compare.js';
import { runModel } from './model-run.js';
import { SKI_PROGRAMS_DIR } from './paths.js';
import { buildRandomProgram } from './random/build.js';
import { generateProgram, RANDOM_CONFIG } from './random/generate.js';
import { runSki } from './ski-run.js';

const USAGE = 'usage: SKI=/path/to/bski npx tsx tools/ski/random.ts --seed S [--count N] [--items K] [--max-steps M]';

function positive(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a non-negative integer, not '${v}'`);
  return Number(v);
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      items: { type: 'string' },
      'max-steps': { type: 'string' },
    },
  });
  const ski = process.env.SKI;
  if (!ski) throw new Error(`SKI is not set (${USAGE})`);
  if (values.seed === undefined) throw new Error(`--seed is required (${USAGE})`);
  const seed = positive('seed', values.seed, 0);
  const count = positive('count', values.count, 1);
  const items = positive('items', values.items, 150);
  const maxSteps = positive('max-steps', values['max-steps'], 20_000);
  const outDir = resolve('out', 'ski-random');
  let compared = 0;
  let diverged = 0;
  const started = Date.now();
  for (let s = seed; s < seed + count; s++) {
    const name = `random-${s}`;
    const elf = buildRandomProgram(name, generateProgram(s, items), SKI_PROGRAMS_DIR, outDir);
    const reference = runSki(ski, elf, maxSteps, RANDOM_CONFIG);
    const model = runModel(elf, maxSteps, RANDOM_CONFIG);
    const d = firstDivergence(reference, model);
    compared += d ? d.step - 1 : reference.steps.length;
    if (d) {
      diverged++;
      process.stdout.write(`${formatDivergence(name, d)}\n`);
    } else if (reference.end !== 'halted') process.stdout.write(`${name}: agrees but ended with ${reference.end}\n`);
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
