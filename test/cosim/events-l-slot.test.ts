// An instruction pointer at slot 2 of an MLX bundle (reached by rfi with IPSR.ri = 2; the
// model raises Illegal Operation, model/exec/run.ts lSlotFault) has a bundle but no slot
// descriptor: event generation must present it as an unfetchable instruction (class OTHER,
// next in sequence the following bundle) instead of failing. Random seed 1049 reaches one.
import { describe, expect, it } from 'vitest';
import { allocBatch, EventSource } from '../../sim/cosim/lockstep/events.js';
import { ICLASS_CODE } from '../../sim/cosim/lockstep/classify.js';
import { factoryFor } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';

describe('event generation at slot 2 of an MLX bundle', () => {
  it('presents the L-slot fault as an unfetchable instruction', () => {
    const make = factoryFor(buildRandomProgram(renderProgram(randomItems(1049, 500))).elf, RANDOM_GEN);
    const src = new EventSource(make());
    const b = allocBatch(4096);
    const seen: { cls: number; slot: number; nextSlot: number; ipLo: number; nextLo: number; env: number }[] = [];
    while (src.fill(b, 5_000_000) > 0)
      for (let i = 0; i < b.count; i++)
        if (b.slot[i] === null && b.inputs.bundle![4 * i] !== 0)
          seen.push({
            cls: b.inputs.iclass![i]!,
            slot: b.inputs.slot![i]!,
            nextSlot: b.inputs.next_slot_in![i]!,
            ipLo: b.inputs.ip![2 * i]!,
            nextLo: b.inputs.next_ip_in![2 * i]!,
            env: b.inputs.env_pending![2 * i]! | b.inputs.env_pending![2 * i + 1]!,
          });
    expect(seen.length).toBeGreaterThan(0);
    for (const e of seen) {
      expect(e.slot).toBe(2);
      expect(e.cls).toBe(ICLASS_CODE.OTHER);
      expect([e.nextLo, e.nextSlot]).toEqual([(e.ipLo + 16) >>> 0, 0]);
      expect(e.env).not.toBe(0); // the model's Illegal Operation goes to env_pending
    }
  });
});
