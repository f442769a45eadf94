// The shared decode table (model/decode/decode-cache.ts) must answer exactly what the decoder
// answers: on the fixture that assembles every covered instruction form (IP-relative branches,
// brl, chk, brp and mov-to-BR tags among them), each bundle looked up by its words equals the
// bundle decoded from its bytes at its own address and at another one; the bundles it calls
// address-independent decode alike at every address; and one content is decoded once.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBundle } from '../../model/decode/decode.js';
import { decodeUsesAddress, decodeWordsAt, decodeWordsAt0 } from '../../model/decode/decode-cache.js';
import { loadAddress, parseElf } from '../../model/elf.js';
import { Workdir } from './binutils.js';

const work = new Workdir();
afterAll(() => work.dispose());

function fixtureBundles(): { addr: bigint; bytes: Uint8Array; w: [number, number, number, number] }[] {
  const src = readFileSync(new URL('../fixtures/asm/decode-all.s', import.meta.url), 'utf8');
  const img = parseElf(work.read(work.build('decode-all', src, 0x100000n)));
  // The code segment: the one holding the entry point; its bundles from .text's start on.
  const seg = img.segments.find(
    (s) => img.entry >= loadAddress(s) && img.entry < loadAddress(s) + BigInt(s.data.length),
  )!;
  const out = [];
  for (let off = Number(0x100000n - loadAddress(seg)); off + 16 <= seg.data.length; off += 16) {
    const bytes = seg.data.slice(off, off + 16);
    const dv = new DataView(bytes.buffer);
    const w: [number, number, number, number] = [0, 4, 8, 12].map((k) => dv.getUint32(k, true)) as never;
    out.push({ addr: loadAddress(seg) + BigInt(off), bytes, w });
  }
  return out;
}

describe('shared decode table', () => {
  const bundles = fixtureBundles();

  it('gives the decoder result of every bundle, at its address and at another one', () => {
    expect(bundles.length).toBeGreaterThan(100);
    for (const b of bundles) {
      for (const at of [b.addr, 0x7ff0_0000_0000_1230n, 0n])
        expect(
          decodeWordsAt(...b.w, at),
          `bundle at 0x${b.addr.toString(16)}, decoded at 0x${at.toString(16)}`,
        ).toEqual(decodeBundle(b.bytes, 0, at));
      expect(decodeWordsAt0(...b.w)).toEqual(decodeBundle(b.bytes, 0, 0n));
    }
  });

  it('tells the IP-relative bundles from the others', () => {
    const dependent = bundles.filter((b) => decodeUsesAddress(...b.w));
    const texts = dependent.flatMap((b) => decodeBundle(b.bytes, 0, b.addr).slots.map((s) => s.op));
    // Every IP-relative form of the fixture is among them.
    for (const op of ['br_cond', 'br_call', 'chk_s', 'chk_a', 'brl_cond', 'mov_to_br'])
      expect(texts, `a bundle with ${op}`).toContain(op);
    // The others decode alike wherever they are.
    for (const b of bundles.filter((x) => !decodeUsesAddress(...x.w)))
      expect(decodeBundle(b.bytes, 0, b.addr + 0x4560n)).toEqual(decodeBundle(b.bytes, 0, 0n));
    expect(dependent.length).toBeLessThan(bundles.length);
  });

  it('decodes one content once (the same object for every user)', () => {
    const b = bundles[0]!;
    expect(decodeWordsAt0(...b.w)).toBe(decodeWordsAt0(...b.w));
    expect(decodeWordsAt(...b.w, 0n)).toBe(decodeWordsAt0(...b.w));
  });
});
