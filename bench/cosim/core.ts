// Core lockstep throughput, measured in one run on one workload (a demo program with a long
// guest loop): (a) the verilated core in the addon's C++ loop (random inputs), and the RTL
// engine alone on pre-built event columns (Verilator and built-in),
// (b) the emulator alone (its fast run loop) and stepping one instruction at a time with
// event generation, (c) full lockstep (emulator + events + engine + compare), on the demo
// program and on 30 random programs (sim/cosim/random: interruption-heavy, mostly straight-line
// code run once, TLB inserts and purges; with functional coverage, as `vti cosim --core
// --random`; programs assembled before timing). Instructions/s by wall time and by this
// process's CPU time (less noisy on a shared machine), and ratios.
// Usage: npx tsx bench/cosim/core.ts [ITERATIONS] [PROGRAM] [RANDOM_PROGRAMS] (or bench/cosim/run.ts: core, then blocks)
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, vtiDesign } from '../../gen/vti.js';
import { elfSymbols, patchWord, symbol } from '../../model/elf.js';
import { buildProgram } from '../../programs/build.js';
import { allocBatch, EventSource, type EventBatch } from '../../sim/cosim/lockstep/events.js';
import { factoryFor, resetEngine, runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { createEngine, type EngineName } from '../../sim/engine.js';
import { buildVerilatorModel, verilatorAvailable } from '../../sim/verilator/index.js';
import { moduleSpec } from '../../gen/verilog/index.js';
import { randomPrograms, runRandomPrograms } from './random-workload.js';

const iterations = Number(process.argv[2] ?? 2000);
const program = process.argv[3] ?? 'vtvmm';
const randomProgramCount = Number(process.argv[4] ?? 30);
let bytes: Uint8Array = readFileSync(buildProgram(program));
bytes = patchWord(bytes, symbol(elfSymbols(bytes), 'guest_iterations'), BigInt(iterations));
const make = factoryFor(bytes, DEFAULT_CONFIG);
const engines: EngineName[] = verilatorAvailable() ? ['verilator', 'builtin'] : ['builtin'];

interface Rate {
  what: string;
  n: number;
  wall: number;
  cpu: number;
}
const rates: Rate[] = [];
async function measure(what: string, fn: () => Promise<number> | number): Promise<Rate> {
  const c0 = process.cpuUsage(),
    t0 = performance.now();
  const n = await fn();
  const d = process.cpuUsage(c0);
  const r = { what, n, wall: (performance.now() - t0) / 1000, cpu: (d.user + d.system) / 1e6 };
  rates.push(r);
  return r;
}

// Pre-built columns for (a): the workload's events, generated once (not timed there).
const batches: EventBatch[] = [];
const src = new EventSource(make());
for (;;) {
  const b = allocBatch(4096);
  if (src.fill(b, Number.MAX_SAFE_INTEGER) === 0) break;
  batches.push(b);
}
const total = batches.reduce((a, b) => a + b.count, 0);

if (verilatorAvailable()) {
  // The C++ limit: the addon's own loop, random inputs (clock included), one eval per vector;
  // a lockstep cycle is two evals (clock low, clock high), so half of this is cycles/s.
  const model = await buildVerilatorModel(moduleSpec(vtiDesign('vti_core', DEFAULT_CONFIG)));
  const n = 2_000_000;
  const r = await measure('(a) verilated core, C++ loop (evals, /2 = cycles)', () => {
    (model as unknown as { selfBench(n: number): number }).selfBench(n);
    return n;
  });
  void r;
  await model.close();
}
for (const name of engines) {
  const e = await createEngine(name, vtiDesign('vti_core', DEFAULT_CONFIG));
  await resetEngine(e);
  await measure(`(a) ${name} engine alone, pre-built columns`, async () => {
    for (const b of batches) await e.stepBatch(b.inputs, b.count);
    return total;
  });
  await e.close();
}
await measure('(b) emulator alone (run loop)', () => {
  const emu = make();
  emu.run(Number.MAX_SAFE_INTEGER);
  return emu.machine.steps;
});
await measure('(b) emulator stepped + event generation', () => {
  const s = new EventSource(make());
  const b = allocBatch(4096);
  let n = 0;
  while (s.fill(b, Number.MAX_SAFE_INTEGER) > 0) n += b.count;
  return n;
});
for (const name of engines) {
  await measure(`(c) full lockstep, ${name}`, async () => {
    const r = await runLockstep(make, { engine: name, gen: DEFAULT_CONFIG, maxSteps: Number.MAX_SAFE_INTEGER });
    if (r.mismatch) throw new Error(`bench: mismatch at event ${r.mismatch.event}`);
    return r.instructions;
  });
}
// Random programs: seeds 1000.., 500 items each (the `vti cosim --core --random N --items 500
// --seed 1000` workload), one engine for all of them, coverage accumulated.
const randomMakes = randomPrograms(1000, randomProgramCount);
let randomTotal = 0;
// A random program that diverges stops at its first mismatch (counted up to it) and is listed
// after the table: the rate stays measurable while a known divergence is open.
const diverged: string[] = [];
for (const name of engines) {
  const e = await createEngine(name, vtiDesign('vti_core', RANDOM_GEN));
  const r = await measure(`(c) full lockstep, random programs, ${name}`, async () => {
    const run = await runRandomPrograms(randomMakes, 1000, name, e);
    diverged.push(...run.diverged);
    return run.instructions;
  });
  randomTotal = r.n;
  await e.close();
}

const m = (x: number) => (x / 1e6).toFixed(2).padStart(7);
process.stdout.write(
  `workload: ${program} with guest_iterations ${iterations}: ${total.toLocaleString('en-US')} instructions; ` +
    `random programs: ${randomProgramCount} x 500 items (seeds 1000..${1000 + randomProgramCount - 1}): ${randomTotal.toLocaleString('en-US')} instructions\n`,
);
process.stdout.write(`${'measurement'.padEnd(48)}  M instr/s (wall)  M instr/s (CPU)\n`);
for (const r of rates) process.stdout.write(`${r.what.padEnd(48)}  ${m(r.n / r.wall)}           ${m(r.n / r.cpu)}\n`);
const get = (w: string) => rates.find((r) => r.what.startsWith(w))!;
const emu = get('(b) emulator alone'),
  lock = get('(c) full lockstep');
process.stdout.write(
  `ratios (wall): lockstep / emulator alone = ${(lock.n / lock.wall / (emu.n / emu.wall)).toFixed(2)}, ` +
    `lockstep / engine alone = ${(lock.n / lock.wall / (get(`(a) ${lock.what.split(', ')[1]} engine`).n / get(`(a) ${lock.what.split(', ')[1]} engine`).wall)).toFixed(2)}\n`,
);
process.stdout.write(
  `target >= 1 M instructions/s for core lockstep: ${lock.n / lock.wall >= 1e6 ? 'met' : 'not met'} (${m(lock.n / lock.wall).trim()} M/s wall)\n`,
);
for (const r of rates.filter((x) => x.what.startsWith('(c) full lockstep, random programs'))) {
  process.stdout.write(
    `target >= 1 M instructions/s, ${r.what.slice(4)}: ${r.n / r.wall >= 1e6 ? 'met' : 'not met'} (${m(r.n / r.wall).trim()} M/s wall, ${m(r.n / r.cpu).trim()} M/s CPU)\n`,
  );
}
if (diverged.length > 0)
  process.stdout.write(
    `random programs that diverged (counted up to the mismatch; the lockstep result is not clean):\n${diverged.map((d) => `  ${d}\n`).join('')}`,
  );
