// Re-records the Ski fixtures: builds every program of tools/ski/programs, runs it on Ski
// step by step, writes test/fixtures/ski/<program>.json and says which fixtures changed
// (CHANGED: the recorded run differs; rehashed: only the source hash does).
// Usage (from the repository root): SKI=/path/to/bski npx tsx tools/ski/record.ts [program...]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildProgram } from '../../programs/build.js';
import { encodeSteps, fixturePath, fixtureText, skiProgramNames, sourceHash, type SkiFixture } from './fixture.js';
import { defaultFixturesDir, defaultProgramsOutDir, MAX_STEPS, SKI_PROGRAMS_DIR } from './paths.js';
import { programConfig } from './program-config.js';
import { runSki } from './ski-run.js';

function main(args: string[]): number {
  const ski = process.env.SKI;
  if (!ski) {
    process.stderr.write('record: set SKI=/path/to/bski (HP Ski, built outside the repository)\n');
    return 2;
  }
  const fixturesDir = defaultFixturesDir();
  mkdirSync(fixturesDir, { recursive: true });
  const all = skiProgramNames(SKI_PROGRAMS_DIR);
  const unknown = args.filter((a) => !all.includes(a));
  if (unknown.length) {
    process.stderr.write(`record: unknown program(s) ${unknown.join(', ')} (available: ${all.join(', ')})\n`);
    return 2;
  }
  let changed = 0;
  for (const program of args.length ? args : all) {
    const elf = buildProgram(program, { srcDir: SKI_PROGRAMS_DIR, outDir: defaultProgramsOutDir() });
    const run = runSki(ski, elf, MAX_STEPS, programConfig(SKI_PROGRAMS_DIR, program));
    const fixture: SkiFixture = {
      program,
      sourceHash: sourceHash(SKI_PROGRAMS_DIR, program),
      maxSteps: MAX_STEPS,
      end: run.end,
      steps: encodeSteps(run.steps),
    };
    const path = fixturePath(fixturesDir, program);
    const text = fixtureText(fixture);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
    // 'rehashed': the same run, only the source hash moved (an edit of lib/ or of a comment).
    const sameRun = before !== null && fixtureText({ ...fixture, sourceHash: '' }) === rehash(before);
    const status = before === null ? 'new' : before === text ? 'unchanged' : sameRun ? 'rehashed' : 'CHANGED';
    if (status !== 'unchanged') {
      writeFileSync(path, text);
      changed++;
    }
    process.stdout.write(`${status.padEnd(9)} ${program} (${run.steps.length} steps, ${run.end})\n`);
  }
  process.stdout.write(`${changed} fixture(s) written\n`);
  return 0;
}

/** A fixture's text with its source hash blanked, to compare runs alone. */
function rehash(text: string): string {
  return text.replace(/"sourceHash": "[0-9a-f]*"/, '"sourceHash": ""');
}

process.exitCode = main(process.argv.slice(2));
