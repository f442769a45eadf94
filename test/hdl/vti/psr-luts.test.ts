// vti_psr costs no more than the idiomatic hand-written version (bench/rtl/hand_vti_psr.v,
// issue 18) in every synthesis context: ABC's LUT mapping follows the order in which Yosys
// numbers cells, so the same vti_psr.v maps to a few LUTs more or fewer depending on what is
// read with it. Alone (bench/rtl), with the other generated modules as `vti gen --stats`
// reads them, and with those in reverse order: cells and LUT4 ≤ the hand-written block's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthStats } from '../../../formal/stats.js';
import { DEFAULT_CONFIG, generateVti, vtiSpec } from '../../../gen/vti.js';
import { budget } from '../../budget.js';
import { ROOT } from '../../meta/tree.js';

const verilog = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([f]) => f.endsWith('.v')));
const all = verilog(generateVti(DEFAULT_CONFIG).files);
const CONTEXTS = {
  alone: verilog(vtiSpec('vti_psr', DEFAULT_CONFIG).files),
  'with the other modules': all,
  'with the other modules, reversed': Object.fromEntries(Object.entries(all).reverse()),
} as const;

describe('vti_psr ≤ the hand-written version in every synthesis context', () => {
  it('cells and iCE40 LUT4', { timeout: budget(300_000) }, async () => {
    const hand = await synthStats(
      { 'hand_vti_psr.v': readFileSync(`${ROOT}/bench/rtl/hand_vti_psr.v`, 'utf8') },
      'hand_vti_psr',
    );
    for (const [context, files] of Object.entries(CONTEXTS)) {
      const s = await synthStats(files, 'vti_psr');
      expect(s.generic.cells, `cells, ${context}`).toBeLessThanOrEqual(hand.generic.cells);
      expect(s.ice40.luts, `LUT4, ${context}`).toBeLessThanOrEqual(hand.ice40.luts);
      expect(s.ice40.ffs, `flip-flops, ${context}`).toBe(hand.ice40.ffs);
    }
  });
});
