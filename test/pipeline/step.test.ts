// The pipeline's step runner: order, timing, skip, a throw turned into FAIL with the error kept,
// progress events, and the typed look-up of a step's data.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../gen/vti.js';
import type { PipelineOptions } from '../../pipeline/options.js';
import {
  dataOf,
  resultOf,
  runSteps,
  stillRunningLine,
  summaryOf,
  type Step,
  type StepDurations,
  type StepEvent,
} from '../../pipeline/step.js';
import { FLOW } from '../../pipeline/steps.js';
import { SKIPPABLE } from '../../report/sections.js';
import { FPGA_STEP_ID } from '../../report/timing.js';
import { wavesStep } from '../../report/steps.js';

const options: PipelineOptions = {
  gen: DEFAULT_CONFIG,
  engine: 'builtin',
  seed: 1,
  vectors: 10,
  outDir: 'out',
  lockstep: {},
  demo: { iterations: 1, flushCycles: 30 },
};

const count: Step<{ readonly n: number }> = {
  id: 'count',
  title: 'count to three',
  async run({ say, options: o }) {
    for (let i = 1; i <= 3; i++) say(`${i}`);
    return { detail: `seed ${o.seed}`, data: { n: 3 } };
  },
};
const broken: Step<never> = {
  id: 'broken',
  title: 'throws',
  async run() {
    throw new Error('first line\nsecond line');
  },
};
const partial: Step<string> = {
  id: 'partial',
  title: 'fails softly',
  async run() {
    return { status: 'FAIL', detail: 'one of two', data: 'x' };
  },
};

describe('runSteps', () => {
  it('runs every step in order, keeps going after a failure and reports events', async () => {
    const events: string[] = [];
    const on = (e: StepEvent) =>
      events.push(
        e.kind === 'end'
          ? `end ${e.result.id} ${e.result.status}`
          : e.kind === 'line'
            ? `line ${e.text}`
            : `start ${e.step.id}`,
      );
    const rs = await runSteps([broken, count, partial], options, { onEvent: on });
    expect(rs.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['broken', 'FAIL', 'first line'],
      ['count', 'pass', 'seed 1'],
      ['partial', 'FAIL', 'one of two'],
    ]);
    expect(rs[0]!.error).toMatch(/^Error: first line\nsecond line\n {4}at /);
    expect(events).toEqual([
      'start broken',
      'end broken FAIL',
      'start count',
      'line 1',
      'line 2',
      'line 3',
      'end count pass',
      'start partial',
      'end partial FAIL',
    ]);
    for (const r of rs) expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(dataOf(rs, count)?.n).toBe(3);
    expect(dataOf(rs, partial)).toBe('x');
    expect(resultOf(rs[1]!, partial)).toBeUndefined();
    expect(summaryOf(rs[1]!)).toEqual({
      id: 'count',
      title: 'count to three',
      status: 'pass',
      detail: 'seed 1',
      seconds: rs[1]!.seconds,
    });
  });

  it('leaves out the skipped steps without running them', async () => {
    const rs = await runSteps([broken, count], options, { skip: ['broken'] });
    expect(rs.map((r) => [r.id, r.status, r.detail])).toEqual([
      ['broken', 'skipped', 'left out (--skip)'],
      ['count', 'pass', 'seed 1'],
    ]);
    expect(dataOf(rs, broken)).toBeUndefined();
  });

  it('describes the whole flow once, with distinct ids', () => {
    expect(FLOW.map((s) => s.id)).toEqual(['generate', 'lint', 'cosim', 'core-cosim', 'formal', 'properties', 'demo']);
    // `vti report --skip` names steps the report runs: the shared ones, its timing diagrams or its Fmax section.
    const ids: readonly string[] = [...FLOW, wavesStep, { id: FPGA_STEP_ID }].map((s) => s.id);
    for (const id of SKIPPABLE) expect(ids, id).toContain(id);
  });

  it('refuses to generate without a folder for the RTL', async () => {
    const [r] = await runSteps([FLOW[0]], options);
    expect([r!.status, r!.detail]).toEqual(['FAIL', 'the generate step needs rtlDir (where to write the RTL)']);
  });
});

describe('progress of long steps', () => {
  const slow: Step<never> = {
    id: 'slow',
    title: 'takes a while',
    async run() {
      await new Promise((r) => setTimeout(r, 400));
      return { detail: 'done' };
    },
  };
  const memory = (last: Record<string, number>): StepDurations & { recorded: Record<string, number> } => {
    const recorded: Record<string, number> = {};
    return { recorded, last: (id) => last[id], record: (id, ms) => void (recorded[id] = ms) };
  };
  const linesOf = (events: StepEvent[]) => events.flatMap((e) => (e.kind === 'line' ? [e.text] : []));

  it('a running step says so after firstMs and then every everyMs, with the estimate of its last run', async () => {
    const events: StepEvent[] = [];
    const durations = memory({ slow: 60_000 });
    await runSteps([slow], options, {
      onEvent: (e) => events.push(e),
      stillRunning: { firstMs: 100, everyMs: 100, durations },
    });
    const lines = linesOf(events);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^still running: \d+ s \(the last run took 60 s: about \d+ s left\)$/);
    // The pass is remembered for the next run's estimate.
    expect(durations.recorded.slow).toBeGreaterThanOrEqual(350);
  });

  it('a step whose last run took more than 10 minutes says so when it starts; a failed run is not remembered', async () => {
    const events: StepEvent[] = [];
    const durations = memory({ broken: 11 * 60_000 });
    await runSteps([broken], options, {
      onEvent: (e) => events.push(e),
      stillRunning: { firstMs: 1000, everyMs: 1000, durations },
    });
    expect(linesOf(events)).toEqual(['the last run of this step took 660 s (more than 10 minutes); Ctrl-C stops it']);
    expect(durations.recorded).toEqual({});
  });

  it('without a last run the line has no estimate; past the last run it says how long that was', () => {
    expect(stillRunningLine(20_400, undefined)).toBe('still running: 20 s');
    expect(stillRunningLine(50_000, 40_000)).toBe('still running: 50 s (the last run took 40 s)');
    expect(stillRunningLine(10_000, 40_000)).toBe('still running: 10 s (the last run took 40 s: about 30 s left)');
  });

  it('says nothing without stillRunning (the default) or for a quick step', async () => {
    const events: StepEvent[] = [];
    await runSteps([slow, count], options, { onEvent: (e) => events.push(e) });
    await runSteps([count], options, {
      onEvent: (e) => events.push(e),
      stillRunning: { firstMs: 5000, everyMs: 5000 },
    });
    expect(linesOf(events)).toEqual(['1', '2', '3', '1', '2', '3']);
  });
});
