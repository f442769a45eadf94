// 128-bit bundle layout (SDM vol 3 §3.3.1): template in bits 4:0, slot 0 in 45:5, slot 1 in
// 86:46, slot 2 in 127:87, stored little-endian. Slots are kept as a 32-bit low part and a
// 9-bit high part so that decoding never needs BigInt.

export interface Slot {
  readonly lo: number;
  readonly hi: number;
}

/** Bits [pos, pos+len) of a 128-bit value held as four little-endian 32-bit words; len ≤ 32. */
export function bits128(w: readonly number[], pos: number, len: number): number {
  const i = pos >>> 5,
    s = pos & 31;
  let v = w[i]! >>> s;
  if (s !== 0 && s + len > 32 && i + 1 < 4) v |= w[i + 1]! << (32 - s);
  return len === 32 ? v >>> 0 : (v & ((1 << len) - 1)) >>> 0;
}

export function wordsOf(bytes: Uint8Array, off = 0): number[] {
  const w: number[] = [];
  for (let k = 0; k < 4; k++) {
    const o = off + 4 * k;
    w.push((bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)) >>> 0);
  }
  return w;
}

function slotAt(w: readonly number[], base: number): Slot {
  return { lo: bits128(w, base, 32), hi: bits128(w, base + 32, 9) };
}

export function slotsOf(w: readonly number[]): [number, Slot, Slot, Slot] {
  return [bits128(w, 0, 5), slotAt(w, 5), slotAt(w, 46), slotAt(w, 87)];
}

/** Field [pos, pos+len) of a 41-bit slot, len ≤ 32. */
export function fld(s: Slot, pos: number, len: number): number {
  const mask = len === 32 ? 0xffffffff : (1 << len) - 1;
  if (pos >= 32) return (s.hi >>> (pos - 32)) & mask;
  if (pos + len <= 32) return ((s.lo >>> pos) & mask) >>> 0;
  return (((s.lo >>> pos) | (s.hi << (32 - pos))) & mask) >>> 0;
}

/** Sign-extends the low `width` bits of v to a BigInt. */
export function sext(v: number, width: number): bigint {
  const b = BigInt(v) & ((1n << BigInt(width)) - 1n);
  return b & (1n << BigInt(width - 1)) ? b - (1n << BigInt(width)) : b;
}
