// vti_addr_check stimulus. Directed (from §7): each single bit, sign patterns and bit M / M+1
// flips at the VMM and guest IMPL_VA_MSB, all region-bit combinations, the IMPL_PA_MSB
// boundary and bit 63, crossed with vm and phys. Random: uniformly random addresses are almost
// all unimplemented, so most vectors are sign-extended at (or near) a boundary, one in eight
// is made monitor-only and one in eight has the physical high bits cleared.
import { ADDR_CHECK_INPUTS, resolveAddrCheckOptions, type AddrCheckOptions } from '../addr-check.js';
import { columnsFor, packVectors, randomWords, sourceOf, type RandomOptions, type Stimulus } from './common.js';

const M64 = (1n << 64n) - 1n;
/** Bits hi..lo set. */
const range = (hi: number, lo: number): bigint => (hi < lo ? 0n : ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo));
const bit = (i: number): bigint => 1n << BigInt(i);

export function directedAddrCheck(opts: AddrCheckOptions = {}): Stimulus {
  const o = resolveAddrCheckOptions(opts);
  const m0 = o.implVaMsb,
    m1 = o.implVaMsb - o.guestShrink,
    p = o.implPaMsb;
  const addrs: { label: string; a: bigint }[] = [
    { label: '0', a: 0n },
    { label: 'all ones', a: M64 },
    { label: 'low pattern 0x5555…', a: 0x5555_5555_5555_5555n & range(49, 0) },
  ];
  for (let i = 0; i < 64; i++) addrs.push({ label: `bit ${i}`, a: bit(i) });
  for (const [who, m] of [
    ['M=IMPL_VA_MSB', m0],
    ['M=guest', m1],
  ] as const) {
    addrs.push(
      { label: `${who}: bits 60..M set`, a: range(60, m) },
      { label: `${who}: bits 63..M set`, a: range(63, m) },
      { label: `${who}: bits 60..M+1 set, bit M clear`, a: range(60, m + 1) },
      { label: `${who}: bits 60..M-1 set`, a: range(60, m - 1) },
      { label: `${who}: bit M-1 and below set`, a: range(m - 1, 0) },
      { label: `${who}: bits 60..M set, bit M+1 flipped`, a: range(60, m) ^ bit(m + 1) },
      { label: `${who}: bits M..0 set`, a: range(m, 0) },
      { label: `${who}: bits M+1..0 set`, a: range(m + 1, 0) },
    );
    for (let r = 0; r < 8; r++) {
      addrs.push({ label: `${who}: region ${r}, sign 0`, a: (BigInt(r) << 61n) | 0x1234n });
      addrs.push({ label: `${who}: region ${r}, sign 1`, a: (BigInt(r) << 61n) | range(60, m) | 0x1234n });
    }
  }
  addrs.push(
    { label: 'phys: bits 62..P+1 set', a: range(62, p + 1) },
    { label: 'phys: bits P..0 set', a: range(p, 0) },
    { label: 'phys: bit 63 with bits P..0', a: bit(63) | range(p, 0) },
    { label: 'phys: bits 63..P+1 set', a: range(63, p + 1) },
  );
  const rows: { label: string; v: Record<string, bigint | number> }[] = [];
  for (const x of addrs)
    for (let k = 0; k < 4; k++)
      rows.push({
        label: `addr ${x.label} (0x${x.a.toString(16)}) vm=${k & 1} phys=${k >> 1}`,
        v: { addr: x.a, vm: k & 1, phys: k >> 1 },
      });
  return packVectors(ADDR_CHECK_INPUTS, rows);
}

// Random shaping as a table: entry (kind, j) for the 8 kinds × j in 0..173 (174 = lcm(3, 6,
// 29): j mod 3, j mod 6 and j mod 29 are each uniform when j is). hi' = (hi & keep) |
// (ext & sign) | (flip & ~sign), sign = -(bit kk of hi): kind 0 raw; 1-3 and 7 sign-extended
// from bit k near a boundary (M0-1..M0+1, M1-1..M1+1, clamped to 32..60), 4 from k anywhere
// in 32..60, 5 monitor-only (extended from M0, then bit M1 made to differ from bit M0),
// 6 physical-style (bits 62..k+1 clear, k = IMPL_PA_MSB-1..+1).
const J = 174;
/** Per entry e, words 4e..4e+3: keep, ext, flip, kk (one cache line holds four entries). */
const tables = new Map<string, Int32Array>();
function shapeTable(m0: number, m1: number, p: number): Int32Array {
  const key = `${m0},${m1},${p}`;
  const have = tables.get(key);
  if (have) return have;
  const t = new Int32Array(4 * 8 * J);
  const near = [m1 - 1, m1, m1 + 1, m0 - 1, m0, m0 + 1].map((k) => Math.min(60, Math.max(32, k)));
  for (let kind = 0; kind < 8; kind++)
    for (let j = 0; j < J; j++) {
      const e = 4 * (kind * J + j);
      t[e] = -1;
      if (kind === 0) continue;
      if (kind === 6) {
        const k = Math.min(62, p - 1 + (j % 3));
        if (k < 62) {
          const b = k + 1 - 32;
          t[e] = ~((0x7fffffff >>> b) << b);
        }
        continue;
      }
      const k = kind === 4 ? 32 + (j % 29) : kind === 5 ? m0 : near[j % near.length]!;
      const b = k - 32,
        m = (0x1fffffff >>> b) << b;
      const f = kind === 5 && m1 < m0 ? 1 << (m1 - 32) : 0;
      t[e] = ~(m | f);
      t[e + 1] = m;
      t[e + 2] = f;
      t[e + 3] = b;
    }
  tables.set(key, t);
  return t;
}

/** Random vectors: uniformly random addresses are almost all unimplemented, so 6 kinds in 8
 *  are shaped toward a boundary (see shapeTable); vm and phys uniform. Three random words
 *  per vector (the address, then one word: kind in bits 0..2, j = (bits 3..18 × 174) >> 16, vm bit 30,
 *  phys bit 31), shaped without branches. */
export function randomAddrCheck(
  count: number,
  r: RandomOptions & { readonly options?: AddrCheckOptions } = {},
): Stimulus {
  const o = resolveAddrCheckOptions(r.options);
  const m0 = o.implVaMsb,
    m1 = o.vmImplemented ? m0 - o.guestShrink : m0;
  const t = shapeTable(m0, m1, o.implPaMsb);
  const src = sourceOf(r);
  const cols = columnsFor(ADDR_CHECK_INPUTS, count, r.into);
  const addr = cols.addr!,
    vm = cols.vm!,
    phys = cols.phys!;
  src.fill(addr.subarray(0, 2 * count));
  const shape = randomWords(src, count);
  for (let i = 0; i < count; i++) {
    const s = shape[i]!;
    const e = ((s & 7) * J + ((((s >>> 3) & 0xffff) * J) >>> 16)) << 2;
    const hi = addr[2 * i + 1]!;
    const sign = -((hi >>> t[e + 3]!) & 1);
    addr[2 * i + 1] = (hi & t[e]!) | (t[e + 1]! & sign) | (t[e + 2]! & ~sign);
    vm[i] = (s >>> 30) & 1;
    phys[i] = s >>> 31;
  }
  return { count, inputs: cols };
}
