// Physical memory: sparse 4 KiB pages, zero where never written. Addresses are 63-bit physical
// addresses given as (lo, hi) halves; bit 63 (the uncacheable attribute) is dropped by callers.
// A store to a page holding decoded code notifies the code cache (self-modifying code).

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;

/** Page number as an exact double: (hi · 2^32 + lo) >> 12, < 2^51. */
export function pageKey(lo: number, hi: number): number {
  return (hi & 0x7fffffff) * 0x100000 + (lo >>> PAGE_BITS);
}

/** Told of every store while `active` (the ALAT: stores remove the entries they overlap). */
export interface StoreWatch {
  readonly active: boolean;
  stored(lo: number, hi: number, size: number): void;
}

export class PhysMem {
  readonly pages = new Map<number, Uint8Array>();
  /** Told of each store (store, writeByte) while it is active. */
  watch: StoreWatch | null = null;
  /** Called with the page key when a page that holds decoded code is written. */
  onCodeWrite: ((key: number) => void) | null = null;
  readonly codePages = new Set<number>();
  /** Writes to code pages so far (keys memos of code bytes, e.g. the machine's IIB). */
  codeWrites = 0;

  private codeWritten(key: number): void {
    this.codeWrites++;
    this.onCodeWrite?.(key);
  }

  page(key: number, create: boolean): Uint8Array | undefined {
    let p = this.pages.get(key);
    if (!p && create) {
      p = new Uint8Array(PAGE_SIZE);
      this.pages.set(key, p);
    }
    return p;
  }

  readByte(lo: number, hi: number): number {
    const p = this.pages.get(pageKey(lo, hi));
    return p ? p[lo & (PAGE_SIZE - 1)]! : 0;
  }

  writeByte(lo: number, hi: number, v: number): void {
    const w = this.watch;
    if (w?.active) w.stored(lo, hi, 1);
    const key = pageKey(lo, hi);
    this.page(key, true)![lo & (PAGE_SIZE - 1)] = v;
    if (this.codePages.has(key)) this.codeWritten(key);
  }

  /** Little-endian load of `size` bytes (1, 2, 4, 8); result in out.lo/out.hi. */
  load(lo: number, hi: number, size: number, out: { lo: number; hi: number }): void {
    const off = lo & (PAGE_SIZE - 1);
    if (off + size <= PAGE_SIZE && (off & (size - 1)) === 0) {
      const p = this.pages.get(pageKey(lo, hi));
      if (!p) {
        out.lo = 0;
        out.hi = 0;
        return;
      }
      if (size === 8) {
        out.lo = (p[off]! | (p[off + 1]! << 8) | (p[off + 2]! << 16) | (p[off + 3]! << 24)) >>> 0;
        out.hi = (p[off + 4]! | (p[off + 5]! << 8) | (p[off + 6]! << 16) | (p[off + 7]! << 24)) >>> 0;
      } else if (size === 4) {
        out.lo = (p[off]! | (p[off + 1]! << 8) | (p[off + 2]! << 16) | (p[off + 3]! << 24)) >>> 0;
        out.hi = 0;
      } else if (size === 2) {
        out.lo = p[off]! | (p[off + 1]! << 8);
        out.hi = 0;
      } else {
        out.lo = p[off]!;
        out.hi = 0;
      }
      return;
    }
    // Unaligned or page-crossing: byte by byte.
    let vlo = 0,
      vhi = 0;
    for (let i = 0; i < size; i++) {
      const a = lo + i,
        b = this.readByte(a >>> 0, hi + (a > 0xffffffff ? 1 : 0));
      if (i < 4) vlo |= b << (8 * i);
      else vhi |= b << (8 * (i - 4));
    }
    out.lo = vlo >>> 0;
    out.hi = vhi >>> 0;
  }

  store(lo: number, hi: number, size: number, vlo: number, vhi: number): void {
    const w = this.watch;
    if (w?.active) w.stored(lo, hi, size);
    const off = lo & (PAGE_SIZE - 1);
    if (off + size <= PAGE_SIZE) {
      const key = pageKey(lo, hi);
      const p = this.page(key, true)!;
      for (let i = 0; i < size; i++) p[off + i] = i < 4 ? (vlo >>> (8 * i)) & 0xff : (vhi >>> (8 * (i - 4))) & 0xff;
      if (this.codePages.has(key)) this.codeWritten(key);
      return;
    }
    for (let i = 0; i < size; i++) {
      const a = lo + i;
      this.writeByte(
        a >>> 0,
        hi + (a > 0xffffffff ? 1 : 0),
        i < 4 ? (vlo >>> (8 * i)) & 0xff : (vhi >>> (8 * (i - 4))) & 0xff,
      );
    }
  }

  /** Copies bytes to physical address `addr` (ELF loading): page by page, as writeByte would byte by byte. */
  writeBytes(addr: bigint, data: Uint8Array): void {
    let lo = Number(addr & 0xffffffffn),
      hi = Number((addr >> 32n) & 0x7fffffffn);
    for (let i = 0; i < data.length; ) {
      const off = lo & (PAGE_SIZE - 1),
        n = Math.min(PAGE_SIZE - off, data.length - i),
        key = pageKey(lo, hi);
      this.page(key, true)!.set(data.subarray(i, i + n), off);
      if (this.codePages.has(key)) this.codeWritten(key);
      i += n;
      lo += n;
      if (lo > 0xffffffff) {
        lo -= 0x100000000;
        hi = (hi + 1) & 0x7fffffff;
      }
    }
  }

  readBytes(addr: bigint, n: number): Uint8Array {
    const out = new Uint8Array(n);
    let lo = Number(addr & 0xffffffffn),
      hi = Number((addr >> 32n) & 0x7fffffffn);
    for (let i = 0; i < n; ) {
      const off = lo & (PAGE_SIZE - 1),
        k = Math.min(PAGE_SIZE - off, n - i),
        p = this.pages.get(pageKey(lo, hi));
      if (p) out.set(p.subarray(off, off + k), i);
      i += k;
      lo += k;
      if (lo > 0xffffffff) {
        lo -= 0x100000000;
        hi = (hi + 1) & 0x7fffffff;
      }
    }
    return out;
  }
}
