// Runs programs on the model and prints the first divergence from Ski for each: from Ski
// itself when SKI=/path/to/bski is set, else from the recorded fixtures.
// Usage (from the repository root): [SKI=/path/to/bski] npx tsx tools/ski/diff.ts [program...]
import { buildProgram } from '../../programs/build.js';
import { formatDivergence, firstDivergence } from './compare.js';
import { fixtureRun, readFixture, skiProgramNames } from './fixture.js';
import { runModel } from './model-run.js';
import { defaultFixturesDir, defaultProgramsOutDir, MAX_STEPS, SKI_PROGRAMS_DIR } from './paths.js';
import { programConfig } from './program-config.js';
import { runSki } from './ski-run.js';

function main(args: string[]): number {
  const ski = process.env.SKI;
  let diverged = 0;
  for (const program of args.length ? args : skiProgramNames(SKI_PROGRAMS_DIR)) {
    const elf = buildProgram(program, { srcDir: SKI_PROGRAMS_DIR, outDir: defaultProgramsOutDir() });
    const reference = ski
      ? runSki(ski, elf, MAX_STEPS, programConfig(SKI_PROGRAMS_DIR, program))
      : fixtureRun(readFixture(defaultFixturesDir(), program));
    const model = runModel(elf, MAX_STEPS, programConfig(SKI_PROGRAMS_DIR, program));
    const d = firstDivergence(reference, model);
    if (d) diverged++;
    process.stdout.write(
      d ? `${formatDivergence(program, d)}\n` : `${program}: agrees (${model.steps.length} steps, ${model.end})\n`,
    );
  }
  return diverged ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
