// Vectors per second of the compiled batch loops against hand-written JS on the same data.
// Usage: npx tsx bench/jssim/run.ts [vectors per batch, default 1000000]
import { randomFillSync } from 'node:crypto';
import { createSimulator } from '../../sim/jssim/sim.js';
import {
  counterAdder,
  counterAdderBaseline,
  counterAdderBranchless,
  maskComparator,
  maskComparatorBaseline,
  maskComparatorBranchless,
  VA_MASK_GUEST,
} from './designs.js';

const N = Number(process.argv[2] ?? 1_000_000);
const REPS = 7; // fresh data each repetition (a replayed batch lets the branch predictor learn it)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Addresses spread over the interesting cases: canonical, non-canonical, monitor-only. */
function addresses(n: number): Uint32Array {
  const a = randomFillSync(new Uint32Array(2 * n));
  const hiMask = Number(VA_MASK_GUEST >> 32n);
  for (let k = 0; k < n; k++) {
    const r = a[2 * k]! & 3;
    if (r === 0)
      a[2 * k + 1] = (a[2 * k + 1]! & ~hiMask) >>> 0; // all zeros in the checked field
    else if (r === 1) a[2 * k + 1] = (a[2 * k + 1]! | hiMask) >>> 0; // all ones
  }
  return a;
}

function bits(n: number): Uint32Array {
  const b = randomFillSync(new Uint32Array(n));
  for (let i = 0; i < n; i++) b[i]! &= 1;
  return b;
}

const rows: { name: string; sim: number; into: number; base: number; free: number }[] = [];

{
  const sim = createSimulator(maskComparator());
  const simT: number[] = [],
    intoT: number[] = [],
    baseT: number[] = [],
    freeT: number[] = [];
  const out = new Uint32Array(N),
    out2 = new Uint32Array(N),
    into = { unimpl: new Uint32Array(N) };
  for (let r = 0; r < REPS; r++) {
    const addr = addresses(N),
      vm = bits(N);
    let got: Uint32Array | undefined;
    simT.push(time(() => (got = sim.evalBatch({ addr, vm }, N).unimpl)));
    intoT.push(time(() => sim.evalBatch({ addr, vm }, N, into)));
    baseT.push(time(() => maskComparatorBaseline(addr, vm, out, N)));
    freeT.push(time(() => maskComparatorBranchless(addr, vm, out2, N)));
    for (let k = 0; k < N; k++)
      if (got![k] !== out[k] || out2[k] !== out[k])
        throw new Error(`mask comparator: vector ${k} differs from the baselines`);
  }
  rows.push({
    name: 'evalBatch 64-bit mask comparator',
    sim: median(simT.slice(1)),
    into: median(intoT.slice(1)),
    base: median(baseT.slice(1)),
    free: median(freeT.slice(1)),
  });
}

{
  const sim = createSimulator(counterAdder());
  const state = { lo: 0, hi: 0 },
    state2 = { lo: 0, hi: 0 };
  const simT: number[] = [],
    intoT: number[] = [],
    baseT: number[] = [],
    freeT: number[] = [];
  const sum = new Uint32Array(2 * N),
    sum2 = new Uint32Array(2 * N);
  const sim2 = createSimulator(counterAdder()),
    into = { sum: new Uint32Array(2 * N) };
  for (let r = 0; r < REPS; r++) {
    const rst = new Uint32Array(N);
    rst[0] = r === 0 ? 1 : 0;
    const inc = randomFillSync(new Uint32Array(2 * N)),
      a = randomFillSync(new Uint32Array(2 * N));
    let got: Uint32Array | undefined;
    simT.push(time(() => (got = sim.stepBatch({ rst, inc, a }, N).sum)));
    intoT.push(time(() => sim2.stepBatch({ rst, inc, a }, N, into)));
    baseT.push(time(() => counterAdderBaseline(state, rst, inc, a, sum, N)));
    freeT.push(time(() => counterAdderBranchless(state2, rst, inc, a, sum2, N)));
    for (let k = 0; k < 2 * N; k++)
      if (got![k] !== sum[k] || sum2[k] !== sum[k])
        throw new Error(`counter+adder: word ${k} differs from the baselines`);
  }
  rows.push({
    name: 'stepBatch 64-bit counter + adder',
    sim: median(simT.slice(1)),
    into: median(intoT.slice(1)),
    base: median(baseT.slice(1)),
    free: median(freeT.slice(1)),
  });
}

console.log(`jssim batch throughput, ${N} vectors per batch, median of ${REPS - 1} fresh batches (first is warm-up)`);
console.log(
  'jssim: fresh output arrays / into preallocated ones (fresh memory costs page faults); hand-written baselines',
);
console.log('write into preallocated arrays: natural JS (ternaries, ifs) and the same without data-dependent branches');
const f1 = (x: number) => (N / x / 1e6).toFixed(1).padStart(6);
for (const r of rows) {
  const i = N / r.into;
  console.log(
    `${r.name.padEnd(34)} jssim ${f1(r.sim)} / ${f1(r.into)} M/s   natural ${f1(r.base)} M/s (ratio ${(i / (N / r.base)).toFixed(2)})   branch-free ${f1(r.free)} M/s (ratio ${(i / (N / r.free)).toFixed(2)})`,
  );
}

// The project's blocks, for reference (no hand-written baseline): random inputs.
{
  const { elaborate } = await import('../../hdl/dsl/index.js');
  const blocks = await Promise.all([
    import('../../hdl/vti/addr-check.js').then((m) => ['vti_addr_check', m.vtiAddrCheck()] as const),
    import('../../hdl/vti/fault-prio.js').then((m) => ['vti_fault_prio', m.vtiFaultPrio()] as const),
    import('../../hdl/vti/psr.js').then((m) => ['vti_psr', m.vtiPsr()] as const),
    import('../../hdl/vti/core.js').then((m) => ['vti_core', m.vtiCore()] as const),
  ]);
  const n = Math.min(N, 200_000);
  for (const [name, mod] of blocks) {
    const t0 = process.hrtime.bigint();
    const sim = createSimulator(elaborate(mod).design);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const step = sim.compiled.clock !== null;
    const times: number[] = [];
    for (let r = 0; r < REPS + 8; r++) {
      const cols: Record<string, Uint32Array> = {};
      for (const s of sim.compiled.inputs) {
        const a = randomFillSync(new Uint32Array(n * s.words));
        const top = s.width % 32;
        if (top) for (let k = s.words - 1; k < a.length; k += s.words) a[k] = a[k]! & ((1 << top) - 1);
        cols[s.name] = a;
      }
      if (cols.rst) cols.rst = cols.rst.map((v) => (v % 64 === 0 ? 1 : 0)); // occasional resets
      times.push(time(() => (step ? sim.stepBatch(cols, n) : sim.evalBatch(cols, n))));
    }
    // The first rounds give V8 time to optimize the kernel (slow to arrive on a loaded machine).
    console.log(
      `${`${step ? 'stepBatch' : 'evalBatch'} ${name}`.padEnd(36)} jssim ${(n / median(times.slice(8)) / 1e6).toFixed(1).padStart(6)} M/s   (compiled in ${ms.toFixed(0)} ms${sim.compiled.source.includes(', chunked') ? ', chunked' : ''})`,
    );
  }
}
