// vti_addr_check stimulus. Directed (from §7): each single bit, sign patterns and bit M / M+1
// flips at the VMM and guest IMPL_VA_MSB, all region-bit combinations, the IMPL_PA_MSB
// boundary and bit 63, crossed with vm and phys. Random: uniformly random addresses are almost
// all unimplemented, so most vectors are sign-extended at (or near) a boundary, one in eight
// is made monitor-only and one in eight has the physical high bits cleared.
import { ADDR_CHECK_INPUTS, resolveAddrCheckOptions, type AddrCheckOptions } from '../addr_check.js';
import { packVectors, randomColumns, sourceOf, type RandomOptions, type Stimulus } from './common.js';

const M64 = (1n << 64n) - 1n;
/** Bits hi..lo set. */
const range = (hi: number, lo: number): bigint => (hi < lo ? 0n : ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo));
const bit = (i: number): bigint => 1n << BigInt(i);

export function directedAddrCheck(opts: AddrCheckOptions = {}): Stimulus {
  const o = resolveAddrCheckOptions(opts);
  const m0 = o.implVaMsb, m1 = o.implVaMsb - o.guestShrink, p = o.implPaMsb;
  const addrs: { label: string; a: bigint }[] = [
    { label: '0', a: 0n }, { label: 'all ones', a: M64 }, { label: 'low pattern 0x5555…', a: 0x5555_5555_5555_5555n & range(49, 0) },
  ];
  for (let i = 0; i < 64; i++) addrs.push({ label: `bit ${i}`, a: bit(i) });
  for (const [who, m] of [['M=IMPL_VA_MSB', m0], ['M=guest', m1]] as const) {
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
      rows.push({ label: `addr ${x.label} (0x${x.a.toString(16)}) vm=${k & 1} phys=${k >> 1}`, v: { addr: x.a, vm: k & 1, phys: k >> 1 } });
  return packVectors(ADDR_CHECK_INPUTS, rows);
}

export function randomAddrCheck(count: number, r: RandomOptions & { readonly options?: AddrCheckOptions } = {}): Stimulus {
  const o = resolveAddrCheckOptions(r.options);
  const m0 = o.implVaMsb, m1 = o.vmImplemented ? m0 - o.guestShrink : m0, p = o.implPaMsb;
  const src = sourceOf(r);
  const cols = randomColumns(ADDR_CHECK_INPUTS, count, { source: src });
  const shape = new Uint32Array(count);
  src.fill(shape);
  const near = [m1 - 1, m1, m1 + 1, m0 - 1, m0, m0 + 1].map((k) => Math.min(60, Math.max(32, k)));
  const addr = cols.addr!;
  for (let i = 0; i < count; i++) {
    const s = shape[i]!;
    let hi = addr[2 * i + 1]!;
    const kind = s & 7, r = s >>> 3;
    if (kind === 0) {
      // raw random
    } else if (kind === 6) {
      // physical-style: bits 62..k+1 clear, k near IMPL_PA_MSB
      const k = Math.min(62, p - 1 + (r % 3));
      if (k < 62) { const kk = k + 1 - 32; hi &= ~(((0x7fffffff >>> kk) << kk) >>> 0); }
    } else {
      // sign-extend bits 60..k from bit k: near a boundary, or (kind 4) anywhere in 32..60
      const k = kind === 4 ? 32 + (r % 29) : kind === 5 ? m0 : near[r % near.length]!;
      const kk = k - 32, m = ((0x1fffffff >>> kk) << kk) >>> 0;
      hi = (hi >>> kk) & 1 ? hi | m : hi & ~m;
      // kind 5: monitor-only — implemented at M0, then bit M1 made to differ from bit M0
      if (kind === 5 && m1 < m0) hi = (hi & ~(1 << (m1 - 32))) | ((((hi >>> kk) & 1) ^ 1) << (m1 - 32));
    }
    addr[2 * i + 1] = hi;
  }
  return { count, inputs: cols };
}
