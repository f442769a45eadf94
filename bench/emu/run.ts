// Emulator speed (issue 13): instructions per second of the golden model on three workloads,
//   integer       bench/emu/loop.s: ALU, predication, a loop branch (6 instructions per iteration)
//   interruption  bench/emu/irq-loop.s: 12 loop iterations, then break → handler → rfi (~93 per interruption)
//   vmm           programs/vtvmm.s: a guest kernel under the VT-i VMM, trap-and-emulate (no Ski: VT-i)
// with the model's rate per second of this process's CPU time spent in Emulator.run (less noisy
// than wall time on a shared machine), and a ratio against a baseline measured in the same run:
// HP's Ski (SKI=/path/to/bski; its own "N insts, T sec" figure for the same ELF, run mode, no
// VT-i: the model runs with --vt off there too) or, without Ski, a plain JS loop doing the
// integer loop's arithmetic on 32-bit halves. Ski is built outside the repository (tools/ski).
// Usage: [SKI=/path/to/bski] npx tsx bench/emu/run.ts [--scale S] [--only integer,interruption,vmm] [--repeat N] [--write]
//   --scale 1 is 30 M integer-loop instructions, 300 k interruptions, 20 k guest iterations.
//   --repeat N (default 3): each workload N times, model and baseline paired; medians printed.
//   --write: the table, with the command, date, machine and load, into README.md between
//   `<!-- generated: bench/emu/run.ts -->` and `<!-- /generated -->` (test/docs/generated-numbers.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { elfSymbols, patchWord, symbol } from '../../model/elf.js';
import { Emulator, type EmuOptions } from '../../model/emulator.js';
import { buildProgram } from '../../programs/build.js';
import { buildBenchLoop } from './build-loop.js';

const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(argOf('--scale') ?? 1);
const only = new Set((argOf('--only') ?? 'integer,interruption,vmm').split(','));
const repeat = Math.max(1, Number(argOf('--repeat') ?? 3));
const load = () => loadavg()[0]!.toFixed(1);
const loadBefore = load();
const SKI = process.env.SKI;
const work = mkdtempSync(join(tmpdir(), 'vti-bench-emu-'));
const build = (file: string, subst: Record<string, number>, ldArgs: string[] = []) =>
  buildBenchLoop(work, file, subst, ldArgs);

const cpuSeconds = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};

interface ModelRun {
  steps: number;
  interruptions: number;
  cpu: number;
  wall: number;
  halted: boolean;
  gr8: bigint;
}

function runModel(elf: Uint8Array, opts: EmuOptions, maxSteps: number): ModelRun {
  const emu = new Emulator(opts);
  emu.loadElf(elf);
  const c0 = process.cpuUsage(),
    t0 = performance.now();
  const r = emu.run(maxSteps);
  const cpu = cpuSeconds(c0),
    wall = (performance.now() - t0) / 1000;
  const st = emu.state();
  return { steps: r.steps, interruptions: st.eventCount, cpu, wall, halted: r.halted, gr8: BigInt(st.gr[8]!) };
}

/**
 * Ski in run mode: r8 at the halt, and its CPU time (user + system, start-up included, from the
 * shell's `times`; the model's figure is CPU time too). Ski's own instruction counter is not
 * used: in run mode it is updated only at interruptions (2 for the integer loop), so the rate
 * is the model's instruction count, for the same ELF and the same r8, over Ski's CPU time.
 */
function runSki(elfPath: string): { gr8: bigint; cpu: number } {
  const cmd = join(work, 'ski.cmd'),
    log = join(work, 'ski.log');
  writeFileSync(cmd, 'run\neval r8\nquit\n');
  const r = spawnSync('bash', ['-c', '"$0" -noconsole -i "$1" "$2" >"$3" 2>&1; times', SKI!, cmd, elfPath, log], {
    encoding: 'utf8',
  });
  const out = readFileSync(log, 'utf8');
  const m = /^r8 = ([0-9a-fA-F]+)$/m.exec(out);
  const t = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/m.exec(r.stdout.trim().split('\n')[1] ?? '');
  if (!m || !t) throw new Error(`no r8 or CPU time from Ski (exit ${r.status}): ${out}${r.stdout}`);
  return { gr8: BigInt(`0x${m[1]}`), cpu: 60 * Number(t[1]) + Number(t[2]) + 60 * Number(t[3]) + Number(t[4]) };
}

/** The integer loop's arithmetic in plain JS on (lo, hi) halves: CPU seconds for `n` iterations. */
function plainJsLoop(n: number): { cpu: number; check: number } {
  const lo = new Uint32Array(16),
    hi = new Uint32Array(16);
  lo[9] = n;
  lo[10] = 3;
  const c0 = process.cpuUsage();
  let p6 = 1;
  while (p6) {
    let s = lo[8]! + lo[10]!;
    hi[8] = hi[8]! + hi[10]! + (s > 0xffffffff ? 1 : 0);
    lo[8] = s;
    s = lo[9]! + 0xffffffff;
    hi[9] = hi[9]! + 0xffffffff + (s > 0xffffffff ? 1 : 0);
    lo[9] = s;
    s = ((lo[10]! << 2) >>> 0) + lo[11]!;
    hi[11] = ((hi[10]! << 2) | (lo[10]! >>> 30)) + hi[11]! + (s > 0xffffffff ? 1 : 0);
    lo[11] = s;
    lo[12] = lo[12]! ^ lo[8]!;
    hi[12] = hi[12]! ^ hi[8]!;
    p6 = lo[9] !== 0 || hi[9] !== 0 ? 1 : 0;
  }
  return { cpu: cpuSeconds(c0), check: lo[8]! };
}

const M = (rate: number) => `${(rate / 1e6).toFixed(1)} M/s`;
const median = (xs: number[]): number => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[a.length >> 1]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
};
const rows: string[] = [];

/** One table row from `repeat` paired runs: median model rates, median baseline, median of the paired ratios. */
function report(name: string, runs: ModelRun[], baseline: string, ratios: number[], what: string): void {
  const run = runs[0]!,
    rate = median(runs.map((r) => r.steps / r.cpu)),
    wall = median(runs.map((r) => r.steps / r.wall));
  const ratio = ratios.length ? `${median(ratios).toFixed(3)} × ${what}` : '—';
  rows.push(
    `| ${name} | ${(run.steps / 1e6).toFixed(1)} M | ${(run.interruptions / 1e3).toFixed(0)} k | ${M(rate)} (wall ${M(wall)}) | ${baseline} | ${ratio} |`,
  );
  console.log(
    `${name}: ${run.steps} instructions, ${run.interruptions} interruptions; model ${runs.map((r) => M(r.steps / r.cpu)).join(', ')}; ${baseline}; ratios ${ratios.map((x) => x.toFixed(3)).join(', ')}`,
  );
}

/** Model (with --vt off, as Ski) against Ski or the given fallback baseline, `repeat` times paired. */
function compare(name: string, elfPath: string, expectGr8: bigint, fallback: () => [string, number]): void {
  const runs: ModelRun[] = [],
    baseRates: number[] = [],
    ratios: number[] = [];
  let what = '';
  for (let k = 0; k < repeat; k++) {
    const run = runModel(new Uint8Array(readFileSync(elfPath)), { vt: false }, 2e9);
    if (!run.halted || run.gr8 !== expectGr8)
      throw new Error(`${name}: wrong result r8=${run.gr8} after ${run.steps} steps`);
    runs.push(run);
    let baseRate: number;
    if (SKI) {
      const ski = runSki(elfPath);
      if (ski.gr8 !== expectGr8) throw new Error(`${name}: wrong result on Ski: r8=${ski.gr8}`);
      baseRate = run.steps / ski.cpu;
      what = 'Ski';
    } else {
      const [w, r] = fallback();
      baseRate = r;
      what = w;
    }
    baseRates.push(baseRate);
    ratios.push(run.steps / run.cpu / baseRate);
  }
  report(name, runs, `${what} ${M(median(baseRates))}`, ratios, what);
}

try {
  if (only.has('integer')) {
    const n = Math.round(5_000_000 * scale);
    compare('integer loop', build('loop.s', { ITERATIONS: n }), BigInt(n) * 3n, () => {
      const b = plainJsLoop(n);
      if (b.check !== (n * 3) >>> 0) throw new Error('plain JS baseline: wrong result');
      const rate = (6 * n) / b.cpu;
      return [`plain-JS ${M(rate)}`, rate];
    });
  }
  if (only.has('interruption')) {
    const rounds = Math.round(300_000 * scale);
    const elf = build('irq-loop.s', { ROUNDS: rounds }, ['--section-start=.ivt=0x200000']);
    const loopRounds = BigInt(rounds) * 12n * 3n;
    compare('interruption loop', elf, loopRounds, () => {
      // Without Ski: the integer loop's rate of this run (what an interruption should cost).
      const n = Math.round(2_000_000 * scale);
      const r = runModel(new Uint8Array(readFileSync(build('loop.s', { ITERATIONS: n }))), { vt: false }, 2e9);
      const rate = r.steps / r.cpu;
      return [`integer-loop ${M(rate)}`, rate];
    });
  }
  if (only.has('vmm')) {
    const iterations = Math.round(20_000 * scale);
    let bytes: Uint8Array = new Uint8Array(readFileSync(buildProgram('vtvmm')));
    const syms = elfSymbols(bytes);
    bytes = patchWord(bytes, symbol(syms, 'guest_iterations'), BigInt(iterations));
    bytes = patchWord(bytes, symbol(syms, 'guest_extras'), 0n);
    const runs: ModelRun[] = [];
    for (let k = 0; k < repeat; k++) {
      const run = runModel(bytes, { vt: true }, 1000 * iterations + 100_000);
      if (!run.halted) throw new Error(`vmm: did not halt after ${run.steps} steps`);
      runs.push(run);
    }
    report('guest kernel under the VT-i VMM (vtvmm)', runs, 'no Ski (VT-i)', [], '');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const header = [
  '| workload | instructions | interruptions | model (CPU time) | baseline | ratio |',
  '|---|---|---|---|---|---|',
];
console.log(`\n${[...header, ...rows].join('\n')}`);
if (args.includes('--write')) {
  const MARK = 'bench/emu/run.ts';
  const cmd = `${SKI ? 'SKI=/path/to/bski ' : ''}npx tsx bench/emu/run.ts${args.length ? ` ${args.join(' ')}` : ''}`;
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
  const text = [
    `Measured by \`${cmd}\` on ${new Date().toISOString().slice(0, 10)}, ${machine}, load average ${loadBefore} before / ${load()} after; medians of ${repeat} paired runs (model rate per CPU second of \`Emulator.run\`; Ski's over its whole CPU time, start-up included):`,
    '',
    ...header,
    ...rows,
  ].join('\n');
  const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
  const readme = readFileSync(readmePath, 'utf8');
  const block = new RegExp(`(<!-- generated: ${MARK} -->\\n)[\\s\\S]*?(\\n<!-- /generated -->)`);
  if (!block.test(readme)) throw new Error(`README.md has no <!-- generated: ${MARK} --> block`);
  writeFileAtomic(readmePath, readme.replace(block, `$1${text}$2`));
  console.log(`written to ${readmePath}`);
}
