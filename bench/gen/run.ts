// bench/gen: build → check → emit time of parameterized designs at growing sizes. Designs: the
// prefix encoder (vti_fault_prio with an N-row table), the same encoder as a balanced tree, a
// ternary (mux) chain and a when-chain (bench/gen/styles.ts), and a chain of register+adder
// instances. Per size: time, cost per element, growth against the smallest size of the same
// run (linear cost keeps it near 1), and per series the fitted exponent k of time ∝ N^k.
// Time is the process's CPU time (user + system, process.cpuUsage), not wall time: on a shared
// machine (load 10–20 on 2 cores) a run longer than a scheduler slice waits for the CPU, so a
// wall-clock ratio of a 0.5 ms run and a 10 ms run measured the load, not the generators.
// Side by side with gateware-ts (bench/gen/gateware-ts.ts) for the tree, mux-chain and
// when-chain: measured in the same run when GWTS points at its build, else the figures recorded
// in bench/gen/gateware-ts.json are printed (and said to be recorded, with their date).
// Run: nice -n 10 npx tsx bench/gen/run.ts [--quick] [--max N] [--only tree,mux-chain,...]
//      [--lint] [--loc-off] [--record]      (GWTS=…/gateware-ts/dist/src/index.js to measure it)
// --record (with GWTS) writes bench/gen/gateware-ts.json and the table in bench/gen/README.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../cache/atomic-write.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { elaborate, type HdlModule, setLocationCapture } from '../../hdl/dsl/index.js';
import { chain, encoder } from './designs.js';
import { fittedExponent } from './fit.js';
import { GWTS_STYLES, type GwtsStyle, gwtsEncoder, loadGatewareTs } from './gateware-ts.js';
import { type GwtsFigures, readGwtsFigures, renderGwtsTable, writeGwtsFigures } from './gwts-figures.js';
import { muxChainEncoder, treeEncoder, whenChainEncoder } from './styles.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const quick = process.argv.includes('--quick');
const lint = process.argv.includes('--lint');
const record = process.argv.includes('--record');
const max = Number(arg('--max') ?? (quick ? 4096 : 65536));
const SERIES = ['encoder', 'tree', 'mux-chain', 'when-chain', 'chain'] as const;
type Series = (typeof SERIES)[number];
const only = arg('--only')?.split(',');
for (const s of only ?? [])
  if (!(SERIES as readonly string[]).includes(s)) {
    console.error(`--only takes a comma-separated list of ${SERIES.join(', ')}; got '${s}'`);
    process.exit(2);
  }
const wanted = (s: Series) => !only || only.includes(s);
const gwtsEntry = process.env.GWTS;
if (record && !gwtsEntry) {
  console.error('--record needs GWTS=<gateware-ts build>/dist/src/index.js (it records gateware-ts figures)');
  process.exit(2);
}
const gw = gwtsEntry ? loadGatewareTs(gwtsEntry) : undefined;
/** A gateware-ts point slower than this ends its series (its when-chain is quadratic). */
const GWTS_BUDGET_MS = 20_000;

/** The least of `reps` runs of `f` (the machine is shared and noisy: the minimum is the least disturbed). */
function best<T>(reps: number, f: () => { ms: number; out: T }): { ms: number; out: T } {
  let r = f();
  for (let k = 1; k < reps; k++) {
    const x = f();
    if (x.ms < r.ms) r = x;
  }
  return r;
}

/** CPU time of this process in ms (both generators run in it, one at a time). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Runs per timed batch at size `n`: a small design is timed as a batch of about 4096 inputs'
 * worth of runs (the mean per run), so neither the clock's resolution nor reading it (a system
 * call of about 10 µs, a tenth of a 64-input run) is in the figure.
 */
const batchOf = (n: number) => (n <= 2000 ? Math.ceil(4096 / n) : 1);

/** CPU ms per run of `run`, over a batch of `k` runs. */
function timed<T>(k: number, run: () => T): { ms: number; out: T } {
  globalThis.gc?.();
  const t0 = cpuMs();
  let out = run();
  for (let i = 1; i < k; i++) out = run();
  return { ms: (cpuMs() - t0) / k, out };
}

/**
 * The generation time of `run` at size `n`, the same procedure for both tools: up to 2000
 * inputs three untimed batches (the JIT compiles the paths this size takes, so the figure is
 * the steady state, not the warm-up) and the best of 7 batches; best of 3 runs up to 20000;
 * one run above.
 */
function measure<T>(n: number, run: () => T): { ms: number; out: T } {
  const k = batchOf(n);
  const reps = n > 20000 ? 1 : n > 2000 ? 3 : 7;
  if (n <= 2000) for (let w = 0; w < 3; w++) timed(k, run);
  return best(reps, () => timed(k, run));
}

const ours = (make: () => HdlModule) => () => emitDesign(elaborate(make()).design);

function lintFiles(files: Record<string, string>, top: string): string {
  if (!lint) return '';
  const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  try {
    for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
    execFileSync('verilator', ['--lint-only', '-Wall', '--top-module', top, ...Object.keys(files)], {
      cwd: dir,
      stdio: 'pipe',
    });
    return '  lint clean';
  } catch (e) {
    return `  lint FAIL: ${String((e as { stderr?: Buffer }).stderr ?? e).split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const recorded: GwtsFigures | undefined = gw ? undefined : readGwtsFigures(here);
const measuredGwts: Record<string, Record<string, number>> = {};
const measuredOurs: Record<string, Record<string, number>> = {};
const measuredOursLocOff: Record<string, Record<string, number>> = {};
const failedGwts: Record<string, string> = {};

function series(name: Series, sizes: number[], make: (n: number) => HdlModule, top: string): void {
  if (!wanted(name)) return;
  const gwStyle = (GWTS_STYLES as readonly string[]).includes(name) ? (name as GwtsStyle) : undefined;
  const gwMake = gw && gwStyle ? gwtsEncoder(gw, gwStyle) : undefined;
  measure(
    sizes[0]!,
    ours(() => make(sizes[0]!)),
  ); // warm-up (JIT)
  if (gwMake) measure(sizes[0]!, () => gwMake(sizes[0]!));
  const points: { n: number; ms: number }[] = [];
  let gwStopped = '';
  for (const n of sizes) {
    const r = measure(
      n,
      ours(() => make(n)),
    );
    const per = (r.ms * 1000) / n;
    const growth = points.length ? per / ((points[0]!.ms * 1000) / points[0]!.n) : 1;
    points.push({ n, ms: r.ms });
    if (gwStyle) (measuredOurs[gwStyle] ??= {})[n] = Number(r.ms.toFixed(2));
    let offNote = '';
    if (record && gwStyle && !locOff) {
      // The same point without source-location capture, for the recorded table.
      setLocationCapture(false);
      const o = measure(
        n,
        ours(() => make(n)),
      );
      setLocationCapture(true);
      (measuredOursLocOff[gwStyle] ??= {})[n] = Number(o.ms.toFixed(2));
      offNote = `  (locations off ${o.ms.toFixed(1)} ms)`;
    }
    let peer = '';
    if (gwMake && !gwStopped) {
      try {
        const g = measure(n, () => gwMake(n));
        (measuredGwts[gwStyle!] ??= {})[n] = Number(g.ms.toFixed(2));
        peer = `  gateware-ts ${g.ms.toFixed(1).padStart(8)} ms  ratio ${(r.ms / g.ms).toFixed(2)}`;
        if (g.ms > GWTS_BUDGET_MS) gwStopped = `gateware-ts stopped after ${n} (${(g.ms / 1000).toFixed(0)} s)`;
      } catch (e) {
        // Its generator recurses per nesting level: a deep chain overflows the stack.
        gwStopped = `gateware-ts failed at ${n}: ${String(e).split('\n')[0]!.slice(0, 80)}`;
        failedGwts[gwStyle!] = gwStopped;
        peer = `  ${gwStopped}`;
      }
    } else if (gwMake) peer = `  ${gwStopped}`;
    else if (recorded && gwStyle) {
      const g = recorded.styles[gwStyle]?.[n];
      peer =
        g === undefined
          ? '  gateware-ts: not recorded at this size'
          : `  gateware-ts ${g.toFixed(1).padStart(8)} ms (recorded ${recorded.date})  ratio ${(r.ms / g).toFixed(2)}`;
    }
    console.log(
      `${name.padEnd(10)} n=${String(n).padStart(6)}  ${r.ms.toFixed(1).padStart(8)} ms  ${per.toFixed(2).padStart(7)} µs/elem  growth ${growth.toFixed(2)}${offNote}${peer}${lintFiles(r.out, top)}`,
    );
  }
  if (points.length > 1) {
    const line = `${name}: time ∝ N^${fittedExponent(points).toFixed(2)} over N = ${sizes[0]}…${sizes.at(-1)}`;
    console.log(line);
  }
}

const enc = [64, 256, 1024, 4096, 16384, 65536].filter((n) => n <= max);
const chn = [1, 10, 100, 1000, 10000].filter((n) => n <= Math.max(10, max / 8));
const locOff = process.argv.includes('--loc-off');
setLocationCapture(!locOff);
const load0 = loadavg()[0]!;
console.log(
  `# bench/gen on ${cpus().length} cores, load ${load0.toFixed(1)}, CPU time, source locations ${locOff ? 'off' : 'on (default)'}` +
    (gw ? `, gateware-ts from ${gwtsEntry}` : recorded ? `, gateware-ts figures recorded ${recorded.date}` : ''),
);
series('encoder', enc, encoder, 'vti_fault_prio');
series('tree', enc, treeEncoder, 'enc_tree');
series('mux-chain', enc, muxChainEncoder, 'enc_mux_chain');
series('when-chain', enc, whenChainEncoder, 'enc_when_chain');
series('chain', chn, chain, 'chain');
if (record && gw) {
  const figures: GwtsFigures = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), load ${load0.toFixed(1)} before / ${loadavg()[0]!.toFixed(1)} after`,
    command: `GWTS=… npx tsx bench/gen/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    styles: measuredGwts,
    ours: measuredOurs,
    ...(locOff ? {} : { oursLocOff: measuredOursLocOff }),
    failed: failedGwts,
  };
  writeGwtsFigures(here, figures);
  const readme = join(here, 'README.md');
  writeFileAtomic(readme, renderGwtsTable(readFileSync(readme, 'utf8'), figures));
  console.log(`recorded gateware-ts figures in bench/gen/gateware-ts.json and bench/gen/README.md`);
}
