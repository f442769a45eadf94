// `vti all` — the main job: the whole pipeline (pipeline/steps.ts: generate the RTL, lint it,
// co-simulate it against the golden model, run the formal checks and the demo), rendered as
// text with one summary. Each step reports pass / FAIL / skipped (with the reason), and the
// exit code is non-zero if any step failed.
import { join } from 'node:path';
import type { Command } from '../command.js';
import { engineFlag, seedFlag, vectorsFlag } from '../flags.js';
import { progressBar, table } from '../progress.js';
import { DEFAULT_CONFIG } from '../../gen/vti.js';
import { DEFAULT_FLUSH_CYCLES } from '../../demo/cost.js';
import { formatTable } from '../../demo/techniques.js';
import type { PipelineOptions } from '../../pipeline/options.js';
import { resultOf, runSteps, type StepResult } from '../../pipeline/step.js';
import { blockCosimStep, demoStep, FLOW } from '../../pipeline/steps.js';
import { stillRunningWithEstimates } from '../../pipeline/step-durations.js';
import { chooseEngine, formatBlockResults } from './cosim.js';

/** `vti all`'s lockstep workload beyond the demo programs, and its demo. */
const LOCKSTEP_RANDOM = { programs: 4, items: 300 } as const;
const DEMO = { iterations: 100, flushCycles: DEFAULT_FLUSH_CYCLES } as const;

export const command: Command = {
  summary: 'the main job: generate, lint, co-simulate, prove, demo, summary',
  usage: '[--out DIR] [--vectors N] [--seed S] [--engine verilator|builtin] [--json]',
  flags: {
    out: { type: 'string', metavar: 'DIR', help: 'output folder', default: 'out' },
    vectors: vectorsFlag('random co-simulation vectors per block', 1_000_000),
    seed: seedFlag(),
    engine: engineFlag(),
    json: { type: 'bool', help: 'print the summary as JSON' },
  },
  async run({ flags }) {
    const say = (s: string) => {
      if (!flags.json) process.stdout.write(s);
    };
    const options: PipelineOptions = {
      gen: DEFAULT_CONFIG,
      engine: chooseEngine(flags.engine as 'verilator' | 'builtin' | undefined),
      seed: flags.seed as number,
      vectors: flags.vectors as number,
      outDir: flags.out as string,
      rtlDir: join(flags.out as string, 'rtl'),
      lockstep: { random: LOCKSTEP_RANDOM },
      demo: DEMO,
    };
    const results = await runSteps(FLOW, options, {
      bar: progressBar,
      stillRunning: stillRunningWithEstimates(),
      onEvent: (e) => {
        if (e.kind === 'start') say(`== ${e.step.title}\n`);
        else if (e.kind === 'line') say(`   ${e.text}\n`);
        else say(indent(stepText(e.result)) + `   ${e.result.status}: ${e.result.detail}\n`);
      },
    });
    const failed = results.filter((r) => r.status === 'FAIL').length;
    if (flags.json) {
      const steps = results.map((r) => ({ step: r.title, status: r.status, detail: r.detail, seconds: r.seconds }));
      process.stdout.write(JSON.stringify({ results: steps, failed }, null, 2) + '\n');
    } else {
      say('\n== summary\n');
      say(
        table(
          ['step', 'result', 'time', 'detail'],
          results.map((r) => [r.title, r.status, `${r.seconds.toFixed(1)} s`, r.detail]),
          [1, 3],
        ),
      );
    }
    return failed ? 1 : 0;
  },
};

const indent = (s: string) => s.replace(/^(?=.)/gm, '   ');

/** The text a step's data adds above its status line (tables; the rest was said while it ran). */
function stepText(r: StepResult): string {
  const cosim = resultOf(r, blockCosimStep)?.data;
  if (cosim) return formatBlockResults(cosim);
  const demo = resultOf(r, demoStep)?.data;
  if (demo) return formatTable(demo);
  return '';
}
