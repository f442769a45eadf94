// The random-program lockstep workload shared by core.ts and random.ts: the `vti cosim --core
// --random N --items 500 --seed S` programs (assembled before timing), and one pass of all of
// them through one engine with functional coverage accumulated.
import { type EmulatorFactory, factoryFor, runLockstep } from '../../sim/cosim/lockstep/lockstep.js';
import { Coverage } from '../../sim/cosim/lockstep/coverage.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';
import type { Engine, EngineName } from '../../sim/engine.js';

/** Lockstep factories of `count` random programs of 500 items, seeds first .. first + count - 1. */
export const randomPrograms = (first: number, count: number): EmulatorFactory[] =>
  Array.from({ length: count }, (_, k) =>
    factoryFor(buildRandomProgram(renderProgram(randomItems(first + k, 500))).elf, RANDOM_GEN),
  );

/**
 * Runs every program in lockstep on `engine`; returns the instructions run and one line per
 * program that diverged (it stops at its first mismatch, counted up to it, so the rate stays
 * measurable while a divergence is open).
 */
export async function runRandomPrograms(
  makes: readonly EmulatorFactory[],
  firstSeed: number,
  engineName: EngineName,
  engine: Engine,
): Promise<{ instructions: number; diverged: string[] }> {
  const cov = new Coverage(RANDOM_GEN);
  const diverged: string[] = [];
  let instructions = 0;
  for (const [k, mk] of makes.entries()) {
    const r = await runLockstep(mk, {
      engine: engineName,
      gen: RANDOM_GEN,
      engineInstance: engine,
      maxSteps: 5_000_000,
      onBatch: (b) => cov.add(b),
    });
    if (r.mismatch)
      diverged.push(
        `${engineName}: seed ${firstSeed + k} mismatch at event ${r.mismatch.event} (${r.mismatch.insn}: ${r.mismatch.fields.map((f) => f.port).join(', ')})`,
      );
    instructions += r.instructions;
  }
  return { instructions, diverged };
}
