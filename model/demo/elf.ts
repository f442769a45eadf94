// Just enough ELF64 (little-endian) reading for the demonstration programs: the symbol table
// (label addresses for tests and the demo's address ranges) and patching a data word the
// program reads (e.g. guest_iterations) in the file image before it is loaded.
// Addresses above 2^53 (the monitor-only VMM page) are kept exact as bigint.

export interface ElfSymbol { readonly name: string; readonly value: bigint }
export interface ElfSegment { readonly offset: number; readonly vaddr: bigint; readonly paddr: bigint; readonly filesz: number; readonly memsz: number }

const PT_LOAD = 1;
const SHT_SYMTAB = 2;

function check(bytes: Uint8Array): DataView {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 64 || dv.getUint32(0, false) !== 0x7f454c46) throw new Error('not an ELF file');
  if (bytes[4] !== 2 || bytes[5] !== 1) throw new Error('not a little-endian ELF64 file');
  return dv;
}

export function elfSegments(bytes: Uint8Array): ElfSegment[] {
  const dv = check(bytes);
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  const out: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize;
    if (dv.getUint32(p, true) !== PT_LOAD) continue;
    out.push({
      offset: Number(dv.getBigUint64(p + 8, true)), vaddr: dv.getBigUint64(p + 16, true), paddr: dv.getBigUint64(p + 24, true),
      filesz: Number(dv.getBigUint64(p + 32, true)), memsz: Number(dv.getBigUint64(p + 40, true)),
    });
  }
  return out;
}

export function elfSymbols(bytes: Uint8Array): Map<string, bigint> {
  const dv = check(bytes);
  const shoff = Number(dv.getBigUint64(40, true));
  const shentsize = dv.getUint16(58, true);
  const shnum = dv.getUint16(60, true);
  const sh = (i: number) => shoff + i * shentsize;
  const syms = new Map<string, bigint>();
  for (let i = 0; i < shnum; i++) {
    if (dv.getUint32(sh(i) + 4, true) !== SHT_SYMTAB) continue;
    const off = Number(dv.getBigUint64(sh(i) + 24, true));
    const size = Number(dv.getBigUint64(sh(i) + 32, true));
    const strtab = sh(dv.getUint32(sh(i) + 40, true));
    const strOff = Number(dv.getBigUint64(strtab + 24, true));
    for (let s = off; s + 24 <= off + size; s += 24) {
      const nameAt = strOff + dv.getUint32(s, true);
      let end = nameAt;
      while (bytes[end] !== 0) end++;
      const name = new TextDecoder().decode(bytes.subarray(nameAt, end));
      if (name && !syms.has(name)) syms.set(name, dv.getBigUint64(s + 8, true));
    }
  }
  return syms;
}

/** The address of `name`; throws naming the symbol when it is missing. */
export function symbol(syms: Map<string, bigint>, name: string): bigint {
  const v = syms.get(name);
  if (v === undefined) throw new Error(`symbol '${name}' not found in the program`);
  return v;
}

/** A copy of the ELF image with the 8-byte little-endian word at virtual address `addr` set to `value`. */
export function patchWord(bytes: Uint8Array, addr: bigint, value: bigint): Uint8Array {
  const seg = elfSegments(bytes).find((s) => addr >= s.vaddr && addr + 8n <= s.vaddr + BigInt(s.filesz));
  if (!seg) throw new Error(`address 0x${addr.toString(16)} is not in a loaded segment`);
  const out = new Uint8Array(bytes);
  new DataView(out.buffer).setBigUint64(seg.offset + Number(addr - seg.vaddr), BigInt.asUintN(64, value), true);
  return out;
}
