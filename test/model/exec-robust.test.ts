// Robustness: random bundles of covered instructions (the decoder test's generator), run from
// random register contents in every privilege/vm/translation mode, must never make the model
// fail internally — every step either executes, takes an interruption, halts, or stops with
// UnsupportedInstruction.
import { describe, expect, it } from 'vitest';
import { Emulator, UnsupportedInstruction } from '../../model/emulator.js';
import { buildPools, packBundles, xorshift } from './randslots.js';

describe('random programs', () => {
  it('never raise an internal error', () => {
    const pools = buildPools(777, 100000, 6);
    const packed = packBundles(pools, 4242);
    // Repeat the bundles over 64 KiB so that every interruption vector lands in code as well.
    const code = new Uint8Array(0x10000);
    for (let o = 0; o < code.length; o += packed.length)
      code.set(packed.subarray(0, Math.min(packed.length, code.length - o)), o);
    const rnd = xorshift(99);
    let steps = 0,
      interruptions = 0;
    for (let run = 0; run < 40; run++) {
      const e = new Emulator({ vt: run % 3 !== 0, valen: 52 + (run % 9), palen: 40 + (run % 20) });
      const m = e.machine;
      m.mem.writeBytes(0x100000n, code);
      for (let r = 1; r < 128; r++) {
        m.grLo[r] = rnd();
        m.grHi[r] = run % 2 ? rnd() & 0xf : 0;
      }
      for (let p = 1; p < 64; p++) m.pr[p] = rnd() & 1;
      // IVA at the code: interruptions land in random code too.
      m.cr[2] = 0x100000n;
      m.setPsr((BigInt(rnd() & 3) << 32n) | (run % 4 === 1 ? 1n << 46n : 0n) | (run % 5 === 2 ? 1n << 13n : 0n));
      // Restart at a random bundle whenever the run halts or stops.
      for (let k = 0; k < 30; k++) {
        m.halted = false;
        m.setIp(0x100000n + BigInt((rnd() % (code.length / 16)) * 16));
        try {
          e.run(m.steps + 200);
        } catch (x) {
          if (!(x instanceof UnsupportedInstruction)) throw x;
        }
      }
      steps += m.steps;
      interruptions += m.eventCount;
    }
    expect(steps).toBeGreaterThan(50000);
    expect(interruptions).toBeGreaterThan(10);
  });
});
