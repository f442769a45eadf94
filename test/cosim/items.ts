// Hand-made items for directed programs (sim/cosim/random/items.ts shapes), and the run of
// an item list: lockstep result plus the emulator's interruptions at each item's test bundle.
import { elfSymbols } from '../../model/elf.js';
import type { EventJson } from '../../model/emulator.js';
import type { Engine } from '../../sim/engine.js';
import { factoryFor, runLockstep, type LockstepResult } from '../../sim/cosim/lockstep/lockstep.js';
import type { Exclusion } from '../../sim/cosim/lockstep/compare.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import type { Item, Mode, Unit } from '../../sim/cosim/random/items.js';
import { buildRandomProgram, renderProgram } from '../../sim/cosim/random/program.js';

export const MONITOR: Mode = { cpl: 0, vm: 0, ic: 1, dt: 1, it: 1, bn: 0, extra: 0n };

export function item(asm: string, unit: Unit, mode: Partial<Mode> = {}, more: Partial<Item> = {}): Item {
  return {
    op: asm.split(' ')[0]!,
    asm,
    unit,
    slot: unit === 'M' ? 0 : 2,
    page: 'text',
    qp: 0,
    mode: { ...MONITOR, ...mode },
    ...more,
  };
}

export interface ItemsRun {
  readonly result: LockstepResult;
  /** Per item: the emulator's interruptions at its test bundle (vector, ISR.code, IFA). */
  readonly events: { vector: number; code: number; ifa: bigint }[][];
  /** Per item: the address of its test bundle (rfi items: of the bundle after their prefix). */
  readonly testAddress: bigint[];
}

export async function runItems(
  items: readonly Item[],
  engine: Engine,
  exclusions?: readonly Exclusion[],
): Promise<ItemsRun> {
  const { elf } = buildRandomProgram(renderProgram(items));
  const make = factoryFor(elf, RANDOM_GEN);
  const result = await runLockstep(make, {
    engine: engine.name,
    gen: RANDOM_GEN,
    engineInstance: engine,
    maxSteps: 1_000_000,
    ...(exclusions ? { exclusions } : {}),
  });
  const syms = elfSymbols(elf);
  const emu = make();
  const evs: EventJson[] = [];
  emu.onEvent = (e) => evs.push(e);
  emu.run(1_000_000);
  const events = items.map((_, k) => {
    const at = syms.get(`test_${k}`)!,
      end = syms.get(`end_${k}`)!;
    const inside = (a: string) => BigInt(a) >= at && BigInt(a) < end;
    // Traps point at the next instruction (IIP); IIPA names the trapping bundle (§4).
    const trap = (v: number) => v >= 0x5d00 && v <= 0x6000;
    return evs
      .filter((e) => inside(e.ip) || (trap(Number(e.vector)) && inside(e.iipa)))
      .map((e) => ({ vector: Number(e.vector), code: Number(BigInt(e.isr) & 0xffffn), ifa: BigInt(e.ifa) }));
  });
  const testAddress = items.map((_it, k) => syms.get(`end_${k}`)! - 16n);
  return { result, events, testAddress };
}
