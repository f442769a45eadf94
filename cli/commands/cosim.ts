// `vti cosim`: lockstep co-simulation of the generated RTL against the golden model.
// Block level: each VT-i block against its reference (model/blocks) on directed, exhaustive
// and random vectors. Core level (--core): vti_core in lockstep with the emulator running
// the demo programs, one ELF, or random programs (sim/cosim/lockstep, sim/cosim/random).
import { existsSync, statSync } from 'node:fs';
import type { Command } from '../command.js';
import { engineFlag, seedFlag, vectorsFlag } from '../flags.js';
import { onlyWith, type Parsed } from '../args.js';
import { UnsupportedInstruction } from '../../model/errors.js';
import { UserError } from '../errors.js';
import { progressBar, table } from '../progress.js';
import { BLOCK_NAMES, type BlockName } from '../../blocks/registry.js';
import { formatMismatch, type BlockCosimResult } from '../../sim/cosim/blocks.js';
import { barPerBlock, runBlockCosim as runBlocks } from '../../sim/cosim/run-blocks.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';
import type { EngineName } from '../../sim/engine.js';
import { runCoreCosim, type CoreCosimResult } from '../../sim/cosim/lockstep/index.js';
import { defaultJobs } from '../../sim/cosim/lockstep/parallel.js';
import { formatDivergence } from '../../sim/cosim/lockstep/report.js';
import { DEFAULT_CONFIG } from '../../gen/vti.js';
import type { RtlCoverageGroup } from '../../sim/cosim/rtl-coverage.js';
import { cosimDirs } from '../../sim/cosim/dirs.js';
import { outDir } from '../dirs.js';
import { coverageTableRows } from '../../sim/verilator/coverage.js';
import type { VtiConfig } from '../../gen/vti.js';
import { filesDifferingFromGenerator, manifestConfig, refuseConflicts } from '../manifest-config.js';
import { RANDOM_BATCH } from '../../sim/cosim/blocks.js';
import { runShardCommand, SHARD_FLAGS, shardRequested } from '../shard-flags.js';
import type { WorkloadSpec } from '../../regress/workloads/spec.js';

export const command: Command = {
  summary:
    'co-simulate the generated RTL against the golden model (block level, or --core: vti_core in lockstep with the emulator)',
  usage:
    '[--dir DIR] [--shard I/N] [--result FILE] [--block NAME] [--vectors N] [--seed S] [--engine verilator|builtin] [--rtl-coverage [--prove-unreachable]] [--json]  |  --core [--dir DIR] [--program FILE | --random N [--items K] [--no-traps] [--shrink]] [--vt on|off] [--jobs N] [--rtl-coverage [--prove-unreachable]] [--seed S] [--engine E] [--json]',
  flags: {
    core: {
      type: 'bool',
      help: 'system level: vti_core in lockstep with the emulator (default workload: demo programs a-e)',
    },
    program: { type: 'string', metavar: 'FILE', help: 'with --core: an IA-64 ELF to run' },
    random: {
      type: 'int',
      metavar: 'N',
      help: 'with --core: N random programs (seeds S..S+N-1)',
      min: 1,
      max: 10_000,
    },
    items: {
      type: 'int',
      metavar: 'K',
      help: 'with --random: items (test instructions) per program',
      default: 500,
      min: 1,
      max: 20_000,
    },
    'no-traps': {
      type: 'bool',
      help: 'with --random: leave PSR.ss/tb/lp (single-step, taken-branch, lower-privilege traps) out of the modes',
    },
    shrink: { type: 'bool', help: 'with --random: shrink a failing program to a minimal one (out/cosim/<name>-min.s)' },
    vt: { type: 'choice', choices: ['on', 'off'], help: 'with --program: VT-i implemented (default on)' },
    jobs: {
      type: 'int',
      metavar: 'N',
      help: 'with --core: programs run at once, in worker threads with an engine each (default with --random: the idle cores, i.e. cores less the load average, at least 1; else 1; 1 with --rtl-coverage); the report is the serial one',
      min: 1,
      max: 256,
    },
    'rtl-coverage': {
      type: 'bool',
      help: 'RTL code coverage from Verilator --coverage (line, branch, toggle per module) of the core lockstep (--core) or of each block; reports under out/cosim/rtl-coverage/',
    },
    'prove-unreachable': {
      type: 'bool',
      help: 'with --rtl-coverage: prove uncovered toggle points unreachable (Yosys sat: constant for all inputs, or from reset by temporal induction) or leave them holes; the table adds the reachable coverage',
    },
    block: {
      type: 'choice',
      choices: BLOCK_NAMES,
      metavar: 'NAME',
      help: `one block (${BLOCK_NAMES.join(', ')}); default all`,
    },
    vectors: vectorsFlag('random vectors per block on top of the directed/exhaustive sets', 1_000_000),
    seed: seedFlag(),
    engine: engineFlag(),
    mutants: {
      type: 'int',
      metavar: 'N',
      help: 'mutation score: N Yosys mutants per block, each co-simulated (Verilator); survivors classified formally',
    },
    dir: {
      type: 'string',
      metavar: 'DIR',
      help: "the RTL of 'vti gen --out DIR': co-simulate the configuration of DIR/manifest.json (DIR's Verilog must be the generator's)",
    },
    json: { type: 'bool', help: 'print results as JSON' },
    batch: {
      type: 'int',
      metavar: 'N',
      help: 'random vectors per batch (batch k uses seed + k; the unit --shard splits)',
      default: RANDOM_BATCH,
      min: 1,
      max: 1 << 20,
    },
    ...SHARD_FLAGS,
  },
  async run(parsed) {
    const { flags } = parsed;
    checkMode(parsed);
    const fromDir = flags.dir !== undefined ? configOfDir(parsed, flags.dir as string) : undefined;
    const engine = chooseEngine(flags.engine as EngineName | undefined);
    if (shardRequested(parsed)) return runShardCommand(parsed, cosimWorkload(parsed, engine));
    const rtlCoverage = flags['rtl-coverage'] === true;
    const proveUnreachable = flags['prove-unreachable'] === true;
    if (proveUnreachable && !rtlCoverage)
      throw new UserError(
        '--prove-unreachable needs --rtl-coverage (it classifies the uncovered RTL code-coverage points); allowed: --rtl-coverage --prove-unreachable, with or without --core',
      );
    if (rtlCoverage && flags.mutants !== undefined)
      throw new UserError(
        '--rtl-coverage and --mutants exclude each other (mutants are scored by killing, not by code coverage)',
      );
    if (rtlCoverage && engine !== 'verilator')
      throw new UserError(
        "--rtl-coverage needs the verilator engine (it reads Verilator's --coverage counters); drop --engine builtin",
      );
    if (flags.core) {
      if (flags.program !== undefined && flags.random !== undefined)
        throw new UserError('--program and --random exclude each other');
      if (flags.program !== undefined && !existsSync(flags.program as string))
        throw new UserError(`--program: no such file '${String(flags.program)}'`);
      if (flags.program !== undefined && !statSync(flags.program as string).isFile())
        throw new UserError(`--program: '${String(flags.program)}' is not a regular file`);
      if (rtlCoverage && (flags.jobs as number | undefined) !== undefined && (flags.jobs as number) > 1)
        throw new UserError(
          '--jobs with --rtl-coverage: the RTL code coverage counts in one Verilator model; use --jobs 1',
        );
      // Parallel by default only for random programs: a worker's start-up (sources, engine, JIT)
      // costs more than the five short demo programs take.
      const jobs =
        (flags.jobs as number | undefined) ?? (rtlCoverage || flags.random === undefined ? 1 : defaultJobs());
      const bar = progressBar('cosim core');
      const res = await inProgram(flags.program as string | undefined, () =>
        runCoreCosim({
          engine,
          seed: flags.seed as number,
          items: flags.items as number,
          progress: bar.update,
          shrink: flags.shrink === true,
          outDir: outDir(),
          jobs,
          ...(rtlCoverage ? { rtlCoverage: true } : {}),
          ...(proveUnreachable ? { proveUnreachable: true } : {}),
          ...(flags.program !== undefined
            ? {
                program: flags.program as string,
                gen: fromDir ?? { ...DEFAULT_CONFIG, vmImplemented: flags.vt !== 'off' },
              }
            : fromDir
              ? { gen: fromDir }
              : {}),
          ...(flags.random !== undefined
            ? { random: flags.random as number, profile: { traps: flags['no-traps'] !== true } }
            : {}),
        }),
      );
      bar.done();
      if (flags.json)
        process.stdout.write(
          JSON.stringify(
            res,
            (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v instanceof Uint32Array ? undefined : v),
            2,
          ) + '\n',
        );
      else process.stdout.write(formatCoreResult(res) + (res.rtlCoverage ? formatRtlCoverage(res.rtlCoverage) : ''));
      return res.mismatches > 0 ? 1 : 0;
    }
    const blocks = flags.block ? [flags.block as BlockName] : [...BLOCK_NAMES];
    if (flags.mutants !== undefined) {
      const n = flags.mutants as number;
      if (n < 1 || n > 1000) throw new UserError(`--mutants must be between 1 and 1000, got ${n}`, 2);
      if (!verilatorAvailable())
        throw new UserError(
          'Verilator not found: install it with `apt-get install verilator` (mutants are simulated as Verilog)',
        );
      const { mutationScore, formatMutationTable } = await import('../../sim/cosim/mutation-score.js');
      const rows = [];
      for (const b of blocks) {
        const bar = progressBar(`mutants ${b}`);
        rows.push(
          await mutationScore(b, {
            count: n,
            seed: flags.seed as number,
            vectors: flags.vectors as number,
            batch: flags.batch as number,
            progress: (e) => bar.update(e.done, e.total),
            ...(fromDir ? { gen: fromDir } : {}),
          }),
        );
        bar.done();
      }
      if (flags.json)
        process.stdout.write(
          JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v), 2) + '\n',
        );
      else process.stdout.write(formatMutationTable(rows));
      return rows.some((r) => r.gaps.length > 0) ? 1 : 0;
    }
    const results = await runBlockCosim(
      blocks,
      engine,
      flags.vectors as number,
      flags.seed as number,
      rtlCoverage,
      proveUnreachable,
      outDir(),
      fromDir,
      flags.batch as number,
    );
    if (flags.json)
      process.stdout.write(
        JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v), 2) + '\n',
      );
    else
      process.stdout.write(
        formatBlockResults(results) + formatRtlCoverage(results.flatMap((r) => (r.rtlCoverage ? [r.rtlCoverage] : []))),
      );
    return results.some((r) => r.mismatches > 0) ? 1 : 0;
  },
};

/**
 * The configuration of --dir D (its manifest), with D's Verilog checked to be what the generator
 * writes for it: the co-simulation simulates the generator's design, which must be D's.
 */
function configOfDir(parsed: Parsed, dir: string): VtiConfig {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--dir ${dir}: no such directory`);
  const config = manifestConfig(dir);
  if (!config) throw new UserError(`--dir ${dir}: no manifest.json there (run 'vti gen --out ${dir}' first)`);
  refuseConflicts('cosim', dir, parsed, config, [{ flag: 'vt', field: 'vmImplemented', value: (f) => f.vt !== 'off' }]);
  if (
    parsed.flags.core === true &&
    parsed.flags.program === undefined &&
    parsed.flags.random === undefined &&
    !config.vmImplemented
  )
    throw new UserError(
      `--dir ${dir} was generated without VT-i; the demo workload (programs a-e) needs it: give --program FILE or --random N`,
    );
  const differing = filesDifferingFromGenerator(dir, config);
  if (differing.length)
    throw new UserError(
      `--dir ${dir}: ${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from what 'vti gen' writes for the manifest's options (edited, or made by another version); regenerate with 'vti gen --out ${dir}'`,
    );
  return config;
}

/** Each flag belongs to one mode; given in another it would be ignored, so it is refused. */
function checkMode(parsed: Parsed): void {
  const { flags } = parsed;
  const core = flags.core === true;
  for (const f of ['program', 'random', 'vt', 'jobs'] as const)
    onlyWith('cosim', parsed, f, core, 'applies only with --core');
  for (const f of ['items', 'no-traps', 'shrink'] as const)
    onlyWith('cosim', parsed, f, core && flags.random !== undefined, 'applies only with --core --random N');
  onlyWith('cosim', parsed, 'vt', flags.program !== undefined, 'applies only with --core --program FILE');
  for (const f of ['block', 'vectors', 'mutants', 'batch'] as const)
    onlyWith('cosim', parsed, f, !core, 'applies only to the block co-simulation (not with --core)');
}

/** The workload (regress/workloads/spec.ts) of a sharded `vti cosim`: block vectors, mutants or random programs. */
function cosimWorkload(parsed: Parsed, engine: EngineName): WorkloadSpec {
  const { flags } = parsed;
  for (const f of ['prove-unreachable', 'shrink', 'program'] as const)
    if (parsed.given?.has(f)) throw new UserError(`--${f} does not shard; run it without --shard/--result`, 2);
  const blocks = flags.block ? [flags.block as BlockName] : [...BLOCK_NAMES];
  const common = { seed: flags.seed as number, batch: flags.batch as number };
  if (flags.core) {
    if (flags.random === undefined)
      throw new UserError('--shard with --core needs --random N (the random programs are what is split)', 2);
    if (flags['rtl-coverage']) throw new UserError('--shard with --core: --rtl-coverage is not sharded yet', 2);
    return {
      kind: 'cosim-random',
      programs: flags.random as number,
      seed: common.seed,
      items: flags.items as number,
      traps: flags['no-traps'] !== true,
      engine,
    };
  }
  if (flags.mutants !== undefined)
    return { kind: 'mutants', blocks, count: flags.mutants as number, vectors: flags.vectors as number, ...common };
  return {
    kind: 'cosim-blocks',
    blocks,
    vectors: flags.vectors as number,
    engine,
    rtlCoverage: flags['rtl-coverage'] === true,
    ...common,
  };
}

/** A bad or unsupported program given with --program is the user's: one line naming the file, as `vti emu` says it. */
async function inProgram<T>(program: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (
      program !== undefined &&
      (e instanceof UnsupportedInstruction || (e instanceof Error && e.message.startsWith('bad ELF: ')))
    )
      throw new UserError(`${program}: ${e.message}`);
    throw e;
  }
}

export function chooseEngine(requested: EngineName | undefined): EngineName {
  if (requested === 'verilator' && !verilatorAvailable())
    throw new UserError('Verilator not found: install it with `apt-get install verilator`, or use --engine builtin');
  return requested ?? (verilatorAvailable() ? 'verilator' : 'builtin');
}

/** The block co-simulation (sim/cosim/run-blocks.ts) with one terminal progress bar per block; RTL coverage under `<out>/cosim/rtl-coverage/<block>/`. */
export async function runBlockCosim(
  blocks: readonly BlockName[],
  engine: EngineName,
  vectors: number,
  seed: number,
  rtlCoverage = false,
  proveUnreachable = false,
  out = outDir(),
  gen?: VtiConfig,
  batch?: number,
): Promise<BlockCosimResult[]> {
  return runBlocks(blocks, {
    engine,
    ...(gen ? { gen } : {}),
    vectors,
    seed,
    ...(batch !== undefined ? { batch } : {}),
    ...barPerBlock(progressBar),
    ...(rtlCoverage ? { rtlCoverageDir: cosimDirs(out).rtlCoverage, proveUnreachable } : {}),
  });
}

export function formatBlockResults(results: readonly BlockCosimResult[]): string {
  const rows = results.map((r) => [
    r.block,
    r.engine,
    r.vectors.toLocaleString('en-US'),
    r.directed.toLocaleString('en-US'),
    String(r.mismatches),
    `${(r.vectors / r.seconds / 1e6).toFixed(2)} M/s`,
  ]);
  let s = table(['block', 'engine', 'vectors', 'directed', 'mismatches', 'throughput'], rows);
  for (const r of results) if (r.first) s += `first mismatch in ${r.block}: ${formatMismatch(r.first)}\n`;
  return s;
}

const n = (x: number) => x.toLocaleString('en-US');

/** One screen: per-program rows, totals, throughput, coverage and its holes, exclusions, the first mismatch. */
export function formatCoreResult(r: CoreCosimResult): string {
  const rows = r.runs.map((x) => [
    x.name,
    n(x.instructions),
    x.halted ? 'yes' : 'no',
    x.mismatch ? `event ${x.mismatch.event}` : '-',
  ]);
  let s =
    `vti_core lockstep against the golden model (engine ${r.engine})\n` +
    table(['program', 'instructions', 'halted', 'mismatch'], rows);
  const c = r.coverage;
  s += `instructions compared ${n(r.instructions)}, mismatches ${r.mismatches}, throughput ${(r.throughput / 1e6).toFixed(2)} M instructions/s (lockstep${r.jobs > 1 ? `, ${r.jobs} jobs, by wall time` : ''}), wall ${r.seconds.toFixed(1)} s\n`;
  s +=
    `coverage ${c.pct.toFixed(1)} %: class x cpl x vm x outcome ${c.outcomes.hit}/${c.outcomes.bins} (min hits ${c.outcomes.minHits}), ` +
    `fault pairs ${c.pairs.hit}/${c.pairs.bins}, PSR field transitions ${c.psr.hit}/${c.psr.bins}, ` +
    `external interrupts ${c.interrupts.hit}/${c.interrupts.bins}\n`;
  const holes = [...c.outcomes.holes, ...c.pairs.holes, ...c.psr.holes, ...c.interrupts.holes];
  if (holes.length) s += `holes (${holes.length}): ${holes.slice(0, 8).join('; ')}${holes.length > 8 ? '; ...' : ''}\n`;
  s += `not in the coverage space: ${c.notes[0]!.split(':')[0]}\n`;
  if (c.modelDisagreements)
    s += `spec-restated checks disagreed with the emulator at ${c.modelDisagreements} events: ${c.disagreementSamples.join('; ')}\n`;
  for (const e of r.exclusions) s += `excluded from the comparison: ${e.id} ${e.port} ${e.why}\n`;
  if (r.exclusions.length === 0)
    s += 'compared: every bit of every committed-effect output, after every instruction (no exclusions)\n';
  const bad = r.runs.find((x) => x.mismatch);
  if (bad?.mismatch) {
    s += `first mismatch in ${bad.name}:\n${formatDivergence(bad.mismatch)}`;
    if (bad.artifacts)
      s += `report ${bad.artifacts.text}, stimulus ${bad.artifacts.stimulus}${bad.artifacts.vcd ? `, waveform ${bad.artifacts.vcd}` : ''}\n`;
    if (bad.shrunk)
      s += `shrunk in ${bad.shrunk.runs} runs to ${bad.shrunk.items.length} item(s): ${bad.shrunk.items.join('; ')}\n  program ${bad.shrunk.source}\n`;
  }
  return s;
}

/** Per design configuration: the module × kind table of covered/total points, and where the uncovered list is. */
export function formatRtlCoverage(groups: readonly RtlCoverageGroup[]): string {
  let s = '';
  for (const g of groups) {
    const u = g.unreachable;
    const { head, rows } = coverageTableRows(g.summary, u?.tallies);
    const t = g.summary.thresholds;
    s += `RTL code coverage (Verilator --coverage) of ${g.label}, ${g.programs.length} program(s)${g.programs.length <= 6 ? `: ${g.programs.join(', ')}` : ''}\n`;
    s += table(head, rows);
    s +=
      `covered = count >= ${t.line ?? 1} (line, branch), >= ${t.toggle ?? 2} (toggle: bit seen rising and falling); ` +
      `${g.summary.uncovered.length} uncovered point(s): ${g.files.uncovered}\n`;
    if (u) {
      const a = u.tallies.all!;
      s +=
        `unreachable = uncovered toggle points proven constant (${u.sequential ? `${u.top} flattened, temporal induction from reset` : `${u.top}, sat over all inputs`}; ` +
        `${u.satCalls} sat calls in ${u.yosysRuns} Yosys runs, ${u.seconds.toFixed(1)} s): ${a.unreachable}; ` +
        `holes (reachable, unproven or line/branch): ${g.summary.uncovered.length - a.unreachable}\n`;
    }
  }
  return s;
}
