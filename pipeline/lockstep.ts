// The pipeline's system-level step: vti_core in lockstep with the golden-model emulator on the
// demo programs, then (per the workload) random programs and seeded bugs.
import type { EngineName } from '../sim/engine.js';
import type { Step } from './step.js';

/** What the pipeline keeps of sim/cosim/lockstep's CoreCosimResult (no divergence data). */
export interface CoreCosimSummary {
  readonly engine: string;
  readonly instructions: number;
  readonly mismatches: number;
  readonly seconds: number;
  readonly throughput: number;
  readonly runs: readonly {
    readonly name: string;
    readonly instructions: number;
    readonly halted: boolean;
    readonly seconds: number;
    readonly mismatchEvent?: number;
    readonly report?: string;
  }[];
  readonly coverage: {
    readonly pct: number;
    readonly sets: readonly {
      readonly name: string;
      readonly bins: number;
      readonly hit: number;
      readonly pct: number;
      readonly minHits: number;
      readonly holes: readonly string[];
      readonly holeCount: number;
    }[];
    readonly modelDisagreements: number;
  };
  readonly exclusions: readonly { readonly id: string; readonly port: string; readonly why: string }[];
  /** The random programs of the workload, when it has any. */
  readonly random?: {
    readonly programs: number;
    readonly instructions: number;
    readonly mismatches: number;
    readonly coveragePct: number;
  };
  readonly seeded?: readonly SeededBugRow[];
}

export interface SeededBugRow {
  readonly bug: string;
  /** The input tied to 0 ('' for the unmodified core). */
  readonly tied: string;
  readonly instructions: number;
  readonly seconds: number;
  readonly found?: { readonly event: number; readonly insn: string; readonly fields: readonly string[] };
}

const n = (x: number) => x.toLocaleString('en-US');

export const lockstepStep: Step<CoreCosimSummary> = {
  id: 'core-cosim',
  title: 'co-simulation: vti_core lockstep with the golden model',
  async run({ options: o, say }) {
    const { runCoreCosim } = await import('../sim/cosim/lockstep/index.js');
    const r = await runCoreCosim({ engine: o.engine, gen: o.gen, outDir: o.outDir });
    let summary: CoreCosimSummary = {
      engine: r.engine,
      instructions: r.instructions,
      mismatches: r.mismatches,
      seconds: r.seconds,
      throughput: r.throughput,
      runs: r.runs.map((x) => ({
        name: x.name,
        instructions: x.instructions,
        halted: x.halted,
        seconds: x.seconds,
        ...(x.mismatch ? { mismatchEvent: x.mismatch.event } : {}),
        ...(x.artifacts ? { report: x.artifacts.text } : {}),
      })),
      coverage: {
        pct: r.coverage.pct,
        sets: (
          [
            ['class × cpl × vm × outcome', r.coverage.outcomes],
            ['fault pairs', r.coverage.pairs],
            ['PSR field transitions', r.coverage.psr],
            ['external interrupts', r.coverage.interrupts],
          ] as const
        ).map(([name, b]) => ({
          name,
          bins: b.bins,
          hit: b.hit,
          pct: b.pct,
          minHits: b.minHits,
          holes: b.holes.slice(0, 20),
          holeCount: b.holes.length,
        })),
        modelDisagreements: r.coverage.modelDisagreements,
      },
      exclusions: r.exclusions.map((e) => ({ id: e.id, port: e.port, why: e.why })),
    };
    for (const x of summary.runs)
      say(
        `${x.name}: ${n(x.instructions)} instructions${x.mismatchEvent !== undefined ? `, MISMATCH at event ${x.mismatchEvent}` : ''}`,
      );
    say(`named exclusions: ${[...new Set(summary.exclusions.map((x) => x.id))].join(', ') || 'none'}`);
    const details = [
      `${n(r.instructions)} instructions in ${r.runs.length} programs on ${r.engine}, ${r.mismatches} mismatches, coverage ${r.coverage.pct.toFixed(1)} %`,
    ];
    let failed = r.mismatches > 0;
    if (o.lockstep.random) {
      const { programs, items } = o.lockstep.random;
      const x = await runCoreCosim({ engine: o.engine, random: programs, items, seed: o.seed, outDir: o.outDir });
      summary = {
        ...summary,
        random: { programs, instructions: x.instructions, mismatches: x.mismatches, coveragePct: x.coverage.pct },
      };
      const line = `${programs} random programs: ${n(x.instructions)} instructions, ${x.mismatches} mismatches, functional coverage ${x.coverage.pct.toFixed(1)} %`;
      say(line);
      details.push(line);
      failed ||= x.mismatches > 0;
    }
    if (o.lockstep.seededBugs) {
      const seeded = await runSeededBugs(o.seed, o.lockstep.seededBugs.items, o.outDir);
      summary = { ...summary, seeded };
      const missed = seeded.filter((b) => b.tied && !b.found).map((b) => b.bug);
      const falseAlarm = seeded.some((b) => !b.tied && b.found);
      const found = seeded.filter((b) => b.tied && b.found).length;
      details.push(
        `seeded bugs found ${found}/${seeded.length - 1}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}${falseAlarm ? '; the unmodified core MISMATCHED on the random program' : ''}`,
      );
      failed ||= missed.length > 0 || falseAlarm;
    }
    return { status: failed ? 'FAIL' : 'pass', detail: details.join('; '), data: summary };
  },
};

/**
 * Seeded bugs: vti_core with one check removed (sim/cosim/lockstep/check-mutants.ts), each run in
 * lockstep on one random program (built-in engine: no model build per variant), next to the
 * unmodified core on the same program. A bug the lockstep does not find is a hole in it.
 */
async function runSeededBugs(seed: number, items: number, outDir: string): Promise<SeededBugRow[]> {
  const { CHECK_MUTANTS, checkMutantDesign } = await import('../sim/cosim/lockstep/check-mutants.js');
  const { RANDOM_GEN } = await import('../sim/cosim/random/layout.js');
  const { randomItems } = await import('../sim/cosim/random/program.js');
  const { itemRunner } = await import('../sim/cosim/random/shrink.js');
  const { cosimDirs } = await import('../sim/cosim/dirs.js');
  const { createEngine } = await import('../sim/engine.js');
  const { vtiDesign } = await import('../gen/vti.js');
  const program = randomItems(seed, items);
  const engine: EngineName = 'builtin';
  const rows: SeededBugRow[] = [];
  for (const bug of [null, ...(Object.keys(CHECK_MUTANTS) as (keyof typeof CHECK_MUTANTS)[])]) {
    const e = await createEngine(engine, bug ? checkMutantDesign(bug, RANDOM_GEN) : vtiDesign('vti_core', RANDOM_GEN));
    try {
      const t = performance.now();
      const x = await itemRunner(e, RANDOM_GEN, {}, cosimDirs(outDir).random)(program);
      rows.push({
        bug: bug ?? '(none: the generated core)',
        tied: bug ? CHECK_MUTANTS[bug] : '',
        instructions: x.instructions,
        seconds: (performance.now() - t) / 1000,
        ...(x.mismatch
          ? { found: { event: x.mismatch.event, insn: x.mismatch.insn, fields: x.mismatch.fields.map((f) => f.port) } }
          : {}),
      });
    } finally {
      await e.close();
    }
  }
  return rows;
}
