// Static ELF64 IA-64 executable loader (emulator.md "Programs and start state"): each PT_LOAD
// segment is copied to its physical address (its virtual address when that is 0).

export interface ElfSegment { readonly paddr: bigint; readonly data: Uint8Array; readonly memsz: bigint }
export interface ElfImage { readonly entry: bigint; readonly segments: readonly ElfSegment[] }

const EM_IA_64 = 50, ET_EXEC = 2, PT_LOAD = 1;

export function parseElf(bytes: Uint8Array): ElfImage {
  const fail = (why: string): never => { throw new Error(`bad ELF: ${why}`); };
  if (bytes.length < 64) fail(`file is ${bytes.length} bytes, shorter than an ELF64 header`);
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) fail('no ELF magic number');
  if (bytes[4] !== 2) fail(`not a 64-bit ELF (EI_CLASS ${bytes[4]})`);
  if (bytes[5] !== 1) fail(`not little-endian (EI_DATA ${bytes[5]})`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = dv.getUint16(16, true), machine = dv.getUint16(18, true);
  if (machine !== EM_IA_64) fail(`not an IA-64 executable (e_machine ${machine}, expected ${EM_IA_64})`);
  if (type !== ET_EXEC) fail(`not a static executable (e_type ${type}, expected ET_EXEC = ${ET_EXEC})`);
  const entry = dv.getBigUint64(24, true), phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true), phnum = dv.getUint16(56, true);
  if (phnum === 0) fail('no program headers');
  if (phentsize < 56 || phoff + phnum * phentsize > bytes.length) fail('program header table lies outside the file');
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const off = Number(dv.getBigUint64(o + 8, true)), vaddr = dv.getBigUint64(o + 16, true);
    const paddr = dv.getBigUint64(o + 24, true), filesz = Number(dv.getBigUint64(o + 32, true));
    const memsz = dv.getBigUint64(o + 40, true);
    if (off + filesz > bytes.length) fail(`segment ${i} (offset ${off}, size ${filesz}) lies outside the file`);
    segments.push({ paddr: paddr === 0n ? vaddr : paddr, data: bytes.subarray(off, off + filesz), memsz });
  }
  if (!segments.length) fail('no PT_LOAD segment');
  if (entry & 0xfn) fail(`entry point 0x${entry.toString(16)} is not 16-byte (bundle) aligned`);
  return { entry, segments };
}
