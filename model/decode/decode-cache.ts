// Decoded bundles shared by content: a bundle decoded at address 0 is a function of its 16
// bytes alone (IP-relative fields are displacements), and decoded results are immutable, so
// every emulator in the process (the lockstep runs one per program, and programs share their
// boot code, handlers and many item bundles) and the lockstep's own descriptors can take the
// same object instead of decoding again. Kept in a two-way BundleTable (bundle-table.ts): a
// replaced content is decoded again if it comes back.
import { BundleTable } from './bundle-table.js';
import { decodeBundle, type DecodedBundle } from './decode.js';

export { bundleHash } from './bundle-table.js';

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

const table = new BundleTable<Entry>(TABLE_SLOTS);

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
  return (
    table.find(w0, w1, w2, w3) ??
    table.insert({ w0, w1, w2, w3, at0: decodeBundle(bytesOf(w0, w1, w2, w3), 0, 0n), usesAddress: undefined })
  );
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
