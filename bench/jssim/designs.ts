// The two benchmark designs, built as IR by hand (like the tests), and hand-written JS
// baselines of the same functions over the same column arrays.
import { DEFAULT_CONFIG, guestImplVaMsb } from '../../arch/config.js';
import type { IRDesign } from '../../hdl/ir/types.js';
import { design, Mod } from '../../test/sim/jssim/ir.js';

/** Bits hi..lo set, as a bigint. */
const bits = (hi: number, lo: number) => ((1n << BigInt(hi + 1)) - 1n) ^ ((1n << BigInt(lo)) - 1n);

// Virtual address: bits 60..M+1 must equal bit M, i.e. addr{60:M} is all zeros or all ones
// (architecture.md §7), M = IMPL_VA_MSB, or the guest value when vm = 1.
export const VA_MASK_VMM = bits(60, DEFAULT_CONFIG.implVaMsb);
export const VA_MASK_GUEST = bits(60, guestImplVaMsb(DEFAULT_CONFIG));

/** 64-bit mask comparator: unimpl = (addr & m) ∉ {0, m}, m chosen by vm. */
export function maskComparator(): IRDesign {
  const m = new Mod('mask_cmp');
  const addr = m.ref(m.input('addr', 64));
  const vm = m.ref(m.input('vm', 1));
  const mask = m.mux(vm, m.c(64, VA_MASK_GUEST), m.c(64, VA_MASK_VMM));
  const x = m.bin('and', addr, mask);
  const bad = m.bin('and', m.cmp('ne', x, m.c(64, 0)), m.cmp('ne', x, mask));
  m.comb(m.assign(m.output('unimpl', 1), bad));
  return design(m);
}

/** As one would write it: ternary and short-circuit (branches on the data). */
export function maskComparatorBaseline(addr: Uint32Array, vm: Uint32Array, out: Uint32Array, n: number): void {
  const g = Number(VA_MASK_GUEST >> 32n) >>> 0;
  const v = Number(VA_MASK_VMM >> 32n) >>> 0; // both masks lie in the high word
  for (let k = 0; k < n; k++) {
    const m = vm[k] ? g : v;
    const x = (addr[2 * k + 1]! & m) >>> 0;
    out[k] = x !== 0 && x !== m ? 1 : 0;
  }
}

/** The same, written branch-free (what jssim generates): select by mask, booleans by unary plus. */
export function maskComparatorBranchless(addr: Uint32Array, vm: Uint32Array, out: Uint32Array, n: number): void {
  const g = Number(VA_MASK_GUEST >> 32n) >>> 0;
  const v = Number(VA_MASK_VMM >> 32n) >>> 0;
  for (let k = 0; k < n; k++) {
    const m = (v ^ ((g ^ v) & -vm[k]!)) >>> 0;
    const x = (addr[2 * k + 1]! & m) >>> 0;
    out[k] = +(x !== 0) & +(x !== m);
  }
}

/** 64-bit counter (cnt += inc, synchronous reset to 0) and a 64-bit adder sum = cnt + a. */
export function counterAdder(): IRDesign {
  const m = new Mod('cnt_add');
  const clk = m.input('clk', 1),
    rst = m.input('rst', 1);
  const inc = m.ref(m.input('inc', 64)),
    a = m.ref(m.input('a', 64));
  const cnt = m.reg('cnt', 64, clk, rst, 0n);
  m.sync(clk, rst, m.assign(cnt, m.bin('add', m.ref(cnt), inc)));
  m.comb(m.assign(m.output('sum', 64), m.bin('add', m.ref(cnt), a)));
  return design(m);
}

/** As one would write it (the reset as an if, carries as ternaries). */
export function counterAdderBaseline(
  state: { lo: number; hi: number },
  rst: Uint32Array,
  inc: Uint32Array,
  a: Uint32Array,
  sum: Uint32Array,
  n: number,
): void {
  let lo = state.lo,
    hi = state.hi;
  for (let k = 0; k < n; k++) {
    if (rst[k]) {
      lo = 0;
      hi = 0;
    } else {
      const t = lo + inc[2 * k]!;
      lo = t >>> 0;
      hi = (hi + inc[2 * k + 1]! + (t > 0xffffffff ? 1 : 0)) >>> 0;
    }
    const s = lo + a[2 * k]!;
    sum[2 * k] = s;
    sum[2 * k + 1] = hi + a[2 * k + 1]! + (s > 0xffffffff ? 1 : 0);
  }
  state.lo = lo;
  state.hi = hi;
}

/** The same, branch-free. */
export function counterAdderBranchless(
  state: { lo: number; hi: number },
  rst: Uint32Array,
  inc: Uint32Array,
  a: Uint32Array,
  sum: Uint32Array,
  n: number,
): void {
  let lo = state.lo,
    hi = state.hi;
  for (let k = 0; k < n; k++) {
    const keep = rst[k]! - 1; // all ones unless reset
    const t = lo + inc[2 * k]!;
    hi = ((hi + inc[2 * k + 1]! + +(t > 0xffffffff)) & keep) >>> 0;
    lo = (t & keep) >>> 0;
    const s = lo + a[2 * k]!;
    sum[2 * k] = s;
    sum[2 * k + 1] = hi + a[2 * k + 1]! + +(s > 0xffffffff);
  }
  state.lo = lo;
  state.hi = hi;
}
