// Decoded bundles shared by content: a bundle decoded at address 0 is a function of its 16
// bytes alone (IP-relative fields are displacements), and decoded results are immutable, so
// every emulator in the process (the lockstep runs one per program, and programs share their
// boot code, handlers and many item bundles) and the lockstep's own descriptors can take the
// same object instead of decoding again. A two-way table indexed by a hash of the words: a new
// content goes to its slot and the one there moves to the slot's pair (h ^ 1), replacing the
// older content (decoded again if it comes back), so memory stays bounded however much new code
// a run meets, and a lookup is one or two array loads (a large Map's buckets and collision lists
// cost several cache misses per lookup).
import { decodeBundle, type DecodedBundle } from './decode.js';

/** Slots of the table (a power of two). */
export const TABLE_SLOTS = 1 << 16;

interface Entry {
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  readonly at0: DecodedBundle;
  /** Whether decoding reads the bundle's address (an IP-relative field); computed on first ask. */
  usesAddress: boolean | undefined;
}

const table: (Entry | undefined)[] = new Array(TABLE_SLOTS);

/**
 * Hash of a bundle's four little-endian words (32 bits; a content cache masks it to its size
 * and compares the words). Also the key of the emulator's compiled-bundle cache (run.ts) and
 * the lockstep's event descriptors (sim/cosim/lockstep/bundles.ts).
 */
export function bundleHash(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ w1 ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ w2 ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ w3 ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

function bytesOf(w0: number, w1: number, w2: number, w3: number): Uint8Array {
  const b = new Uint8Array(16),
    dv = new DataView(b.buffer);
  dv.setUint32(0, w0, true);
  dv.setUint32(4, w1, true);
  dv.setUint32(8, w2, true);
  dv.setUint32(12, w3, true);
  return b;
}

function entryOf(w0: number, w1: number, w2: number, w3: number): Entry {
  const h = bundleHash(w0, w1, w2, w3) & (TABLE_SLOTS - 1);
  const e = table[h];
  if (e !== undefined && e.w0 === w0 && e.w1 === w1 && e.w2 === w2 && e.w3 === w3) return e;
  // Two ways: the pair of slots h, h ^ 1 holds the newest content first.
  const f = table[h ^ 1];
  if (f !== undefined && f.w0 === w0 && f.w1 === w1 && f.w2 === w2 && f.w3 === w3) return f;
  const n: Entry = { w0, w1, w2, w3, at0: decodeBundle(bytesOf(w0, w1, w2, w3), 0, 0n), usesAddress: undefined };
  if (e !== undefined) table[h ^ 1] = e;
  table[h] = n;
  return n;
}

/** The bundle with these words (little-endian, least significant first) decoded at address 0. */
export function decodeWordsAt0(w0: number, w1: number, w2: number, w3: number): DecodedBundle {
  return entryOf(w0, w1, w2, w3).at0;
}

/**
 * Whether the bundle's decoding depends on its address: some slot has an IP-relative field
 * (branch or brl target, chk recovery address, brp or mov-to-BR tag). Decided by decoding it a
 * second time at another address and comparing every slot's operands and immediate, so no
 * list of IP-relative forms has to be kept in step with the decoders (only bundles that print
 * an address in some operand are decoded again).
 */
export function decodeUsesAddress(w0: number, w1: number, w2: number, w3: number): boolean {
  const e = entryOf(w0, w1, w2, w3);
  // Every IP-relative field is printed in the operands as an address (insn.ts hex, '0x…'): a
  // bundle without one in any slot needs no second decoding.
  if (e.usesAddress === undefined && !e.at0.slots.some((s) => s.ops.includes('0x'))) e.usesAddress = false;
  if (e.usesAddress === undefined) {
    const at16 = decodeBundle(bytesOf(w0, w1, w2, w3), 0, 16n);
    e.usesAddress = e.at0.slots.some((s, k) => s.ops !== at16.slots[k]!.ops || s.imm !== at16.slots[k]!.imm);
  }
  return e.usesAddress;
}

/** The bundle decoded at `bundleAddr`: the shared object when its decoding does not use the address. */
export function decodeWordsAt(w0: number, w1: number, w2: number, w3: number, bundleAddr: bigint): DecodedBundle {
  if (bundleAddr === 0n || !decodeUsesAddress(w0, w1, w2, w3)) return decodeWordsAt0(w0, w1, w2, w3);
  return decodeBundle(bytesOf(w0, w1, w2, w3), 0, bundleAddr);
}
