// Throughput of the Verilator engine on the 64-bit address check (test/fixtures/verilog/
// addr_check.v): (a) a C++ loop inside the addon driving the model with C++ random
// inputs — the limit; (b) the TypeScript driver end to end: fresh random columns from
// crypto.randomFillSync, evalBatch, and a pass over the outputs, double-buffered (the
// next batch is generated while the current one evaluates on the thread pool); (c) for
// comparison, the same model in a child process over binary pipes (bench/verilator/pipe.ts).
//
//   npx tsx bench/verilator/run.ts [--seconds 1] [--batch 4096,65536]
import { randomFillSync } from 'node:crypto';
import { buildInfo, buildVerilatorModel, ASYNC_MIN } from '../../sim/verilator/index.js';

import type { NapiModel } from '../../sim/verilator/model.js';
import { addrCheck } from '../../test/fixtures/verilog/index.js';
import { buildPipeServer, startPipeServer } from './pipe.js';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
}
const seconds = Number(arg('seconds', '1'));
const batches = arg('batch', '256,4096,65536').split(',').map(Number);

/** Reference of addr_check.v on split 32-bit words (hi = bits 63..32). */
function addrOk(lo: number, hi: number, wide: number): number {
  // M = 56 (wide) or 50; bits 60..M+1 must equal bit M. All those bits are in hi.
  const m = wide ? 56 - 32 : 50 - 32;
  const msb = (hi >>> m) & 1;
  const mask = wide ? 0x1e000000 : 0x1ff80000; // bits 60..57 or 60..51, minus 32
  return ((hi ^ -msb) & mask) === 0 ? 1 : 0;
}

const t0 = performance.now();
const model = (await buildVerilatorModel(addrCheck())) as NapiModel;
console.log(`model ready in ${(performance.now() - t0).toFixed(0)} ms (${buildInfo(model)!.built ? 'built' : 'cache hit'})`);

// Sanity: the model agrees with the reference on one random batch (a benchmark of a
// broken model would be meaningless). Force the interesting cases by copying bit M.
{
  const n = 65536;
  const addr = randomFillSync(new Uint32Array(2 * n));
  const wide = randomFillSync(new Uint32Array(n)).map((x) => x & 1);
  for (let v = 0; v < n; v += 2) addr[2 * v + 1] = (addr[2 * v + 1]! & ~0x1ff80000) | (((addr[2 * v + 1]! >>> 18) & 1) ? 0x1ff80000 : 0);
  const { ok } = await model.evalBatch({ addr, wide }, n);
  let passes = 0;
  for (let v = 0; v < n; v++) {
    const want = addrOk(addr[2 * v]!, addr[2 * v + 1]!, wide[v]!);
    if (ok![v] !== want) throw new Error(`addr_check mismatch at vector ${v}: model ${ok![v]}, reference ${want}`);
    passes += want;
  }
  console.log(`sanity: ${n} vectors agree with the reference (${passes} pass the check)`);
}

// (a) C++ limit.
let cxxRate = 0;
{
  let n = 1 << 20;
  for (;;) {
    const t = performance.now();
    model.selfBench(n);
    const dt = (performance.now() - t) / 1000;
    if (dt >= seconds) { cxxRate = n / dt; break; }
    n = Math.ceil(n * Math.min(8, (seconds * 1.1) / Math.max(dt, 1e-3)));
  }
  console.log(`(a) C++ loop, eval + xorshift inputs:        ${(cxxRate / 1e6).toFixed(1)} M vectors/s`);
}

// (b) TypeScript end to end, double-buffered.
function makeBatch(n: number) {
  return { addr: randomFillSync(new Uint32Array(2 * n)), wide: randomFillSync(new Uint32Array(n)) };
}
for (const [n, pool] of batches.flatMap((n) => [[n, false], [n, true]] as const)) {
  model.asyncMin = pool ? 0 : Infinity;
  let vectors = 0;
  let passes = 0;
  const t = performance.now();
  let next = makeBatch(n);
  while (performance.now() - t < seconds * 1000) {
    const cur = model.evalBatch(next, n); // starts now; on the thread pool it runs in parallel
    next = makeBatch(n); // overlaps with the evaluation
    const { ok } = await cur;
    for (let v = 0; v < n; v++) passes += ok![v]!;
    vectors += n;
  }
  const rate = vectors / ((performance.now() - t) / 1000);
  const mode = pool ? 'thread pool' : 'sync';
  console.log(`(b) TS evalBatch, batch ${String(n).padStart(6)} (${mode.padEnd(11)}): ${(rate / 1e6).toFixed(1).padStart(5)} M vectors/s  b/a = ${(rate / cxxRate).toFixed(2)}  (${passes} pass)`);
}
console.log(`(evalBatch uses the thread pool from ${ASYNC_MIN} vectors on)`);

// (c) The alternative transport: a child process over binary pipes, double-buffered.
{
  const server = startPipeServer(await buildPipeServer(buildInfo(model)!.dir));
  const probe = makeBatch(4096);
  const [viaPipe, viaAddon] = await Promise.all([server.send(probe.addr, probe.wide), model.evalBatch(probe, 4096)]);
  if (viaPipe.some((x, v) => x !== viaAddon.ok![v])) throw new Error('pipe server disagrees with the addon');
  for (const n of batches) {
    let vectors = 0;
    let passes = 0;
    const t = performance.now();
    const first = makeBatch(n);
    let cur = server.send(first.addr, first.wide);
    while (performance.now() - t < seconds * 1000) {
      const b = makeBatch(n);
      const nxt = server.send(b.addr, b.wide); // in flight while we consume `cur`
      const ok = await cur;
      for (let v = 0; v < n; v++) passes += ok[v]!;
      vectors += n;
      cur = nxt;
    }
    await cur;
    const rate = vectors / ((performance.now() - t) / 1000);
    console.log(`(c) child process over pipes, batch ${String(n).padStart(6)}:       ${(rate / 1e6).toFixed(1).padStart(5)} M vectors/s  c/a = ${(rate / cxxRate).toFixed(2)}  (${passes} pass)`);
  }
  await server.close();
}
await model.close();
