// Per-bundle descriptors for event generation: the bundle's four 32-bit words (the `bundle`
// port and IIB0/IIB1), and for each slot its class, operand kind and static fields, decoded
// once with the model's decoder (model/decode) at the bundle's virtual address. Cached by
// virtual address and PSR.it; the owner drops the cache when instruction translation or code
// may have changed.
import { decodeBundle } from '../../../model/decode/decode.js';
import { insnText, maxGrIn } from '../../../model/decode/insn.js';
import type { Machine } from '../../../model/exec/machine.js';
import { contentHash } from '../../../model/exec/run.js';
import { TEMPLATES } from '../../../model/decode/templates.js';
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
  const d = decodeBundle(bytes, 0, ip & ~0xfn);
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
  return {
    w0: dv.getUint32(0, true),
    w1: dv.getUint32(4, true),
    w2: dv.getUint32(8, true),
    w3: dv.getUint32(12, true),
    slots,
    n,
  };
}

type ByIp = Map<number, Map<number, BundleDesc | null>>;

/**
 * Whether decoding the bundle uses its address: only IP-relative branches do (B-unit major
 * opcodes 4 and 5, model/decode/decode-b.ts); any other bundle's descriptor is a function of
 * its words alone.
 */
function usesAddress(w0: number, w1: number, w2: number, w3: number): boolean {
  const tpl = TEMPLATES[w0 & 0x1f];
  if (!tpl) return false;
  // Major opcode: bits 37..40 of slot k, i.e. bundle bits 42..45, 83..86, 124..127.
  const w = [w0, w1, w2, w3];
  for (let k = 0; k < 3; k++) {
    if (tpl.units[k] !== 'B') continue;
    const pos = 5 + 41 * k + 37,
      op = (w[pos >>> 5]! >>> (pos & 31)) & 0xf;
    if (op === 4 || op === 5) return true;
  }
  return false;
}

/**
 * Descriptor cache by (PSR.it, IP): two-level maps keyed by the IP halves (no BigInt on hits).
 * clear() drops it (translation or code may have changed); a miss then re-reads the bundle's
 * translation and words and takes the descriptor from a second cache keyed by content and,
 * for bundles with an IP-relative branch, IP (a descriptor is a function of the two; without
 * one, of the content alone), so only new or changed code is decoded again.
 */
export class BundleCache {
  private maps: [ByIp, ByIp] = [new Map(), new Map()];
  private readonly byContent = new Map<number, Map<number, BundleDesc>>();
  /** Bundles whose decoding does not use the address, by content hash (entries compare the words). */
  private readonly noB = new Map<number, BundleDesc[]>();
  private readonly out = { lo: 0, hi: 0 };
  constructor(private readonly m: Machine) {
    // A store to a page holding code: chain onto the emulator's own invalidation hook.
    const prev = m.mem.onCodeWrite;
    m.mem.onCodeWrite = (key) => {
      prev?.(key);
      this.clear();
    };
  }

  /** Bumped by clear(), so that callers' own caches of descriptors know to drop them. */
  epoch = 0;
  clear(): void {
    this.maps = [new Map(), new Map()];
    this.epoch++;
  }

  get(ipLo: number, ipHi: number): BundleDesc | null {
    const m = this.m;
    const byHi = this.maps[m.it];
    let byLo = byHi.get(ipHi);
    if (!byLo) {
      byLo = new Map();
      byHi.set(ipHi, byLo);
    }
    let d = byLo.get(ipLo);
    if (d === undefined) {
      d = this.load(ipLo, ipHi);
      byLo.set(ipLo, d);
    }
    return d;
  }

  /** The descriptor of the bundle at ip (null: no translation), through the content cache. */
  private load(ipLo: number, ipHi: number): BundleDesc | null {
    const m = this.m;
    let paLo: number, paHi: number;
    if (m.it) {
      const pa = m.peekInstPa((BigInt(ipHi) << 32n) | BigInt(ipLo));
      if (pa === null) return null;
      paLo = Number(pa & 0xfffffff0n);
      paHi = Number((pa >> 32n) & 0x7fffffffn);
    } else {
      paLo = (ipLo & ~0xf) >>> 0;
      paHi = ipHi & 0x7fffffff;
    }
    const o = this.out;
    m.mem.load(paLo, paHi, 8, o);
    const w0 = o.lo,
      w1 = o.hi;
    m.mem.load((paLo + 8) >>> 0, paHi, 8, o);
    const w2 = o.lo,
      w3 = o.hi;
    const bLo = (ipLo & ~0xf) >>> 0;
    if (!usesAddress(w0, w1, w2, w3)) {
      const h = contentHash(w0, w1, w2, w3);
      let same = this.noB.get(h);
      if (same) {
        for (const c of same) if (c.w0 === w0 && c.w1 === w1 && c.w2 === w2 && c.w3 === w3) return c;
      } else {
        same = [];
        this.noB.set(h, same);
      }
      const d = describeWords(w0, w1, w2, w3, (BigInt(ipHi) << 32n) | BigInt(bLo));
      same.push(d);
      return d;
    }
    let byLo = this.byContent.get(ipHi);
    if (!byLo) {
      byLo = new Map();
      this.byContent.set(ipHi, byLo);
    }
    const c = byLo.get(bLo);
    if (c && c.w0 === w0 && c.w1 === w1 && c.w2 === w2 && c.w3 === w3) return c;
    const d = describeWords(w0, w1, w2, w3, (BigInt(ipHi) << 32n) | BigInt(bLo));
    byLo.set(bLo, d);
    return d;
  }
}

function describeWords(w0: number, w1: number, w2: number, w3: number, ip: bigint): BundleDesc {
  const bytes = new Uint8Array(16),
    dv = new DataView(bytes.buffer);
  dv.setUint32(0, w0, true);
  dv.setUint32(4, w1, true);
  dv.setUint32(8, w2, true);
  dv.setUint32(12, w3, true);
  return describeBytes(bytes, ip);
}
