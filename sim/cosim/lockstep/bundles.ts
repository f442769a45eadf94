// Per-bundle descriptors for event generation: the bundle's four 32-bit words (the `bundle`
// port and IIB0/IIB1), and for each slot its class, operand kind and static fields, decoded
// once with the model's decoder (model/decode) at the bundle's virtual address. Cached by
// virtual address and PSR.it; the owner drops the cache when instruction translation or code
// may have changed.
import { decodeUsesAddress, decodeWordsAt } from '../../../model/decode/decode-cache.js';
import { insnText, maxGrIn } from '../../../model/decode/insn.js';
import type { Machine } from '../../../model/exec/machine.js';
import { contentHash } from '../../../model/exec/run.js';
import { NON_ACCESS } from '../../../arch/non-access.js';
import { classify, ICLASS_CODE, Kind, nonAccessKind } from './classify.js';

export interface SlotDesc {
  readonly op: string;
  readonly text: string;
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
  /** Static branch target (BR_REL, BR_CLOOP) as halves. */
  readonly tLo: number;
  readonly tHi: number;
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
/** The descriptor of the 16 bytes `bytes` as the bundle at virtual address `ip` (a function of both only). */
export function describeBytes(bytes: Uint8Array, ip: bigint): BundleDesc {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 16);
  return describeWords(dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true), dv.getUint32(12, true), ip);
}

/** describeBytes of the bundle held as four little-endian words (decoded through model/decode/decode-cache.ts). */
function describeWords(w0: number, w1: number, w2: number, w3: number, ip: bigint): BundleDesc {
  const d = decodeWordsAt(w0, w1, w2, w3, ip & ~0xfn);
  const n = d.slots[2].op === 'lx_tail' ? 2 : 3;
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
    return {
      op: ins.op,
      text: insnText(ins),
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
      tLo: ins.imm === 0n ? 0 : lo32(ins.imm),
      tHi: ins.imm === 0n ? 0 : hi32(ins.imm),
      maxReg: ins.op === 'alloc' ? 0 : maxGrIn(ins.ops),
      writesR0,
      seqSlot: i + 1 < n ? i + 1 : 0,
      seqNext: i + 1 >= n,
      plain: (PLAIN.test(ins.op) && c.cls === 'OTHER') || c.cls === 'LOAD' || c.cls === 'STORE' || c.cls === 'BRANCH',
    };
  });
  return { w0, w1, w2, w3, slots, n };
}

/** A cached descriptor at one IP: the physical page it was read from and when that was last checked. */
interface AtIp {
  readonly d: BundleDesc;
  /** Physical page number (PA{62:12}) the bundle was read from (PSR.it = 1 only). */
  readonly ppage: number;
  /** The cache's translation epoch in which ppage was last confirmed. */
  checked: number;
}

type ByIp = Map<number, Map<number, AtIp>>;

/** Descriptors kept process-wide before the shared tables start over (bounded memory). */
const MAX_SHARED = 1 << 16;

/**
 * Descriptors shared by every BundleCache of the process (one per lockstep run: the random
 * programs share their boot code, handlers and many item bundles): by content for bundles
 * whose decoding does not use their address, by address (entries compare the words) for the
 * others. Keys stay small integers (30-bit hashes), which V8's maps hash without allocating.
 */
const shared = {
  byWords: new Map<number, BundleDesc[]>(),
  byIp: new Map<number, Map<number, BundleDesc>>(),
  size: 0,
};

function sharedDesc(w0: number, w1: number, w2: number, w3: number, ipLo: number, ipHi: number): BundleDesc {
  if (shared.size >= MAX_SHARED) {
    shared.byWords = new Map();
    shared.byIp = new Map();
    shared.size = 0;
  }
  if (!decodeUsesAddress(w0, w1, w2, w3)) {
    const h = contentHash(w0, w1, w2, w3) & 0x3fffffff;
    let same = shared.byWords.get(h);
    if (same) {
      for (const c of same) if (c.w0 === w0 && c.w1 === w1 && c.w2 === w2 && c.w3 === w3) return c;
    } else {
      same = [];
      shared.byWords.set(h, same);
    }
    const d = describeWords(w0, w1, w2, w3, (BigInt(ipHi) << 32n) | BigInt(ipLo));
    same.push(d);
    shared.size++;
    return d;
  }
  let byLo = shared.byIp.get(ipHi);
  if (!byLo) {
    byLo = new Map();
    shared.byIp.set(ipHi, byLo);
  }
  const c = byLo.get(ipLo);
  if (c !== undefined && c.w0 === w0 && c.w1 === w1 && c.w2 === w2 && c.w3 === w3) return c;
  const d = describeWords(w0, w1, w2, w3, (BigInt(ipHi) << 32n) | BigInt(ipLo));
  if (c === undefined) shared.size++;
  byLo.set(ipLo, d);
  return d;
}

/**
 * Descriptor cache by (PSR.it, IP): two-level maps keyed by the IP halves (no BigInt on hits).
 * clear() drops it (code may have changed). clearTranslated() (instruction translation may
 * have changed) starts a new translation epoch: a PSR.it = 1 entry is used again once its
 * virtual page still translates to the page it was read from (one translation per page and
 * epoch). A miss reads the bundle's words and takes the descriptor from the process-wide
 * tables (sharedDesc), so only new code is decoded again.
 */
export class BundleCache {
  private maps: [ByIp, ByIp] = [new Map(), new Map()];
  /** Virtual page (IP{63:12}) → physical page number (PA{62:12}) in this translation epoch. */
  private pages = new Map<number, number>();
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
    this.clearTranslated();
  }

  clearTranslated(): void {
    this.pages = new Map();
    this.xlate++;
    this.epoch++;
  }

  get(ipLo: number, ipHi: number): BundleDesc | null {
    const m = this.m,
      it = m.it;
    const byHi = this.maps[it];
    let byLo = byHi.get(ipHi);
    if (!byLo) {
      byLo = new Map();
      byHi.set(ipHi, byLo);
    }
    const e = byLo.get(ipLo);
    if (e !== undefined && (it === 0 || e.checked === this.xlate)) return e.d;
    const ppage = it === 0 ? 0 : this.translate(ipLo, ipHi);
    if (ppage < 0) return null;
    if (e !== undefined && e.ppage === ppage) {
      e.checked = this.xlate;
      return e.d;
    }
    const d = this.read(ipLo, ipHi, ppage);
    byLo.set(ipLo, { d, ppage, checked: this.xlate });
    return d;
  }

  /**
   * The physical page of the virtual page holding ip (PSR.it = 1), or -1: no translation (not
   * remembered: the fetch faults, and a TLB miss handler or the hardware walker may insert one
   * without an instruction of XLATE_OPS). A translation covers at least a 4 KiB page.
   */
  private translate(ipLo: number, ipHi: number): number {
    const vpage = ipHi * 0x100000 + (ipLo >>> 12);
    let ppage = this.pages.get(vpage);
    if (ppage === undefined) {
      const pa = this.m.peekInstPa((BigInt(ipHi) << 32n) | BigInt(ipLo & ~0xfff));
      if (pa === null) return -1;
      ppage = Number((pa & 0x7fffffffffffffffn) >> 12n);
      this.pages.set(vpage, ppage);
    }
    return ppage;
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
    return sharedDesc(w0, w1, o.lo, o.hi, (ipLo & ~0xf) >>> 0, ipHi);
  }
}
