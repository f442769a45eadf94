// The emulator's share of the random-program core lockstep: the `vti cosim --core --random N
// --items 500 --seed 1000` programs, each on a new Emulator, run one step() at a time as
// sim/cosim/lockstep/events.ts does (interruptPending read before every step), without the RTL.
// A warm-up over other seeds (from 5000) first, as bench/cosim/random.ts.
// Usage: npx tsx bench/emu/step.ts [PROGRAMS] [REPEAT] [WARMUP]
import { Emulator } from '../../model/emulator.js';
import { compiledBundleStats } from '../../model/exec/bundle-cache.js';
import { emulatorOptions } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';

const count = Number(process.argv[2] ?? 30);
const repeat = Number(process.argv[3] ?? 1);
const warmup = Number(process.argv[4] ?? 10);
const MAX_STEPS = 5_000_000;

const elves = (first: number, n: number): Uint8Array[] =>
  Array.from({ length: n }, (_, k) => buildRandomProgram(renderProgram(randomItems(first + k, 500))).elf);

/** Runs each program to its halt (or MAX_STEPS) one step at a time; returns the steps run. */
function stepAll(list: readonly Uint8Array[]): number {
  let steps = 0;
  for (const elf of list) {
    const emu = new Emulator(emulatorOptions(RANDOM_GEN));
    emu.loadElf(elf);
    const m = emu.machine;
    while (!m.halted && m.steps < MAX_STEPS) {
      void emu.interruptPending;
      emu.step();
    }
    steps += m.steps;
  }
  return steps;
}

const measured = elves(1000, count);
stepAll(elves(5000, warmup));
for (let rep = 0; rep < repeat; rep++) {
  const s0 = { ...compiledBundleStats };
  const c0 = process.cpuUsage(),
    t0 = performance.now();
  const n = stepAll(measured);
  const wall = (performance.now() - t0) / 1000,
    d = process.cpuUsage(c0),
    cpu = (d.user + d.system) / 1e6;
  const hits = compiledBundleStats.hits - s0.hits,
    compiled = compiledBundleStats.compiled - s0.compiled;
  process.stdout.write(
    `run ${rep + 1}: ${count} random programs stepped: ${n.toLocaleString('en-US')} steps, ` +
      `${(n / cpu / 1e6).toFixed(2)} M steps/s CPU, ${(n / wall / 1e6).toFixed(2)} M/s wall (${cpu.toFixed(2)} s CPU); ` +
      `compiled bundles: ${hits.toLocaleString('en-US')} shared, ${compiled.toLocaleString('en-US')} compiled ` +
      `(hit rate ${((100 * hits) / Math.max(1, hits + compiled)).toFixed(1)} %)\n`,
  );
}
