// The differential programs of tools/ski as shardable items: item i is the i-th program of
// the spec's list (name order by default). Each program is assembled, run on the golden model
// step by step and compared with its recorded Ski run (test/fixtures/ski), as the fixture test
// does; a divergence is a mismatch unless it is the program's known one (known-divergences.ts)
// at the same step and register. Programs are independent, so the counts of shards add up.
import { buildProgram } from '../../programs/build.js';
import { firstDivergence, formatDivergence } from '../../tools/ski/compare.js';
import { fixtureRun, readFixture, sourceHash } from '../../tools/ski/fixture.js';
import { KNOWN_DIVERGENCES } from '../../tools/ski/known-divergences.js';
import { runModel } from '../../tools/ski/model-run.js';
import { SKI_PROGRAMS_DIR } from '../../tools/ski/paths.js';
import { programConfig } from '../../tools/ski/program-config.js';
import type { SkiProgramsSpec } from './spec.js';
import type { ShardOutcome } from './outcome.js';
import type { ResultMismatch } from '../result.js';

export const skiProgramsItems = (s: SkiProgramsSpec) => ({ unit: 'differential programs', total: s.programs.length });

/** Why program `name` fails against its fixture, or null when it agrees (or diverges exactly as known). */
function checkProgram(
  s: SkiProgramsSpec,
  name: string,
  workDir: string,
): { problem: string | null; steps: number; elf?: string } {
  const fixture = readFixture(s.fixtures, name);
  if (fixture.sourceHash !== sourceHash(SKI_PROGRAMS_DIR, name))
    return { problem: `${name}: source changed since its Ski run was recorded (re-record it)`, steps: 0 };
  const elf = buildProgram(name, { srcDir: SKI_PROGRAMS_DIR, outDir: workDir });
  const model = runModel(elf, fixture.maxSteps, programConfig(SKI_PROGRAMS_DIR, name));
  const d = firstDivergence(fixtureRun(fixture), model);
  const known = KNOWN_DIVERGENCES[name];
  if (known) {
    if (d && d.step === known.step && d.what === known.what) return { problem: null, steps: model.steps.length, elf };
    return {
      problem: d
        ? `${formatDivergence(name, d)} (known: step ${known.step}, ${known.what})`
        : `${name}: the known divergence (step ${known.step}, ${known.what}) is gone`,
      steps: model.steps.length,
      elf,
    };
  }
  return { problem: d ? formatDivergence(name, d) : null, steps: model.steps.length, elf };
}

export function runSkiPrograms(
  s: SkiProgramsSpec,
  from: number,
  to: number,
  ctx: { readonly workDir: string },
): Promise<ShardOutcome> {
  const counts = { programs: 0, steps: 0, agreeing: 0, 'known divergences': 0, 'unexpected divergences': 0 };
  const mismatches: ResultMismatch[] = [];
  for (let i = from; i < to; i++) {
    const name = s.programs[i]!;
    const { problem, steps, elf } = checkProgram(s, name, ctx.workDir);
    counts.programs++;
    counts.steps += steps;
    if (problem) {
      counts['unexpected divergences']++;
      mismatches.push({
        order: [i],
        what: problem.split('\n')[0]!,
        replay: elf
          ? ['emu', elf, '--vt', 'off', '--max-steps', String(readFixture(s.fixtures, name).maxSteps)]
          : ['emu', '--help'],
        detail: { program: name, diff: `npx tsx tools/ski/diff.ts ${name}` },
      });
    } else if (KNOWN_DIVERGENCES[name]) counts['known divergences']++;
    else counts.agreeing++;
  }
  return Promise.resolve({ counts, mismatches, bins: {} });
}
