// The one ELF64 (little-endian) reader of the project. The emulator loads a static IA-64
// executable with it (emulator.md "Programs and start state": each PT_LOAD segment is copied
// to its physical address, its virtual address when that is 0); the demo and the tests read
// the symbol table (label addresses) and patch a data word the program reads (e.g.
// guest_iterations) in the file image before it is loaded. Addresses above 2^53 (the
// monitor-only VMM page) are kept exact as bigint; offsets and file sizes index the image and
// are numbers.

export interface ElfSegment {
  readonly offset: number;
  readonly vaddr: bigint;
  readonly paddr: bigint;
  readonly filesz: number;
  readonly memsz: bigint;
  /** The segment's bytes in the file (a view of the image, filesz long). */
  readonly data: Uint8Array;
}
export interface ElfImage {
  readonly entry: bigint;
  readonly segments: readonly ElfSegment[];
}

const EM_IA_64 = 50,
  ET_EXEC = 2,
  PT_LOAD = 1,
  SHT_SYMTAB = 2;
const HEADER_BYTES = 64,
  PHDR_BYTES = 56,
  SHDR_BYTES = 64,
  SYM_BYTES = 24;

const bad = (why: string): never => {
  throw new Error(`bad ELF: ${why}`);
};

/** What makes `bytes` no little-endian ELF64 file: the loader says it in detail, the reading helpers in short. */
type IdentProblem = { readonly kind: 'not-elf' | 'not-elf64-le'; readonly why: string };

function identProblem(bytes: Uint8Array): IdentProblem | undefined {
  if (bytes.length < HEADER_BYTES)
    return { kind: 'not-elf', why: `file is ${bytes.length} bytes, shorter than an ELF64 header` };
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    return { kind: 'not-elf', why: 'no ELF magic number' };
  if (bytes[4] !== 2) return { kind: 'not-elf64-le', why: `not a 64-bit ELF (EI_CLASS ${bytes[4]})` };
  if (bytes[5] !== 1) return { kind: 'not-elf64-le', why: `not little-endian (EI_DATA ${bytes[5]})` };
  return undefined;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The header view of a little-endian ELF64 file; throws the helpers' short messages otherwise. */
function readable(bytes: Uint8Array): DataView {
  const p = identProblem(bytes);
  if (p) throw new Error(p.kind === 'not-elf' ? 'not an ELF file' : 'not a little-endian ELF64 file');
  return view(bytes);
}

/** The PT_LOAD segments, each checked to lie inside the file. */
function loadSegments(bytes: Uint8Array, dv: DataView): ElfSegment[] {
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true),
    phnum = dv.getUint16(56, true);
  if (phnum > 0 && (phentsize < PHDR_BYTES || phoff + phnum * phentsize > bytes.length))
    bad('program header table lies outside the file');
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const offset = Number(dv.getBigUint64(o + 8, true)),
      filesz = Number(dv.getBigUint64(o + 32, true));
    if (offset + filesz > bytes.length) bad(`segment ${i} (offset ${offset}, size ${filesz}) lies outside the file`);
    segments.push({
      offset,
      vaddr: dv.getBigUint64(o + 16, true),
      paddr: dv.getBigUint64(o + 24, true),
      filesz,
      memsz: dv.getBigUint64(o + 40, true),
      data: bytes.subarray(offset, offset + filesz),
    });
  }
  return segments;
}

/** Where the loader puts a segment: its physical address, its virtual address when that is 0. */
export function loadAddress(s: ElfSegment): bigint {
  return s.paddr === 0n ? s.vaddr : s.paddr;
}

/** Where a segment's file bytes are loaded, as text: 0x1000..0x1fff. */
const extent = (s: ElfSegment): string =>
  s.filesz === 0
    ? `0x${loadAddress(s).toString(16)} (empty)`
    : `0x${loadAddress(s).toString(16)}..0x${(loadAddress(s) + BigInt(s.filesz) - 1n).toString(16)}`;

/** A static IA-64 executable: entry point and PT_LOAD segments; throws "bad ELF: <why>". */
export function parseElf(bytes: Uint8Array): ElfImage {
  const p = identProblem(bytes);
  if (p) bad(p.why);
  const dv = view(bytes);
  const type = dv.getUint16(16, true),
    machine = dv.getUint16(18, true);
  if (machine !== EM_IA_64) bad(`not an IA-64 executable (e_machine ${machine}, expected ${EM_IA_64})`);
  if (type !== ET_EXEC) bad(`not a static executable (e_type ${type}, expected ET_EXEC = ${ET_EXEC})`);
  const entry = dv.getBigUint64(24, true);
  if (dv.getUint16(56, true) === 0) bad('no program headers');
  const segments = loadSegments(bytes, dv);
  if (!segments.length) bad('no PT_LOAD segment');
  if (entry & 0xfn) bad(`entry point 0x${entry.toString(16)} is not 16-byte (bundle) aligned`);
  // The first fetch is physical (translation is off at start): an entry outside the bytes the
  // loader copies would run zero memory, which decodes as `break 0` and "halts" at once.
  if (!segments.some((s) => entry >= loadAddress(s) && entry + 16n <= loadAddress(s) + BigInt(s.filesz)))
    bad(`entry point 0x${entry.toString(16)} is not in a loaded segment (${segments.map(extent).join(', ')})`);
  return { entry, segments };
}

export function elfSegments(bytes: Uint8Array): ElfSegment[] {
  return loadSegments(bytes, readable(bytes));
}

export function elfSymbols(bytes: Uint8Array): Map<string, bigint> {
  const dv = readable(bytes);
  const shoff = Number(dv.getBigUint64(40, true));
  const shentsize = dv.getUint16(58, true),
    shnum = dv.getUint16(60, true);
  if (shnum > 0 && (shentsize < SHDR_BYTES || shoff + shnum * shentsize > bytes.length))
    bad('section header table lies outside the file');
  const sh = (i: number) => shoff + i * shentsize;
  const syms = new Map<string, bigint>();
  for (let i = 0; i < shnum; i++) {
    if (dv.getUint32(sh(i) + 4, true) !== SHT_SYMTAB) continue;
    const off = Number(dv.getBigUint64(sh(i) + 24, true));
    const size = Number(dv.getBigUint64(sh(i) + 32, true));
    const link = dv.getUint32(sh(i) + 40, true);
    if (link >= shnum) bad(`symbol table ${i} links to string table ${link}, which does not exist`);
    const strOff = Number(dv.getBigUint64(sh(link) + 24, true));
    if (off + size > bytes.length) bad(`symbol table ${i} (offset ${off}, size ${size}) lies outside the file`);
    for (let s = off; s + SYM_BYTES <= off + size; s += SYM_BYTES) {
      const nameAt = strOff + dv.getUint32(s, true);
      let end = nameAt;
      while (end < bytes.length && bytes[end] !== 0) end++;
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
