// bench/gen: build → check → emit time and memory of parameterized designs at growing sizes,
// plus Verilator lint of the emitted Verilog at every size. Designs: the prefix encoder, the
// same encoder as a balanced tree, a ternary (mux) chain and a when-chain (bench/gen/styles.ts),
// and a chain of register+adder instances. Prints per-size time, the cost per
// element and the growth ratio against the smallest size measured in the same run (linear
// cost gives a ratio near 1). Run: npx tsx bench/gen/run.ts [--quick]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elaborate, setLocationCapture, type HdlModule } from '../../hdl/dsl/index.js';
import { emitDesign } from '../../gen/verilog/index.js';
import { chain, encoder } from './designs.js';
import { muxChainEncoder, treeEncoder, whenChainEncoder } from './styles.js';

const quick = process.argv.includes('--quick');
const lint = !process.argv.includes('--no-lint');

interface Row {
  design: string;
  n: number;
  ms: number;
  perElementUs: number;
  growth: number;
  heapMB: number;
  verilogKB: number;
  lint: string;
}

function measure(make: () => HdlModule): { ms: number; heapMB: number; files: Record<string, string> } {
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const t0 = performance.now();
  const mod = make();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const { design } = elaborate(mod);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const files = emitDesign(design);
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, heapMB: (peak - heap0) / 2 ** 20, files };
}

function lintFiles(files: Record<string, string>, top: string): string {
  if (!lint) return 'skipped';
  const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  try {
    for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
    const t0 = performance.now();
    execFileSync('verilator', ['--lint-only', '-Wall', '--top-module', top, ...Object.keys(files)], {
      cwd: dir,
      stdio: 'pipe',
    });
    return `clean (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
  } catch (e) {
    const out = String((e as { stderr?: Buffer }).stderr ?? e).split('\n')[0];
    return `FAIL: ${out}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function series(name: string, sizes: number[], make: (n: number) => HdlModule, top: string): Row[] {
  measure(() => make(sizes[0]!)); // warm-up (JIT)
  const rows: Row[] = [];
  for (const n of sizes) {
    // Best of 3: the machine is shared and noisy; the minimum is the least disturbed run.
    const reps = n * 1 > 20000 ? 1 : 3;
    let r = measure(() => make(n));
    for (let k = 1; k < reps; k++) {
      const x = measure(() => make(n));
      if (x.ms < r.ms) r = x;
    }
    const per = (r.ms * 1000) / n;
    const growth = rows.length ? per / rows[0]!.perElementUs : 1;
    const kb = Object.values(r.files).reduce((s, t) => s + t.length, 0) / 1024;
    rows.push({
      design: name,
      n,
      ms: r.ms,
      perElementUs: per,
      growth,
      heapMB: r.heapMB,
      verilogKB: kb,
      lint: lintFiles(r.files, top),
    });
    console.log(
      `${name.padEnd(8)} n=${String(n).padStart(6)}  ${r.ms.toFixed(1).padStart(8)} ms  ${per.toFixed(2).padStart(7)} µs/elem  growth ${growth.toFixed(2)}  heap +${r.heapMB.toFixed(1)} MB  ${kb.toFixed(0)} KB  lint ${rows.at(-1)!.lint}`,
    );
  }
  return rows;
}

const enc = quick ? [64, 256, 1024, 4096] : [64, 256, 1024, 4096, 16384, 65536];
// The when-chain nests one if per input: the IR walkers (hdl/ir, hdl/passes) recurse per level
// and overflow the JS stack beyond ~3000 levels, so its series stops at 1024.
const whenSizes = enc.filter((n) => n <= 1024);
const chn = quick ? [1, 10, 100, 1000] : [1, 10, 100, 1000, 10000];
for (const capture of [true, false]) {
  setLocationCapture(capture);
  console.log(`\n# source locations ${capture ? 'on (default)' : 'off'}`);
  series('encoder', enc, encoder, 'vti_fault_prio');
  series('tree', enc, treeEncoder, 'enc_tree');
  series('mux', enc, muxChainEncoder, 'enc_mux_chain');
  series('when', whenSizes, whenChainEncoder, 'enc_when_chain');
  series('chain', chn, chain, 'chain');
}
mkdirSync('out/bench', { recursive: true });
