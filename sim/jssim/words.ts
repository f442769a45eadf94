// Word layout shared by the code generator and the runtime: a w-bit value is ceil(w/32)
// unsigned 32-bit words, word 0 = bits 31..0, the top word holding w - 32*(n-1) bits and
// always kept masked ("canonical"), so equality and unsigned comparison work word by word.
import { SimError } from './flatten.js';

export function nwords(width: number): number {
  return Math.max(1, Math.ceil(width / 32));
}

/** Bits held by the top word (1..32). */
export function topBits(width: number): number {
  return width - 32 * (nwords(width) - 1);
}

/** Mask of the low `bits` bits (1..32) as a non-negative number. */
export function maskOf(bits: number): number {
  return bits >= 32 ? 0xffffffff : 2 ** bits - 1;
}

export function hex(n: number): string {
  return n < 10 ? String(n) : `0x${n.toString(16)}`;
}

/** Splits a non-negative bigint into `n` words (low first). */
export function toWords(v: bigint, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  return out;
}

export function fromWords(ws: ArrayLike<number>, off: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 32n) | BigInt(ws[off + i]! >>> 0);
  return v;
}

/** Parses an IR hex constant (no prefix); `what` locates it in messages. */
export function parseHex(value: string, width: number, what: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(value)) throw new SimError(`${what}: constant '${value}' is not a hex string`);
  const v = BigInt(`0x${value}`);
  if (v >> BigInt(width) !== 0n)
    throw new SimError(`${what}: constant '${value}' does not fit in ${width} bit${width === 1 ? '' : 's'}`);
  return v;
}

/** True for a JS identifier or a numeric literal: safe to repeat without recomputation. */
export function isAtom(e: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(e) || /^(0x[0-9a-f]+|\d+)$/.test(e);
}

/**
 * JS expression for bits [pos, pos+len) of a value given as word expressions `ws` of
 * `width` bits (bits outside 0..width-1 read as 0; pos may be negative). Result is a
 * non-negative number < 2^len. Operands must be atoms or parenthesized.
 */
export function field(ws: readonly string[], width: number, pos: number, len: number): string {
  const parts: string[] = [];
  let maxBit = -1;
  let needUnsigned = false;
  const n = nwords(width);
  for (let j = 0; j < n; j++) {
    const w = ws[j]!;
    const wlo = 32 * j;
    const vb = j === n - 1 ? topBits(width) : 32;
    if (wlo + vb - 1 < pos || wlo > pos + len - 1 || w === '0') continue;
    const shift = wlo - pos; // where this word's bit 0 lands in the result
    if (shift > 0) {
      parts.push(`(${w} << ${shift})`);
      maxBit = Math.max(maxBit, Math.min(31, shift + vb - 1));
      if (shift + vb - 1 >= 31) needUnsigned = true;
    } else if (shift < 0) {
      parts.push(`(${w} >>> ${-shift})`);
      maxBit = Math.max(maxBit, vb - 1 + shift);
    } else {
      parts.push(w);
      maxBit = Math.max(maxBit, vb - 1);
    }
  }
  if (parts.length === 0) return '0';
  const body = parts.join(' | ');
  if (maxBit > len - 1) return len >= 32 ? `((${body}) >>> 0)` : `((${body}) & ${hex(maskOf(len))})`;
  if (parts.length === 1 && !needUnsigned) return body;
  if (needUnsigned || (maxBit === 31 && parts.length > 1)) return `((${body}) >>> 0)`;
  return `(${body})`;
}
