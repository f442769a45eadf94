// bench/rtl's proof cache (bench/rtl/proof.ts): a proof that passed is kept by the content of
// both designs' Verilog and not run again; changed Verilog is proven afresh; a failed proof is
// never kept (it fails again on every run).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generated, handWritten } from '../../bench/rtl/blocks.js';
import { proveBlock } from '../../bench/rtl/proof.js';
import { createContentCache } from '../../cache/content-cache.js';
import { budget } from '../budget.js';
import { ROOT } from '../meta/tree.js';

const dir = mkdtempSync(join(tmpdir(), 'vti-proof-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cache = createContentCache(dir, () => {}, 'proof cache');
const entries = () => readdirSync(dir).filter((f) => !f.startsWith('.'));

describe('bench/rtl proof cache', () => {
  it('keeps a passed proof by content, proves changed Verilog again, never keeps a failure', {
    timeout: budget(120_000),
  }, async () => {
    const gen = generated('vti_vmsw');
    const hand = handWritten(`${ROOT}/bench/rtl`, 'vti_vmsw');
    const first = await proveBlock(gen, hand, 'comb', cache);
    expect(first).toMatchObject({ verdict: 'equivalent', cached: false });
    expect(await proveBlock(gen, hand, 'comb', cache)).toEqual({ ...first, cached: true });
    // Same logic, other text: a new key, proven again.
    const text = hand.files['hand_vti_vmsw.v']!;
    const commented = { ...hand, files: { 'hand_vti_vmsw.v': `${text}// comment\n` } };
    expect(await proveBlock(gen, commented, 'comb', cache)).toMatchObject({ verdict: 'equivalent', cached: false });
    expect(entries()).toHaveLength(2);
    // A broken hand-written version (vm_next inverted) is different each time and not stored.
    const broken = { ...hand, files: { 'hand_vti_vmsw.v': text.replace(/assign\s+vm_next\s*=\s*/, '$&~') } };
    expect(broken.files['hand_vti_vmsw.v']).not.toBe(text);
    for (let i = 0; i < 2; i++)
      expect(await proveBlock(gen, broken, 'comb', cache)).toMatchObject({ verdict: 'different', cached: false });
    expect(entries()).toHaveLength(2);
  });
});
