// Scale of sharded regressions (regress/): (1) throughput of one regression against the local
// workers (1, 2: a worker per core of this machine); (2) the merge's cost against the number of
// shard results (100 .. 10,000 files of a real shard result's size: read, check, merge) — it must
// stay linear and under 1 s per 1,000 results; (3) a model of the driver's own overhead per
// Slurm poll (squeue output of N elements parsed) and per shard (result read + merge).
//   npx tsx bench/regress/run.ts [--write]     (--write: the README table between its markers)
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Merger } from '../../regress/merge.js';
import { readResult, resultName, type ShardResult } from '../../regress/result.js';
import { runShard } from '../../regress/run-shard.js';
import { parseStates, arrayList } from '../../regress/slurm-backend.js';
import type { MergedResult } from '../../regress/merge.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'vti-bench-regress-'));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadBefore = load();

// (1) Throughput against workers: one regression, 4 shards of random lockstep programs.
const WORKERS = [1, 2] as const;
const reg = {
  name: 'scale',
  shards: 4,
  retries: 0,
  workloads: { random: { kind: 'cosim-random', programs: 8, items: 200, seed: 11, engine: 'builtin' } },
};
const regFile = join(tmp, 'scale.json');
writeFileSync(regFile, JSON.stringify(reg));
const throughput: { workers: number; seconds: number; instructions: number; cpu: number }[] = [];
for (const w of WORKERS) {
  const dir = join(tmp, `run-${w}`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/vti.js'), 'regress', regFile, '--dir', dir, '--jobs', String(w)],
    {
      cwd: tmp,
      encoding: 'utf8',
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`bench/regress: vti regress exited ${r.status}: ${r.stderr}`);
  const m = JSON.parse(readFileSync(join(dir, 'merged', 'random.json'), 'utf8')) as MergedResult;
  throughput.push({ workers: w, seconds, instructions: m.counts.instructions!, cpu: m.timings.cpuSeconds });
}

// (2) Merge cost: N copies of one real shard result (its bins, counts, one mismatch), as files.
const real = await runShard(
  { kind: 'cosim-random', programs: 1, items: 50, seed: 3, traps: true, engine: 'builtin', seededBug: 'no_reg_nat' },
  { index: 0, count: 1 },
  { workDir: join(tmp, 'one') },
);
const template: ShardResult = {
  ...real,
  mismatches: real.mismatches.length
    ? real.mismatches
    : [{ order: [3], what: 'synthetic', replay: ['cosim', '--core', '--random', '1', '--seed', '3'] }],
};
const bytes = JSON.stringify(template).length;
const SIZES = [100, 1000, 10_000] as const;
const merge: { n: number; read: number; merge: number }[] = [];
for (const n of SIZES) {
  const dir = join(tmp, `merge-${n}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const r: ShardResult = {
      ...template,
      shard: { index: i, count: n },
      mismatches: template.mismatches.map((x) => ({ ...x, order: [i] })),
    };
    writeFileSync(join(dir, resultName('random', r.shard)), JSON.stringify(r));
  }
  // As `vti merge` does: each file read, checked and folded in, then dropped.
  const files = readdirSync(dir).map((f) => join(dir, f));
  let read = 0;
  const t0 = performance.now();
  const merger = new Merger();
  for (const f of files) {
    const r0 = performance.now();
    const r = readResult(f);
    read += performance.now() - r0;
    merger.add(r, f);
  }
  const m = merger.finish();
  const total = performance.now() - t0;
  if (!m.complete || m.mismatches.length !== n * template.mismatches.length)
    throw new Error('bench/regress: bad merge');
  merge.push({ n, read: read / 1000, merge: (total - read) / 1000 });
}

// (3) Driver overhead per poll: parse `squeue -r -o %K|%T` of N elements; the --array list of N tasks.
const poll: { n: number; ms: number }[] = [];
for (const n of [100, 1000, 10_000]) {
  const text = Array.from({ length: n }, (_, i) => `${i}|${i % 3 ? 'RUNNING' : 'PENDING'}`).join('\n');
  const reps = 20;
  const t0 = performance.now();
  for (let k = 0; k < reps; k++) {
    if (parseStates(text).size !== n) throw new Error('bench/regress: bad parse');
    arrayList(Array.from({ length: n }, (_, i) => i));
  }
  poll.push({ n, ms: (performance.now() - t0) / reps });
}

const f1 = (x: number) => x.toFixed(1),
  f2 = (x: number) => x.toFixed(2),
  f3 = (x: number) => x.toFixed(3);
const perK = (m: (typeof merge)[number]) => ((m.read + m.merge) / m.n) * 1000;
const base = merge.find((m) => m.n === 1000)!;
const cpuModel = `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}`;
const lines = [
  `Measured by \`npx tsx bench/regress/run.ts --write\` on ${cpuModel}; load average ${loadBefore} before, ${load()} after (a machine shared with other jobs: the shards needed 7–10 s of CPU in all, the rest of the wall time is waiting for a CPU share, which also bounds the speed-up of a second worker).`,
  '',
  '| local workers | wall (s) | instructions | throughput (instr/s) | speed-up | shard CPU (s) |',
  '|---:|---:|---:|---:|---:|---:|',
  ...throughput.map(
    (t) =>
      `| ${t.workers} | ${f1(t.seconds)} | ${t.instructions.toLocaleString('en-US')} | ${Math.round(t.instructions / t.seconds).toLocaleString('en-US')} | ${f2(throughput[0]!.seconds / t.seconds)} | ${f1(t.cpu)} |`,
  ),
  '',
  `Workload: 8 random lockstep programs × 200 items (built-in engine) in 4 shards, \`vti regress --jobs W\`; each worker is a \`vti\` process (≈ 1–3 s of start-up each at this load).`,
  '',
  `| shard results merged | read + check (s) | merge (s) | per 1,000 results (s) | linearity (per-result cost / at 1,000) |`,
  '|---:|---:|---:|---:|---:|',
  ...merge.map(
    (m) =>
      `| ${m.n.toLocaleString('en-US')} | ${f3(m.read)} | ${f3(m.merge)} | ${f3(perK(m))} | ${f2(perK(m) / perK(base))} |`,
  ),
  '',
  `Each result is a real \`cosim-random\` shard result (${(bytes / 1024).toFixed(0)} KiB: ${Object.keys(template.bins).length} coverage bins, one mismatch). Driver overhead per Slurm poll (parse \`squeue\` of N elements + build the \`--array\` list): ${poll.map((p) => `${p.n.toLocaleString('en-US')}: ${f2(p.ms)} ms`).join(', ')}. Model for N shards, polled every 2 s: driver CPU ≈ N × ${f3(perK(base))} ms (merge) + polls × ${f2(poll[2]!.ms / 10)} ms per 1,000 elements — at 10,000 shards ${f1(10 * perK(base))} s of merge and ${f1(poll[2]!.ms)} ms per poll; the shards' own work dominates.`,
];
const table = lines.join('\n');
process.stdout.write(table + '\n');
if (process.argv.includes('--write')) {
  const readme = join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const re = /<!-- regress-scale -->\n[\s\S]*?<!-- \/regress-scale -->/;
  if (!re.test(text)) throw new Error('bench/regress: README.md has no <!-- regress-scale --> markers');
  writeFileSync(readme, text.replace(re, `<!-- regress-scale -->\n${table}\n<!-- /regress-scale -->`));
  process.stdout.write('README.md updated\n');
}
