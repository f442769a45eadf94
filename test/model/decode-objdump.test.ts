// The decoder's disassembly must equal `ia64-linux-gnu-objdump -d` for every slot, (1) on a
// fixture that assembles every covered instruction form and (2) on randomized encodings of
// every covered opcode (random values in all other fields), one objdump call per batch.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBundle, disasmBundle } from '../../model/decode/decode.js';
import { Workdir } from './binutils.js';
import { buildPools, packBundles } from './randslots.js';

const work = new Workdir();
afterAll(() => work.dispose());

function compare(bytes: Uint8Array, bundles: { addr: bigint; texts: string[] }[], base: bigint, offset = 0) {
  const bad: string[] = [];
  let slots = 0,
    unsupported = 0;
  for (const b of bundles) {
    const d = decodeBundle(bytes, offset + Number(b.addr - base), b.addr);
    const mine = disasmBundle(d);
    unsupported += d.slots.filter((s) => s.op === 'unsupported').length;
    slots += mine.length;
    if (mine.join(' | ') !== b.texts.join(' | '))
      bad.push(`0x${b.addr.toString(16)}:\n  objdump: ${b.texts.join(' | ')}\n  model:   ${mine.join(' | ')}`);
  }
  return { bad, slots, unsupported };
}

describe('decoder vs objdump', () => {
  it('disassembles every covered instruction form exactly like objdump', () => {
    const src = readFileSync(new URL('../fixtures/asm/decode-all.s', import.meta.url), 'utf8');
    const elf = work.build('decode-all', src, 0x100000n);
    const od = work.objdump(elf);
    // The .text bytes: objcopy would do, but the ELF's first PT_LOAD is simpler to find by the
    // section offset objdump -h reports; use the raw text via objdump's own addresses instead.
    const bytes = textBytes(elf);
    const r = compare(bytes.data, od, bytes.addr);
    expect(r.bad).toEqual([]);
    expect(r.unsupported).toBe(0);
    expect(r.slots).toBeGreaterThan(250);
  });

  it('agrees with objdump on randomized encodings of every covered opcode', () => {
    const pools = buildPools(12345, 300000, 12);
    const bytes = packBundles(pools, 99);
    const od = work.objdumpRaw(bytes);
    expect(od.length).toBe(bytes.length / 16);
    const r = compare(bytes, od, 0n);
    expect(r.bad.slice(0, 10)).toEqual([]);
    expect(r.slots).toBeGreaterThan(2000);
    // Every mnemonic of the fixture (the covered set) must have been hit by the generator.
    expect(pools.mnemonics.size).toBeGreaterThan(230);
  });
});

/** .text contents of a linked ELF (section header lookup). */
function textBytes(file: string): { addr: bigint; data: Uint8Array } {
  const buf = readFileSync(file);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shoff = Number(dv.getBigUint64(0x28, true)),
    shentsize = dv.getUint16(0x3a, true),
    shnum = dv.getUint16(0x3c, true);
  const shstrndx = dv.getUint16(0x3e, true);
  const sh = (i: number) => shoff + i * shentsize;
  const strOff = Number(dv.getBigUint64(sh(shstrndx) + 0x18, true));
  for (let i = 0; i < shnum; i++) {
    const nameOff = dv.getUint32(sh(i), true);
    let name = '';
    for (let k = strOff + nameOff; buf[k]; k++) name += String.fromCharCode(buf[k]!);
    if (name === '.text') {
      const addr = dv.getBigUint64(sh(i) + 0x10, true),
        off = Number(dv.getBigUint64(sh(i) + 0x18, true));
      const size = Number(dv.getBigUint64(sh(i) + 0x20, true));
      return { addr, data: new Uint8Array(buf.subarray(off, off + size)) };
    }
  }
  throw new Error(`${file}: no .text section`);
}
