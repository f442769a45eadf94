// Per-bundle descriptors for event generation: the bundle's four 32-bit words (the `bundle`
// port and IIB0/IIB1), and for each slot its class, operand kind and static fields, taken from
// the model's shared decoding of the bundle at address 0 (model/decode/decode-cache.ts), so a
// descriptor is a function of the bundle's 16 bytes alone and is shared by every bundle with
// those bytes in the process (the random programs share boot code, handlers and item bundles).
// An IP-relative branch keeps its displacement; the event adds the bundle's address. Looked up
// per virtual code page and PSR.it; the owner drops the cache when instruction translation or
// code may have changed.
import { bundleHash, decodeWordsAt, decodeWordsAt0 } from '../../../model/decode/decode-cache.js';
import { insnText, maxGrIn, type Insn } from '../../../model/decode/insn.js';
import type { Machine } from '../../../model/exec/machine.js';
import { NON_ACCESS } from '../../../arch/non-access.js';
import { classify, ICLASS_CODE, Kind, nonAccessKind, XLATE_OPS } from './classify.js';

export interface SlotDesc {
  readonly op: string;
  /** The slot decoded at address 0 and its index in the bundle (disassembly: slotTextAt). */
  readonly ins: Insn;
  readonly index: number;
  /** The bundle's four words (shared by its slots), to decode it again at its address. */
  readonly words: readonly [number, number, number, number];
  readonly qp: number;
  /** iclass code when executed (BRANCH only if taken: see kind). */
  readonly cls: number;
  readonly kind: Kind;
  readonly hasAddr: boolean;
  /** The `non_access_kind` encoding (arch/non-access.ts; 0 for an access instruction). */
  readonly nonAccessKind: number;
  readonly r1: number;
  readonly r2: number;
  readonly r3: number;
  readonly b2: number;
  /** imm24 (ssm/rsm/sum/rum) or imm21 (break; 0 for break.b, whose IIM is 0), as the `imm` port takes it. */
  readonly imm: number;
  readonly variant: number;
  readonly crNum: number;
  /** Branch displacement (BR_REL, BR_CLOOP) as 64-bit halves: the target is the bundle's address plus it. */
  readonly dLo: number;
  readonly dHi: number;
  /**
   * Illegal Operation the emulator raises for any class: a write to r0 or a stacked register
   * outside the frame (compared with CFM.sof at run time). -1: writes r0; else highest GR used.
   */
  readonly maxReg: number;
  readonly writesR0: boolean;
  /** Slot and address of the next instruction in sequence. */
  readonly seqSlot: number;
  readonly seqNext: boolean;
  /** An instruction that cannot write a CR (ALU, moves between GR/PR/BR, branches, loads, stores, nop). */
  readonly plain: boolean;
  /** An instruction that may change instruction translations (classify.ts XLATE_OPS). */
  readonly xlate: boolean;
}

/** Ops that never write a control register, whatever their operands (model/exec: only interruptions, mov to CR and cover do). */
const PLAIN =
  /^(add|sub|cmp|and|or|xor|shl|shr|extr|dep|nop|tbit|tnat|zxt|sxt|shladd|movl|br_|ld|st|alloc|srlz|mov_from_ip|mov_to_pr|mov_from_pr|mov_to_br|mov_from_br|mov_to_ar|mov_from_ar)/;

export interface BundleDesc {
  /** The 128-bit bundle, least significant word first. */
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  readonly slots: readonly SlotDesc[];
  /** Slots in the bundle: 2 for MLX, else 3. */
  readonly n: number;
}

const lo32 = (v: bigint) => Number(BigInt.asUintN(32, v));
const hi32 = (v: bigint) => Number(BigInt.asUintN(32, v >> 32n));
const MASK_OPS: ReadonlySet<string> = new Set(['ssm', 'rsm', 'sum', 'rum']);
/** The descriptor of the 16 bytes `bytes` (a function of them only). */
export function describeBytes(bytes: Uint8Array): BundleDesc {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 16);
  return describeWords(dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true), dv.getUint32(12, true));
}

/** describeBytes of the bundle held as four little-endian words. */
function describeWords(w0: number, w1: number, w2: number, w3: number): BundleDesc {
  const d = decodeWordsAt0(w0, w1, w2, w3);
  const n = d.slots[2].op === 'lx_tail' ? 2 : 3;
  const words = [w0, w1, w2, w3] as const;
  const slots = d.slots.slice(0, n).map((ins, i): SlotDesc => {
    const c = classify(ins.op, ins.sub, ins.imm);
    const writesR0 = ins.ops.startsWith('r0=') && ins.op !== 'alloc';
    // break.b does not report its immediate: the IIM its fault writes is 0 (model/exec/compile-sys.ts).
    const imm =
      c.kind === Kind.BREAK || c.kind === Kind.PAL
        ? ins.unit === 'B'
          ? 0
          : lo32(ins.imm) & 0x1fffff
        : MASK_OPS.has(ins.op)
          ? lo32(ins.imm) & 0xffffff
          : 0;
    const rel = c.kind === Kind.BR_REL || c.kind === Kind.BR_CLOOP;
    return {
      op: ins.op,
      ins,
      index: i,
      words,
      qp: ins.qp,
      cls: ICLASS_CODE[c.cls],
      kind: c.kind,
      hasAddr: c.hasAddr,
      nonAccessKind: NON_ACCESS[nonAccessKind(ins.op, ins.sub)].value,
      r1: ins.r1,
      r2: ins.r2,
      r3: ins.r3,
      b2: ins.b2,
      imm,
      variant: ins.op === 'vmsw' || ins.op === 'bsw' ? ins.n1 : 0,
      crNum: ins.op === 'mov_to_cr' || ins.op === 'mov_from_cr' ? ins.n1 : 0,
      // Decoded at address 0, the target of an IP-relative branch is its displacement.
      dLo: rel ? lo32(ins.imm) : 0,
      dHi: rel ? hi32(ins.imm) : 0,
      maxReg: ins.op === 'alloc' ? 0 : maxGrIn(ins.ops),
      writesR0,
      seqSlot: i + 1 < n ? i + 1 : 0,
      seqNext: i + 1 >= n,
      plain: (PLAIN.test(ins.op) && c.cls === 'OTHER') || c.cls === 'LOAD' || c.cls === 'STORE' || c.cls === 'BRANCH',
      xlate: XLATE_OPS.has(ins.op),
    };
  });
  return { w0, w1, w2, w3, slots, n };
}

/** objdump's text of the slot in the bundle at address (ipHi:ipLo) (IP-relative operands decoded there). */
export function slotTextAt(sd: SlotDesc, ipLo: number, ipHi: number): string {
  // Every IP-relative field is printed as an address ('0x…', model/decode/insn.ts hex).
  if (!sd.ins.ops.includes('0x')) return insnText(sd.ins);
  const [w0, w1, w2, w3] = sd.words;
  return insnText(decodeWordsAt(w0, w1, w2, w3, (BigInt(ipHi) << 32n) | BigInt((ipLo & ~0xf) >>> 0)).slots[sd.index]!);
}

/** Slots of the process-wide descriptor table (a power of two; bounded memory). */
const SHARED_SLOTS = 1 << 16;

/**
 * Descriptors shared by every BundleCache of the process (one per lockstep run), by content:
 * a direct-mapped table indexed by the content hash, where a colliding content replaces the
 * one in its slot (described again if it comes back). One array load and one object per
 * lookup: a large Map's buckets and collision lists cost several cache misses each time.
 */
const shared: (BundleDesc | undefined)[] = new Array(SHARED_SLOTS);

function sharedDesc(w0: number, w1: number, w2: number, w3: number): BundleDesc {
  const h = bundleHash(w0, w1, w2, w3) & (SHARED_SLOTS - 1);
  const c = shared[h];
  if (c !== undefined && c.w0 === w0 && c.w1 === w1 && c.w2 === w2 && c.w3 === w3) return c;
  const d = describeWords(w0, w1, w2, w3);
  shared[h] = d;
  return d;
}

/**
 * The descriptors of one virtual code page (IP{63:12}) under one PSR.it: by bundle index, read
 * from physical page `ppage` (PSR.it = 1), which was last confirmed in translation epoch
 * `checked`.
 */
class CodePageDescs {
  ppage = -1;
  checked = -1;
  descs: (BundleDesc | undefined)[] = new Array(256);
  constructor(
    readonly hi: number,
    readonly lo: number,
    readonly it: number,
  ) {}
}

/**
 * Descriptor cache by (PSR.it, virtual code page, bundle index); the page last used answers
 * without a map lookup. clear() drops it (code may have changed). clearTranslated()
 * (instruction translation may have changed) starts a new translation epoch: a PSR.it = 1 page
 * keeps its descriptors once it still translates to the physical page they were read from (one
 * translation per page and epoch). A miss reads the bundle's words and takes the descriptor
 * from the process-wide table (sharedDesc), so only new code is decoded.
 */
export class BundleCache {
  private maps: [Map<number, Map<number, CodePageDescs>>, Map<number, Map<number, CodePageDescs>>] = [
    new Map(),
    new Map(),
  ];
  private last: CodePageDescs | null = null;
  private xlate = 0;
  private readonly out = { lo: 0, hi: 0 };
  constructor(private readonly m: Machine) {
    // A store to a page holding code: chain onto the emulator's own invalidation hook.
    const prev = m.mem.onCodeWrite;
    m.mem.onCodeWrite = (key) => {
      prev?.(key);
      this.clear();
    };
  }

  /** Bumped by clear() and clearTranslated(), so that callers' own caches of descriptors know to drop them. */
  epoch = 0;
  clear(): void {
    this.maps = [new Map(), new Map()];
    this.last = null;
    this.clearTranslated();
  }

  clearTranslated(): void {
    this.xlate++;
    this.epoch++;
  }

  get(ipLo: number, ipHi: number): BundleDesc | null {
    const it = this.m.it,
      vlo = ipLo >>> 12;
    let p = this.last;
    if (p === null || p.lo !== vlo || p.hi !== ipHi || p.it !== it) {
      const byHi = this.maps[it];
      let byLo = byHi.get(ipHi);
      if (!byLo) {
        byLo = new Map();
        byHi.set(ipHi, byLo);
      }
      p = byLo.get(vlo) ?? null;
      if (p === null) {
        p = new CodePageDescs(ipHi, vlo, it);
        byLo.set(vlo, p);
      }
      this.last = p;
    }
    if (it !== 0 && p.checked !== this.xlate) {
      const ppage = this.translate(ipLo, ipHi);
      // No translation: not remembered (the fetch faults, and a TLB miss handler or the
      // hardware walker may insert one without an instruction of XLATE_OPS).
      if (ppage < 0) return null;
      if (ppage !== p.ppage) {
        p.ppage = ppage;
        p.descs = new Array(256);
      }
      p.checked = this.xlate;
    }
    const idx = (ipLo >>> 4) & 255;
    return p.descs[idx] ?? (p.descs[idx] = this.read(ipLo, ipHi, p.ppage));
  }

  /** The physical page number (PA{62:12}) of the virtual page holding ip (PSR.it = 1), or -1: no translation. */
  private translate(ipLo: number, ipHi: number): number {
    const pa = this.m.peekInstPa((BigInt(ipHi) << 32n) | BigInt((ipLo & ~0xfff) >>> 0));
    return pa === null ? -1 : Number((pa & 0x7fffffffffffffffn) >> 12n);
  }
  /** The descriptor of the bundle at ip, read from physical page `ppage` (PSR.it = 1) or ip itself. */
  private read(ipLo: number, ipHi: number, ppage: number): BundleDesc {
    const m = this.m;
    let paLo: number, paHi: number;
    if (m.it) {
      paHi = Math.floor(ppage / 0x100000);
      paLo = (((ppage % 0x100000) << 12) | (ipLo & 0xff0)) >>> 0;
    } else {
      paLo = (ipLo & ~0xf) >>> 0;
      paHi = ipHi & 0x7fffffff;
    }
    const o = this.out;
    m.mem.load(paLo, paHi, 8, o);
    const w0 = o.lo,
      w1 = o.hi;
    m.mem.load((paLo + 8) >>> 0, paHi, 8, o);
    return sharedDesc(w0, w1, o.lo, o.hi);
  }
}
