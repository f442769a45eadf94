// IR faults (a mandatory RSE load of the current frame after rfi faults; SDM vol 2 §5.5): the
// lockstep shows the core the IR row of arch/priority.ts and the RSE address, and vti_core
// reports it as an RSE read (ISR.ir, rs, r) with IFA = that address. Random seed 1049 reaches
// one within its first 10 items: an rfi to a frame whose backing store is at an unimplemented
// address (IR Unimplemented Data Address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISR_BIT } from '../../arch/cr.js';
import { isIrRow, PRIORITY_TABLE } from '../../arch/priority.js';
import { vtiDesign } from '../../gen/vti.js';
import { allocBatch, EventSource } from '../../sim/cosim/lockstep/events.js';
import { ICLASS_CODE } from '../../sim/cosim/lockstep/classify.js';
import { Coverage } from '../../sim/cosim/lockstep/coverage.js';
import { factoryFor } from '../../sim/cosim/lockstep/lockstep.js';
import { RANDOM_GEN } from '../../sim/cosim/random/layout.js';
import { buildRandomProgram, randomItems, renderProgram } from '../../sim/cosim/random/program.js';
import { itemRunner } from '../../sim/cosim/random/shrink.js';
import { createEngine, type Engine } from '../../sim/engine.js';
import { verilatorAvailable } from '../../sim/verilator/index.js';
import { mismatchText } from './helpers.js';

const ITEMS = randomItems(1049, 500).slice(0, 10);
const word = (c: Uint32Array, i: number) => (BigInt(c[2 * i + 1]!) << 32n) | BigInt(c[2 * i]!);
const bit = (n: number) => 1n << BigInt(n);

describe('IR faults in lockstep', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(verilatorAvailable() ? 'verilator' : 'builtin', vtiDesign('vti_core', RANDOM_GEN));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('the event shows the IR row and the RSE address; the model reports an RSE read', () => {
    const src = new EventSource(factoryFor(buildRandomProgram(renderProgram(ITEMS)).elf, RANDOM_GEN)());
    const b = allocBatch(4096);
    const irEvents: { row: string; env: bigint; addr: bigint; isr: bigint; ifa: bigint; taken: number }[] = [];
    while (src.fill(b, 1_000_000) > 0)
      for (let i = 0; i < b.count; i++) {
        const o = b.outcome[i]!;
        if (o < 0 || !isIrRow(PRIORITY_TABLE[o]!)) continue;
        irEvents.push({
          row: PRIORITY_TABLE[o]!.name,
          env: word(b.inputs.env_pending!, i),
          addr: word(b.inputs.addr!, i),
          isr: word(b.expected.isr!, i),
          ifa: word(b.expected.ifa!, i),
          taken: b.expected.taken![i]!,
        });
      }
    expect(irEvents.length).toBeGreaterThan(0);
    const irUnimpl = PRIORITY_TABLE.findIndex((r) => r.name === 'ir_unimpl_data_addr');
    for (const e of irEvents) {
      expect(e.row).toBe('ir_unimpl_data_addr');
      expect(e.taken).toBe(1);
      // Exactly the IR row is pending from the environment (the instruction itself never ran).
      expect(e.env).toBe(bit(irUnimpl));
      // An RSE read: ir, rs and r set; no w, na or x (SDM vol 2, ISR).
      const rseRead = bit(ISR_BIT.ir) | bit(ISR_BIT.rs) | bit(ISR_BIT.r);
      const ownAccess = bit(ISR_BIT.w) | bit(ISR_BIT.na) | bit(ISR_BIT.x);
      expect(e.isr & (rseRead | ownAccess)).toBe(rseRead);
      // The RSE address is 8-byte aligned, unimplemented (bits 62:61 set here), and is what IFA reports.
      expect(e.addr & 7n).toBe(0n);
      expect(e.addr >> 61n).not.toBe(0n);
      if ((e.isr & bit(ISR_BIT.ni)) === 0n) expect(e.ifa).toBe(e.addr);
    }
  });

  it('vti_core matches the model on every event, the IR faults included', async () => {
    const r = await itemRunner(engine, RANDOM_GEN)(ITEMS);
    expect(r.mismatch, mismatchText(r)).toBeUndefined();
    expect(r.halted).toBe(true);
  });

  it("coverage does not count a load's own address check on an IR fault's event (its addr is the RSE's)", () => {
    // One LOAD event at cpl 0, PSR.dt = 0 (physical), addr 0x6000…: unimplemented for this
    // configuration. With an environment TLB fault pending, the load's own Unimplemented Data
    // Address check is pending with it; with the IR row of that address instead, it is not.
    const rowOf = (name: string) => PRIORITY_TABLE.findIndex((r) => r.name === name);
    const pairsWith = (envRow: number) => {
      const b = allocBatch(1);
      b.count = 1;
      b.inputs.ev_valid![0] = 1;
      b.inputs.iclass![0] = ICLASS_CODE.LOAD;
      b.inputs.addr![1] = 0x6000_0000;
      b.inputs.env_pending![envRow < 32 ? 0 : 1] = 1 << (envRow % 32);
      b.outcome[0] = envRow;
      const cov = new Coverage(RANDOM_GEN);
      cov.add(b);
      return [...cov.envPairs.keys()];
    };
    expect(pairsWith(rowOf('data_tlb'))).toEqual(['unimpl_data_addr+data_tlb']);
    expect(pairsWith(rowOf('ir_unimpl_data_addr'))).toEqual([]);
  });
});
