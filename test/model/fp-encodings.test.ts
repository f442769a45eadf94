// Issue 16's closing check: every F-unit and FP memory encoding that objdump knows executes in
// the model, or is rejected by the one documented rule below. Random slots of the FP major
// opcodes (F-unit 0-15; M-unit 0, 1, 4, 6, 7 for chk/invala, getf, setf, ldf/ldfp/stf) are
// packed into MFI bundles and disassembled by objdump; for each slot objdump prints as an FP
// instruction, the model must print the same text and compile it to semantics, or reject it
// under REJECT_RULE. Every FP mnemonic objdump showed must have executed at least once.
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBundle, decodeSlot, disasmBundle } from '../../model/decode/decode.js';
import { compileInsn } from '../../model/exec/compile.js';
import { Workdir } from './binutils.js';
import { xorshift } from './randslots.js';

/**
 * The documented reject rule (model/README.md "Floating point"): an encoding with nonzero bits
 * in a field its format leaves unused (objdump ignores them and prints the instruction), or a
 * reserved hint, stops the run as an unmodelled encoding. The model's reason names the field.
 */
const REJECT_RULE = /nonzero|bit \d+ set|bits \d+:\d+|reserved hint/;

/** objdump's FP mnemonics: every F-unit one, and the FP memory and FR-checking M-unit ones. */
const FP_TEXT = {
  M: /^(\(p\d+\) )?(ldf\S*|stf\S*|getf\S*|setf\S*|chk\.s f|chk\.a\.\w+ f|invala\.e f)/,
  F: /^(\(p\d+\) )?\S/,
} as const;

const M_OPCODES = [0, 1, 4, 6, 7] as const;
const MFI = 0x0cn;
const NOP_I = 0x0008000000n;

function randomSlot(rnd: () => number, op: number): bigint {
  // Sparse bit patterns (ANDs of random words) make the zero-valued unused fields common.
  let lo = rnd(),
    hi = rnd();
  for (let k = rnd() % 3; k > 0; k--) {
    lo &= rnd();
    hi &= rnd();
  }
  return (BigInt(op) << 37n) | (BigInt(hi & 0x1f) << 32n) | BigInt(lo >>> 0);
}

/** MFI bundles of (M slot, F slot) pairs, slot 2 a nop.i. */
function pack(pairs: readonly (readonly [bigint, bigint])[]): Uint8Array {
  const bytes = new Uint8Array(pairs.length * 16);
  const dv = new DataView(bytes.buffer);
  pairs.forEach(([m, f], i) => {
    const bits = (NOP_I << 87n) | (f << 46n) | (m << 5n) | MFI;
    for (let k = 0; k < 4; k++) dv.setUint32(i * 16 + 4 * k, Number((bits >> BigInt(32 * k)) & 0xffffffffn), true);
  });
  return bytes;
}

function randomPairs(seed: number, n: number): [bigint, bigint][] {
  const rnd = xorshift(seed);
  return Array.from({ length: n }, () => [
    randomSlot(rnd, M_OPCODES[rnd() % M_OPCODES.length]!),
    randomSlot(rnd, rnd() % 16),
  ]);
}

/** Bit ranges [lo, hi] that some FP format leaves unused, per unit (tried one at a time, then together). */
const UNUSED: Record<'M' | 'F', readonly [number, number][]> = {
  M: [
    [20, 26],
    [28, 29],
    [13, 19],
    [6, 12],
    [27, 27],
    [36, 36],
  ],
  F: [
    [34, 36],
    [33, 36],
    [36, 36],
    [26, 26],
    [13, 19],
    [20, 26],
    [6, 12],
  ],
};
const clear = (slot: bigint, [lo, hi]: readonly [number, number]) =>
  slot & ~(((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(lo));

/** The slot with unused fields cleared until the model decodes it (null if none does). */
function repaired(slot: bigint, unit: 'M' | 'F'): bigint | null {
  const ok = (v: bigint) =>
    decodeSlot(unit, { lo: Number(v & 0xffffffffn), hi: Number(v >> 32n) }, 0n).op !== 'unsupported';
  for (const r of UNUSED[unit]) if (ok(clear(slot, r))) return clear(slot, r);
  let v = slot;
  for (const r of UNUSED[unit]) {
    v = clear(v, r);
    if (ok(v)) return v;
  }
  return null;
}

const strip = (t: string) => t.replace(/;;$/, '').trim();
/**
 * The mnemonic whose execution is required: the status field (.s0-.s3, an operand of the
 * arithmetic) is dropped, and objdump's .d1-.d7 hint completers (encodings of hint fields the
 * SDM reserves: REJECT_RULE) name the plain form.
 */
const mnemonicOf = (t: string) =>
  t
    .replace(/^\(p\d+\) /, '')
    .split(' ')[0]!
    .replace(/\.s[0-3]$/, '')
    .replace(/\.d[1-7]$/, '');

describe('FP encodings objdump knows', () => {
  const work = new Workdir();
  afterAll(() => work.dispose());

  it('execute in the model or are rejected by the documented rule', () => {
    const executed = new Set<string>(),
      seen = new Set<string>();
    const wrong: string[] = [];
    /** Checks one batch against objdump; returns the pairs whose FP slot the rule rejected. */
    const check = (pairs: readonly (readonly [bigint, bigint])[]) => {
      const bytes = pack(pairs);
      const od = work.objdumpRaw(bytes);
      expect(od.length).toBe(pairs.length);
      const rejected: [bigint, bigint][] = [];
      for (let i = 0; i < od.length; i++) {
        const d = decodeBundle(bytes, i * 16, BigInt(i * 16));
        const mine = disasmBundle(d);
        for (const s of [0, 1]) {
          const theirs = strip(od[i]!.texts[s] ?? '');
          if (!FP_TEXT[s === 0 ? 'M' : 'F'].test(theirs) || theirs.startsWith('data8')) continue;
          const mn = mnemonicOf(theirs);
          seen.add(mn);
          const ours = strip(mine[s] ?? ''),
            ins = d.slots[s]!;
          if (ins.op === 'unsupported') {
            if (!REJECT_RULE.test(ins.ops)) wrong.push(`${theirs}: rejected (${ins.ops})`);
            else if (!executed.has(mn)) {
              const unit = s === 0 ? 'M' : 'F';
              const fixed = repaired(pairs[i]![s]!, unit);
              if (fixed !== null) rejected.push(s === 0 ? [fixed, pairs[i]![1]] : [pairs[i]![0], fixed]);
            }
            continue;
          }
          if (ours !== theirs) {
            wrong.push(`${theirs}: model prints ${ours}`);
            continue;
          }
          compileInsn(ins, d.raw[s]!); // throws on an instruction class without semantics
          executed.add(mn);
        }
      }
      return rejected;
    };
    // Random encodings, then the rejected ones again with their unused fields cleared: the
    // same instruction in its architected encoding must execute.
    const again = check(randomPairs(2026, 30000));
    check(again);
    expect(wrong.slice(0, 10)).toEqual([]);
    expect([...seen].filter((mn) => !executed.has(mn))).toEqual([]);
    // The generator reaches the whole FP set (mnemonics without sf): arithmetic, every load kind.
    expect(seen.size).toBeGreaterThan(150);
  });
});
