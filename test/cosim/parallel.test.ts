// The core lockstep's programs over several threads (sim/cosim/lockstep/parallel.ts): the
// merged report is the serial one (runs in program order, mismatches, coverage bins and
// summary), with programs that diverge (a seeded bug) and programs that do not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCoreCosim, type CoreCosimOptions, type CoreCosimResult } from '../../sim/cosim/lockstep/index.js';
import { defaultJobs, runInWorkers } from '../../sim/cosim/lockstep/parallel.js';

const work = mkdtempSync(join(tmpdir(), 'vti-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Six programs of 40 items with Register NaT Consumption never detected: some diverge, some do not. */
const options: CoreCosimOptions = {
  engine: 'verilator',
  random: 6,
  seed: 1,
  items: 40,
  seededBug: 'no_reg_nat',
  reports: false,
  outDir: work,
};

/** What a run reports, without its timings. */
const report = (r: CoreCosimResult) => ({
  runs: r.runs.map((x) => ({
    name: x.name,
    instructions: x.instructions,
    halted: x.halted,
    mismatch: x.mismatch && { event: x.mismatch.event, insn: x.mismatch.insn, fields: x.mismatch.fields },
  })),
  instructions: r.instructions,
  mismatches: r.mismatches,
  coverage: r.coverage,
  bins: r.bins,
  exclusions: r.exclusions,
});

describe('parallel core lockstep', () => {
  let serial: ReturnType<typeof report>;
  beforeAll(async () => {
    serial = report(await runCoreCosim(options));
  }, 120_000);

  it('the workload has diverging and matching programs', () => {
    expect(serial.mismatches).toBeGreaterThan(0);
    expect(serial.mismatches).toBeLessThan(serial.runs.length);
  });

  it('jobs 3 (this thread and two workers) report what the serial run reports', async () => {
    const done: number[] = [];
    const r = await runCoreCosim({ ...options, jobs: 3, progress: (d) => done.push(d) });
    expect(report(r)).toEqual(serial);
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  }, 120_000);

  it('programs run in the workers come back in program order, with the same runs and bins', async () => {
    const { progress: _, outDir: __, ...o } = options;
    const results = await runInWorkers(o, work, 6, 2, undefined, false);
    expect(results.map((x) => x.k)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.every((x) => x.thread !== threadId)).toBe(true);
    expect(results.map((x) => x.run.name)).toEqual(serial.runs.map((x) => x.name));
    expect(results.map((x) => x.run.instructions)).toEqual(serial.runs.map((x) => x.instructions));
    expect(results.map((x) => x.run.mismatch?.event)).toEqual(serial.runs.map((x) => x.mismatch?.event));
  }, 120_000);

  it("a worker's error is thrown here, with the worker's stack", async () => {
    const missing = join(work, 'missing.elf');
    const run = runInWorkers({ engine: 'verilator', program: missing }, work, 1, 1, undefined, false);
    await expect(run).rejects.toThrow(`ENOENT: no such file or directory, open '${missing}'`);
    await expect(run).rejects.toHaveProperty('stack', expect.stringContaining('workloads.ts'));
  }, 60_000);

  it('refuses jobs with RTL code coverage, and jobs that are not a positive integer', async () => {
    await expect(runCoreCosim({ ...options, jobs: 2, rtlCoverage: true })).rejects.toThrow(/jobs 1/);
    await expect(runCoreCosim({ ...options, jobs: 0 })).rejects.toThrow(/positive integer/);
  });
  it('defaults to the idle cores, at least 1', () => {
    expect(defaultJobs(2, 0.1)).toBe(2);
    expect(defaultJobs(2, 0.8)).toBe(1);
    expect(defaultJobs(2, 15)).toBe(1);
    expect(defaultJobs(8, 2.2)).toBe(6);
  });
});
