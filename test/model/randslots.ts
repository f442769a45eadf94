// Random bundle generator for the decoder's objdump-oracle test: random 41-bit slots per unit,
// kept when the model decodes them as a supported instruction, stratified by mnemonic so that
// every covered instruction (and completer) appears, then packed into bundles of random
// valid templates.
import { decodeSlot } from '../../model/decode/decode.js';
import { decodeX } from '../../model/decode/decode-fx.js';
import type { Slot } from '../../model/decode/bundle.js';
import { TEMPLATES } from '../../model/decode/templates.js';

export function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function randomSlot(rnd: () => number): Slot {
  // Half of the candidates are sparse (AND of two words) so that zero-valued extension fields,
  // which select many instructions, come up often.
  let lo = rnd(),
    hi = rnd() & 0x1ff;
  if (rnd() & 1) {
    lo &= rnd();
    hi &= rnd();
  }
  hi = (hi & 0x1f) | ((rnd() & 0xf) << 5); // uniform major opcode
  return { lo: lo >>> 0, hi };
}

export interface Pools {
  M: Slot[];
  I: Slot[];
  B: Slot[];
  F: Slot[];
  LX: [Slot, Slot][];
  mnemonics: Set<string>;
}

export function buildPools(seed: number, tries: number, perMnemonic: number): Pools {
  const rnd = xorshift(seed);
  const pools: Pools = { M: [], I: [], B: [], F: [], LX: [], mnemonics: new Set() };
  const count = new Map<string, number>();
  const keep = (key: string) => {
    const n = count.get(key) ?? 0;
    if (n >= perMnemonic) return false;
    count.set(key, n + 1);
    return true;
  };
  for (const unit of ['M', 'I', 'B', 'F'] as const) {
    for (let k = 0; k < tries; k++) {
      const s = randomSlot(rnd);
      // Branch targets depend on the bundle address, which changes when packed; the text is
      // recomputed at comparison time, so decoding at 0 is only for classification.
      const ins = decodeSlot(unit, s, 0n);
      // objdump's hint.m reads its immediate from other bits than nop.m (and rejects some
      // encodings as data8): a binutils defect, so hint.m stays out of the text comparison.
      if (ins.op === 'unsupported' || ins.mn === 'hint.m') continue;
      if (keep(unit + ':' + ins.mn)) {
        pools[unit].push(s);
        pools.mnemonics.add(ins.mn);
      }
    }
  }
  for (let k = 0; k < tries; k++) {
    const l = randomSlot(rnd),
      x = randomSlot(rnd);
    const ins = decodeX(l, x);
    if (ins.op === 'unsupported') continue;
    if (keep('X:' + ins.mn)) {
      pools.LX.push([l, x]);
      pools.mnemonics.add(ins.mn);
    }
  }
  return pools;
}

/** Packs the pools into bundles (each pool entry used at least once). */
export function packBundles(pools: Pools, seed: number): Uint8Array {
  const rnd = xorshift(seed);
  const valid = TEMPLATES.map((t, i) => [t, i] as const).filter(([t]) => t !== null);
  const queues = { M: [...pools.M], I: [...pools.I], B: [...pools.B], F: [...pools.F] };
  const pick = (u: 'M' | 'I' | 'B' | 'F'): Slot => {
    const q = queues[u];
    if (q.length) return q.pop()!;
    const p = pools[u];
    return p[rnd() % p.length]!;
  };
  const bundles: number[][] = [];
  let lx = 0;
  while (queues.M.length || queues.I.length || queues.B.length || queues.F.length || lx < pools.LX.length) {
    const [t, idx] = valid[rnd() % valid.length]!;
    let s: Slot[];
    if (t!.units[1] === 'L') {
      if (!pools.LX.length) continue;
      const pair = pools.LX[lx < pools.LX.length ? lx++ : rnd() % pools.LX.length]!;
      s = [pick('M'), pair[0], pair[1]];
    } else s = t!.units.map((u) => pick(u as 'M' | 'I' | 'B' | 'F'));
    bundles.push(pack(idx, s[0]!, s[1]!, s[2]!));
  }
  const out = new Uint8Array(bundles.length * 16);
  bundles.forEach((w, i) => {
    w.forEach((v, j) => {
      new DataView(out.buffer).setUint32(i * 16 + 4 * j, v >>> 0, true);
    });
  });
  return out;
}

function pack(template: number, s0: Slot, s1: Slot, s2: Slot): number[] {
  const bits =
    (((BigInt(s2.hi) << 32n) | BigInt(s2.lo)) << 87n) |
    (((BigInt(s1.hi) << 32n) | BigInt(s1.lo)) << 46n) |
    (((BigInt(s0.hi) << 32n) | BigInt(s0.lo)) << 5n) |
    BigInt(template);
  return [0, 1, 2, 3].map((k) => Number((bits >> BigInt(32 * k)) & 0xffffffffn));
}
