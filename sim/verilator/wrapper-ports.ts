// Per-port C++ statements of the generated addon, emitted straight-line from the port
// list (no per-vector dispatch on port type), so the batch loops run close to the speed
// of a hand-written C++ test bench.
//
// Column layout (shared with model.ts): a port of width w takes nw = ceil(w/32) words
// per vector; vector v occupies words [v*nw, v*nw+nw), least-significant word first.
// Verilator stores <= 8/16/32 bits as CData/SData/IData, <= 64 as QData (uint64_t),
// wider as VlWide<nw> (uint32_t words, least significant first).
import { type PortSpec, wordsFor } from './spec.js';

function mask32(bits: number): string {
  return bits >= 32 ? '0xffffffffu' : `0x${((2 ** bits) - 1).toString(16)}u`;
}

/** C++ statements writing input column `c` (pointer `p`) for vector `v` into the model
 *  (`base`: the model, or its root, whose members are the ports themselves rather than
 *  references to them). */
export function setInput(p: PortSpec, c: string, base = 'top'): string[] {
  const w = p.width;
  const nw = wordsFor(w);
  const top = `${base}->${p.name}`;
  if (w <= 32) return [`${top} = ${c}[v] & ${mask32(w)};`];
  if (w <= 64) {
    return [`${top} = (static_cast<uint64_t>(${c}[2 * v + 1] & ${mask32(w - 32)}) << 32) | ${c}[2 * v];`];
  }
  const out: string[] = [];
  for (let j = 0; j < nw; j++) {
    const m = j === nw - 1 ? ` & ${mask32(w - 32 * j)}` : '';
    out.push(`${top}[${j}] = ${c}[${nw} * v + ${j}]${m};`);
  }
  return out;
}

/** C++ statements reading model port `p` for vector `v` into column `c`. */
export function getPort(p: PortSpec, c: string): string[] {
  const w = p.width;
  const nw = wordsFor(w);
  const top = `top->${p.name}`;
  if (w <= 32) return [`${c}[v] = ${top};`];
  if (w <= 64) {
    return [`{ const uint64_t x = ${top}; ${c}[2 * v] = static_cast<uint32_t>(x); ${c}[2 * v + 1] = static_cast<uint32_t>(x >> 32); }`];
  }
  const out: string[] = [];
  for (let j = 0; j < nw; j++) out.push(`${c}[${nw} * v + ${j}] = ${top}[${j}];`);
  return out;
}

/** C++ statements OR-ing the difference of model port `p` for vector `v` from column `e`
 *  (the expected words) into `diff`, and storing the port into column `c` (unless null). */
export function checkPort(p: PortSpec, c: string | null, e: string, base = 'top'): string[] {
  const w = p.width;
  const nw = wordsFor(w);
  const top = `${base}->${p.name}`;
  const st = (at: string, x: string) => (c === null ? '' : ` ${c}[${at}] = ${x};`);
  if (w <= 32) return [`{ const uint32_t x = ${top};${st('v', 'x')} diff |= x ^ ${e}[v]; }`];
  if (w <= 64) {
    return [`{ const uint64_t x = ${top}; const uint32_t lo = static_cast<uint32_t>(x), hi = static_cast<uint32_t>(x >> 32);`,
      `${st('2 * v', 'lo')}${st('2 * v + 1', 'hi')} diff |= (lo ^ ${e}[2 * v]) | (hi ^ ${e}[2 * v + 1]); }`];
  }
  const out: string[] = [];
  for (let j = 0; j < nw; j++) out.push(`{ const uint32_t x = ${top}[${j}];${st(`${nw} * v + ${j}`, 'x')} diff |= x ^ ${e}[${nw} * v + ${j}]; }`);
  return out;
}

/** selfBench stimulus: xorshift state `s` written straight into the model's port. */
export function randomInput(p: PortSpec): string[] {
  if (p.width <= 64) {
    const m = p.width === 64 ? '~0ull' : `0x${((1n << BigInt(p.width)) - 1n).toString(16)}ull`;
    return [`VTI_RAND(); top->${p.name} = s & ${m};`];
  }
  const nw = wordsFor(p.width);
  return Array.from({ length: nw }, (_, j) =>
    `VTI_RAND(); top->${p.name}[${j}] = static_cast<uint32_t>(s)${j === nw - 1 ? ` & ${mask32(p.width - 32 * j)}` : ''};`);
}

/** selfBench: fold an output into the checksum so the compiler cannot drop the eval. */
export function foldOutput(p: PortSpec): string {
  return `sum = sum * 31 + top->${p.name}${p.width > 64 ? '[0]' : ''};`;
}
