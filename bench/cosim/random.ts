// Core lockstep on the random programs alone (the `vti cosim --core --random N --items 500
// --seed 1000` workload, programs assembled before timing), for profiling: the part of
// core.ts that measures the random-program rate, without the demo-program measurements.
// A warm-up run over other seeds first (WARMUP programs from seed 5000) brings the JIT to the
// state core.ts measures in (after its demo-program runs) without pre-filling the process-wide
// decode caches with the measured programs' own bundles.
// With JOBS (> 0) it also times the whole regression as `vti cosim --core --random N --jobs J`
// runs it (runCoreCosim: program items generated and their cached ELFs read inside the timed
// part, with jobs 1 and with JOBS threads; the parallel time includes starting the worker
// threads, each loading the sources and its engine and warming up its JIT, every repetition).
// Usage: npx tsx bench/cosim/random.ts [RANDOM_PROGRAMS] [ENGINE] [REPEAT] [WARMUP] [JOBS]
import { vtiDesign } from '../../gen/vti.js';
import { runCoreCosim } from '../../sim/cosim/lockstep/index.js';
import { runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { createEngine, type EngineName } from '../../sim/engine.js';
import { randomPrograms, runRandomPrograms } from './random-workload.js';

const count = Number(process.argv[2] ?? 30);
const engineName = (process.argv[3] ?? 'verilator') as EngineName;
const repeat = Number(process.argv[4] ?? 1);
const warmup = Number(process.argv[5] ?? 0);
const jobs = Number(process.argv[6] ?? 0);
const makes = randomPrograms(1000, count);
const engine = await createEngine(engineName, vtiDesign('vti_core', RANDOM_GEN));
for (const mk of randomPrograms(5000, warmup))
  await runLockstep(mk, { engine: engineName, gen: RANDOM_GEN, engineInstance: engine, maxSteps: 5_000_000 });
for (let rep = 0; rep < repeat; rep++) {
  const c0 = process.cpuUsage(),
    t0 = performance.now();
  const { instructions: n, diverged } = await runRandomPrograms(makes, 1000, engineName, engine);
  for (const line of diverged) process.stdout.write(`${line}\n`);
  const wall = (performance.now() - t0) / 1000,
    d = process.cpuUsage(c0),
    cpu = (d.user + d.system) / 1e6;
  process.stdout.write(
    `run ${rep + 1}: ${count} random programs, ${engineName}: ${n.toLocaleString('en-US')} instructions, ` +
      `${(n / wall / 1e6).toFixed(2)} M instr/s wall, ${(n / cpu / 1e6).toFixed(2)} M instr/s CPU (${wall.toFixed(2)} s)\n`,
  );
}
await engine.close();
const line = (what: string, n: number, wall: number, cpu: number) =>
  process.stdout.write(
    `${what}: ${n.toLocaleString('en-US')} instructions, ${(n / wall / 1e6).toFixed(2)} M instr/s wall, ` +
      `${(n / cpu / 1e6).toFixed(2)} M instr/s CPU, all threads (${wall.toFixed(2)} s)\n`,
  );
for (let rep = 0; jobs > 0 && rep < repeat; rep++)
  for (const j of [1, jobs]) {
    const c0 = process.cpuUsage(),
      t0 = performance.now();
    const r = await runCoreCosim({
      engine: engineName,
      random: count,
      seed: 1000,
      items: 500,
      jobs: j,
      reports: false,
    });
    const wall = (performance.now() - t0) / 1000,
      d = process.cpuUsage(c0);
    if (r.mismatches) process.stdout.write(`${r.mismatches} programs diverged\n`);
    line(`regression ${rep + 1}, jobs ${j}`, r.instructions, wall, (d.user + d.system) / 1e6);
  }
