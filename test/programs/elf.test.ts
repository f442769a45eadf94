// model/elf.ts: symbols, segments and patching of the demonstration programs' ELF images.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../programs/build.js';
import { elfSegments, elfSymbols, patchWord, symbol } from '../../model/elf.js';

const image = () => new Uint8Array(readFileSync(buildProgram('vtvmm')));

describe('elf helpers', () => {
  it('patches the word at a symbol, leaving the original image alone', () => {
    const b = image();
    const at = symbol(elfSymbols(b), 'guest_iterations');
    expect(at).toBe(0x600000n); // .data.guest, programs.ld
    const p = patchWord(b, at, 0x1234_5678_9abc_def0n);
    const seg = elfSegments(p).find((s) => s.vaddr === 0x600000n)!;
    expect(new DataView(p.buffer).getBigUint64(seg.offset, true)).toBe(0x1234_5678_9abc_def0n);
    expect(new DataView(b.buffer).getBigUint64(seg.offset, true)).toBe(4n); // GUEST_DATA 4
  });

  it('names what is wrong', () => {
    const b = image();
    expect(() => symbol(elfSymbols(b), 'nosuch')).toThrow(new Error("symbol 'nosuch' not found in the program"));
    expect(() => patchWord(b, 0x900000n, 1n)).toThrow(new Error('address 0x900000 is not in a loaded segment'));
    expect(() => elfSymbols(new Uint8Array(64))).toThrow(new Error('not an ELF file'));
    const be = new Uint8Array(b);
    be[5] = 2;
    expect(() => elfSegments(be)).toThrow(new Error('not a little-endian ELF64 file'));
  });
});
